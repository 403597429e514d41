import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { timezoneQueries } from '../../api/configurations';
import { inputClass } from '../../components/field';
import { useNow } from '../../lib/use-now';

const MAX_OPTIONS = 50;

function localTime(timeZone: string, now: number): string {
  try {
    return new Date(now).toLocaleTimeString('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
    });
  } catch {
    return '';
  }
}

/** A searchable combobox of the server's IANA timezones, showing the local time in each. */
export function TimezonePicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (timezone: string) => void;
  error?: string;
}) {
  const timezones = useQuery(timezoneQueries.list());
  const [query, setQuery] = useState(value);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const now = useNow(30_000);
  const id = useId();
  const listId = `${id}-list`;
  const messageId = `${id}-message`;
  const matches = useMemo(() => {
    const q = query.trim().toLowerCase().replaceAll(' ', '_');
    const all = timezones.data ?? [];
    return (
      q && q !== value.toLowerCase() ? all.filter((tz) => tz.toLowerCase().includes(q)) : all
    ).slice(0, MAX_OPTIONS);
  }, [timezones.data, query, value]);

  function choose(tz: string) {
    onChange(tz);
    setQuery(tz);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && open && matches[active]) {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setQuery(value);
    }
  }

  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium">
        Timezone
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={messageId}
        className={inputClass}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setQuery(value);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
      />
      <p id={messageId} className={`mt-1 text-xs ${error ? 'text-red-800' : 'text-slate-600'}`}>
        {error ??
          (value
            ? `Local time in ${value}: ${localTime(value, now)}`
            : 'Type to search, e.g. London')}
      </p>
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Timezones"
          // Scrollable lists are tab stops in Chromium; focus leaving the input closes this
          // list, so Tab must go on to the next field, not into a list about to vanish.
          tabIndex={-1}
          className="absolute z-10 mt-1 max-h-60 w-full overflow-y-auto rounded-md border border-slate-200 bg-white shadow-lg"
        >
          {timezones.isPending && (
            <li className="px-3 py-2 text-sm text-slate-600">Loading timezones…</li>
          )}
          {timezones.isError && (
            <li className="px-3 py-2 text-sm text-red-800">Could not load timezones.</li>
          )}
          {timezones.data && matches.length === 0 && (
            <li className="px-3 py-2 text-sm text-slate-600">No timezone matches “{query}”.</li>
          )}
          {matches.map((tz, i) => (
            <li
              key={tz}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`flex cursor-pointer justify-between px-3 py-1.5 text-sm ${i === active ? 'bg-indigo-50 text-indigo-900' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(tz);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span>{tz}</span>
              <span className="text-slate-500 tabular-nums">{localTime(tz, now)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
