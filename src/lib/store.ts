import { useSyncExternalStore } from 'react';

/** A value outside React that components read and re-render on: the one subscribe/emit. */
export type Store<T> = {
  get: () => T;
  set: (next: T) => void;
  subscribe: (listener: () => void) => () => void;
};

/**
 * `announce`: when listeners hear of a change (at once by default); `get` has the new value
 * either way.
 */
export function createStore<T>(
  initial: T,
  announce: (notify: () => void) => void = (notify) => notify(),
): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      announce(() => listeners.forEach((l) => l()));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
