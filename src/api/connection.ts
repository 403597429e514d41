import { useSyncExternalStore } from 'react';

// Where the dashboard sends requests and with which credential. The token lives in
// sessionStorage unless the user asked to be remembered; it never goes into a URL.
export type Connection = {
  baseUrl: string;
  token: string;
  orgId: string | null;
  remember: boolean;
};

const STORAGE_KEY = 'headroom.connection';

type State = { connection: Connection | null; rejected: boolean };
let state: State = { connection: null, rejected: false };
const listeners = new Set<() => void>();

function emit(next: State) {
  state = next;
  listeners.forEach((l) => l());
}

function readStored(): Connection | null {
  for (const storage of [sessionStorage, localStorage]) {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) continue;
    try {
      const parsed = JSON.parse(raw) as Connection;
      if (typeof parsed.token === 'string' && parsed.token) return parsed;
    } catch {
      storage.removeItem(STORAGE_KEY);
    }
  }
  return null;
}

/** Restores a saved connection, else falls back to the server's demo credential, if any. */
export function initConnection(fallback: Connection | null): void {
  emit({ connection: readStored() ?? fallback, rejected: false });
}

export function saveConnection(connection: Connection): void {
  sessionStorage.removeItem(STORAGE_KEY);
  localStorage.removeItem(STORAGE_KEY);
  (connection.remember ? localStorage : sessionStorage).setItem(
    STORAGE_KEY,
    JSON.stringify(connection),
  );
  emit({ connection, rejected: false });
}

export function forgetConnection(): void {
  sessionStorage.removeItem(STORAGE_KEY);
  localStorage.removeItem(STORAGE_KEY);
  emit({ connection: null, rejected: false });
}

/** The server answered 401: the credential is missing or unknown. */
export function markConnectionRejected(): void {
  if (!state.rejected) emit({ ...state, rejected: true });
}

export function getConnection(): Connection | null {
  return state.connection;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useConnectionState(): State {
  return useSyncExternalStore(subscribe, () => state);
}

export function authHeaders(connection: Connection): Record<string, string> {
  const headers: Record<string, string> = { Authorization: `Bearer ${connection.token}` };
  if (connection.token.startsWith('pat_') && connection.orgId) {
    headers['X-Anyreach-Org'] = connection.orgId;
  }
  return headers;
}
