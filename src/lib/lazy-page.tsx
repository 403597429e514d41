import {
  lazy,
  startTransition,
  Suspense,
  useEffect,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';

let arrivals = 0;
const listeners = new Set<() => void>();

/** A page's code, loaded when the page first renders. */
export const lazyPage = <P extends object>(load: () => Promise<ComponentType<P>>) =>
  lazy(() =>
    load().then((Component) => {
      arrivals += 1;
      listeners.forEach((listener) => listener());
      return { default: Component };
    }),
  );

/**
 * The boundary around lazy pages. React reveals a boundary's content on its own by a retry,
 * which it holds until 300 ms after the fallback appeared: on a first load, the page would
 * show up to 300 ms after its code and data are in. An update of the boundary itself is not
 * held, so each page's arrival re-renders it, in a transition (rendered in slices).
 */
export function PageSuspense({ fallback, children }: { fallback: ReactNode; children: ReactNode }) {
  const [, setSeen] = useState(arrivals);
  useEffect(() => {
    const reveal = () => startTransition(() => setSeen(arrivals));
    listeners.add(reveal);
    // Code that arrived between the first render and this effect.
    reveal();
    return () => {
      listeners.delete(reveal);
    };
  }, []);
  return <Suspense fallback={fallback}>{children}</Suspense>;
}
