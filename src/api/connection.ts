import { notifyManager } from '@tanstack/react-query';
import { createStore, useStore } from '../lib/store';
import type { Access } from '../../contract/scopes';

// Where the dashboard sends requests and with which credential. The token lives in
// sessionStorage unless the user asked to be remembered; it never goes into a URL.
export type Connection = {
  baseUrl: string;
  token: string;
  orgId: string | null;
  remember: boolean;
};

const STORAGE_KEY = 'headroom.connection';

/** `storageBlocked`: the browser refuses storage (a cross-site frame, "block all cookies"). */
type State = { connection: Connection | null; rejected: boolean; storageBlocked: boolean };
const store = createStore<State>({ connection: null, rejected: false, storageBlocked: false });

/** What the server refused the current credential (its 403s), by access, `detail` as written. */
export type Refusals = Partial<Record<Access, string>>;

/**
 * The 403s met so far, for servers without the (ext) session to ask. Written at once, as the
 * request gate reads them before the next request leaves; announced to React in the query
 * cache's batch (notifyManager), as the failed request's own error is, so the two arrive in
 * one update.
 */
const refusals = createStore<Refusals>({}, notifyManager.schedule);

/** A connection set (or none) starts afresh: the server's word on one says nothing of the next. */
const emit = (state: State) => {
  if (Object.keys(refusals.get()).length > 0) refusals.set({});
  store.set(state);
};

/** Runs `access` on both storages; false when the browser blocks them (touching them throws). */
function withStorage(access: (session: Storage, local: Storage) => void): boolean {
  try {
    access(sessionStorage, localStorage);
    return true;
  } catch {
    return false;
  }
}

function readStored(): Connection | null {
  let found: Connection | null = null;
  withStorage((session, local) => {
    for (const storage of [session, local]) {
      const raw = storage.getItem(STORAGE_KEY);
      if (!raw || found) continue;
      try {
        const parsed = JSON.parse(raw) as Connection;
        if (typeof parsed.token === 'string' && parsed.token) found = parsed;
      } catch {
        storage.removeItem(STORAGE_KEY);
      }
    }
  });
  return found;
}

/** Restores a saved connection, else falls back to the server's demo credential, if any. */
export function initConnection(fallback: Connection | null): void {
  const storageBlocked = !withStorage((session) => session.getItem(STORAGE_KEY));
  emit({ connection: readStored() ?? fallback, rejected: false, storageBlocked });
}

/** Keeps the connection; where storage is blocked, in memory for as long as the page lives. */
export function saveConnection(connection: Connection): void {
  const stored = withStorage((session, local) => {
    session.removeItem(STORAGE_KEY);
    local.removeItem(STORAGE_KEY);
    (connection.remember ? local : session).setItem(STORAGE_KEY, JSON.stringify(connection));
  });
  emit({ connection, rejected: false, storageBlocked: !stored });
}

export function forgetConnection(): void {
  withStorage((session, local) => {
    session.removeItem(STORAGE_KEY);
    local.removeItem(STORAGE_KEY);
  });
  emit({ connection: null, rejected: false, storageBlocked: store.get().storageBlocked });
}

/** The server answered 401: the credential is missing or unknown. */
export function markConnectionRejected(): void {
  if (!store.get().rejected) store.set({ ...store.get(), rejected: true });
}

/** The server answered 403 to a request needing `access`: the first `detail` is kept. */
export function rememberRefusal(access: Access, detail: string): void {
  const known = refusals.get();
  if (!known[access]) refusals.set({ ...known, [access]: detail });
}

/** Why the server refused `access` to the current credential before, or null. */
export function refusalMet(access: Access): string | null {
  return refusals.get()[access] ?? null;
}

export function useRefusals(): Refusals {
  return useStore(refusals);
}

export function getConnection(): Connection | null {
  return store.get().connection;
}

/** Whether pages may ask the API: a credential the server has not refused. */
export function canRequest(): boolean {
  const { connection, rejected } = store.get();
  return connection !== null && !rejected;
}

export function useConnectionState(): State {
  return useStore(store);
}

export function authHeaders(connection: Connection): Record<string, string> {
  const headers: Record<string, string> = { Authorization: `Bearer ${connection.token}` };
  if (connection.token.startsWith('pat_') && connection.orgId) {
    headers['X-Anyreach-Org'] = connection.orgId;
  }
  return headers;
}
