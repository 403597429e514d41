import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * A search box bound to one URL parameter: the box shows what is typed at once, the URL gets
 * it (trimmed) `SEARCH_DEBOUNCE_MS` after the last key. The write merges into the URL as it
 * is when the timer fires, so a filter ticked meanwhile survives; `clear` names parameters
 * dropped with it (a page number). When the URL changes otherwise (back/forward, "Clear
 * all"), the box follows it, adjusted during render.
 */
export function useDebouncedParam(
  name: string,
  { clear = [] }: { clear?: readonly string[] } = {},
): [value: string, setValue: (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const url = params.get(name) ?? '';
  const [value, setValue] = useState(url);
  const [seen, setSeen] = useState(url);
  if (url !== seen) {
    setSeen(url);
    // Our own write comes back trimmed: keep the box as typed, trailing space included.
    if (url !== value.trim()) setValue(url);
  }

  // React Router's functional update starts from the params of the render that made the
  // setter, so the timer calls the newest setter, not the one of the key it was set by.
  const latestSetParams = useRef(setParams);
  useEffect(() => {
    latestSetParams.current = setParams;
  }, [setParams]);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);

  function type(next: string) {
    setValue(next);
    clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      latestSetParams.current(
        (latest) => {
          const out = new URLSearchParams(latest);
          const trimmed = next.trim();
          if ((out.get(name) ?? '') === trimmed) return latest;
          if (trimmed) out.set(name, trimmed);
          else out.delete(name);
          for (const key of clear) out.delete(key);
          return out;
        },
        // Each key is not a step back should go to.
        { replace: true },
      );
    }, SEARCH_DEBOUNCE_MS);
  }

  return [value, type];
}
