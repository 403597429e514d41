import { useDeferredValue } from 'react';

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
