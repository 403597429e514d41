import { createStore, useStore } from '../lib/store';

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
const emit = store.set;

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
  if (!store.get().rejected) emit({ ...store.get(), rejected: true });
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
