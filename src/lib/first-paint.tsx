// The first paint: what React Router's data router would do for this app (start a route's
// requests as the navigation starts, load its code, show a pending page), done without it,
// and what the first render needs beyond React. Each part is here because it measured a win
// that the router or React alone did not; docs/architecture.md, "The first paint", has the
// numbers. Nothing else in the app schedules work around the first paint.
import {
  lazy,
  startTransition,
  Suspense,
  useDeferredValue,
  useEffect,
  useState,
  type ComponentType,
  type ReactNode,
} from 'react';
import { matchRoutes, useLocation, useRoutes, type Params, type RouteObject } from 'react-router';
import { canRequest } from '../api/connection';

/** What a page's requests depend on: the route's params and the URL's query. */
export type Visit = { params: Params; search: URLSearchParams };
/**
 * A route's first requests (its `handle`), started before its code has loaded, as a data
 * router's loader that returns at once would. `once`: only on the first load (what the app
 * asks once), as a loader whose `shouldRevalidate` is false.
 */
export type RouteRequests = { start: (visit: Visit) => void; once?: boolean };

export const requests = (start: RouteRequests['start'], once = false): RouteRequests => ({
  start,
  once,
});
const requestsOf = (route: RouteObject) => route.handle as RouteRequests | undefined;

/** The requests of the routes that match `location`, each ready to start. */
function routeRequests(
  routes: RouteObject[],
  location: { pathname: string; search: string },
  firstLoad: boolean,
) {
  const search = new URLSearchParams(location.search);
  return (matchRoutes(routes, location.pathname) ?? []).flatMap(({ route, params }) => {
    const page = requestsOf(route);
    return page && (firstLoad || !page.once) ? [() => page.start({ params, search })] : [];
  });
}

/**
 * Sends the requests of the page at `url` before the first render, whose first task is a long
 * one on a slow phone; the app's routes then find them in flight in the query cache.
 */
export function startPageRequests(routes: RouteObject[], url: URL) {
  if (canRequest()) routeRequests(routes, url, true).forEach((start) => start());
}

/**
 * The route table at the current location. A location's requests start as it first renders,
 * before its lazy code has loaded: a navigation is a transition, which commits only once that
 * code is in, so an effect would wait for it. Renders come and go while a transition is
 * pending, hence the set of history entries already started. `firstStarted`: main.tsx sent
 * the first location's requests already.
 */
export function AppRoutes({
  routes,
  firstStarted = false,
}: {
  routes: RouteObject[];
  firstStarted?: boolean;
}) {
  const location = useLocation();
  const [firstKey] = useState(location.key);
  const [started] = useState(() => new Set(firstStarted ? [firstKey] : []));
  if (!started.has(location.key)) {
    started.add(location.key);
    if (canRequest())
      routeRequests(routes, location, location.key === firstKey).forEach((s) => s());
  }
  return useRoutes(routes, location);
}

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

/**
 * `pending`, kept true through the render in which the data arrives. A query's answer
 * re-renders synchronously (TanStack Query reads its cache through useSyncExternalStore), so
 * a page's first full render would be one long task on a phone; this way the urgent render
 * keeps the loading state and the content renders in a background pass that React splits
 * into short tasks.
 */
export function useDeferredPending(pending: boolean): boolean {
  const deferred = useDeferredValue(pending);
  return pending || deferred;
}

/**
 * Loads ICU's data on another core while the page's code and data download: the first
 * Intl formatter on the main thread would otherwise be one long task in the first render.
 */
export function warmIntlOffMainThread() {
  if (typeof Worker === 'undefined') return;
  try {
    new Worker(new URL('./intl-warmup.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    // A browser that refuses workers still formats, only later on the main thread.
  }
}

type SchedulerWithYield = { yield?: () => Promise<void> };

/**
 * Ends the current task and resumes in a new one, so the browser can paint and handle input
 * in between: a phone's main thread is never held for the whole app start at once.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerWithYield }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
