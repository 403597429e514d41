import { createContext, useContext } from 'react';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from './client';
import {
  getConnection,
  refusalMet,
  rememberRefusal,
  useConnectionState,
  useRefusals,
  type Connection,
  type Refusals,
} from './connection';
import { sessionSchema, type Extension, type Session } from '../../contract/schemas';
import { findRoute, grants, type Access } from '../../contract/scopes';
import { sayRefused } from './permission-words';

// What the current credential may do: the (ext) session, when the server offers it, is a
// query under a key per credential; the refusals met so far (for servers without it) are
// kept with the connection (api/connection.ts), which forgets them when it changes.

/** Identifies a credential in cache keys without holding the token itself. */
function credentialKey(connection: Connection | null): string {
  if (!connection) return 'none';
  let hash = 0x811c9dc5;
  for (let i = 0; i < connection.token.length; i++) {
    hash = Math.imul(hash ^ connection.token.charCodeAt(i), 0x01000193);
  }
  return `${connection.baseUrl}|${connection.orgId ?? ''}|${(hash >>> 0).toString(36)}`;
}

/** The (ext) session, or `null` when the server does not offer it (404). */
export function fetchSession(options: { connection?: Connection; signal?: AbortSignal } = {}) {
  return apiRequest('/campaign/session', { schema: sessionSchema, ...options }).catch(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    },
  );
}

export const sessionQueries = {
  all: () => ['session'] as const,
  current: (connection: Connection | null) =>
    queryOptions({
      queryKey: [...sessionQueries.all(), credentialKey(connection)] as const,
      queryFn: ({ signal }): Promise<Session | null> => fetchSession({ signal }),
      staleTime: Infinity,
      enabled: connection !== null,
    }),
};

/** A 403 teaches what this credential lacks; called for every failed query and mutation. */
export function learnFromRefusal(error: unknown) {
  if (!(error instanceof ApiError) || error.status !== 403 || !error.request) return;
  const access = findRoute(error.request.method, error.request.path)?.access;
  if (access) rememberRefusal(access, error.message);
}

/**
 * What the session (or a refusal met before) says of a request about to leave: the reason it
 * would be refused, or null. Requests sent while the session is on its way wait for it, so a
 * key's first page never asks what the key may not read.
 */
export function refusalBeforeSending(queryClient: QueryClient) {
  return async (method: string, path: string): Promise<string | null> => {
    const access = findRoute(method, path)?.access;
    if (!access || access === 'public' || access === 'authenticated') return null;
    const refused = refusalMet(access);
    if (refused) return refused;
    const options = sessionQueries.current(getConnection());
    const state = queryClient.getQueryState(options.queryKey);
    // Only a session already asked for is awaited: none is sent to decide a request.
    const session =
      state?.fetchStatus === 'fetching' && state.data === undefined
        ? await queryClient.fetchQuery(options).catch(() => null)
        : state?.data;
    return session && !grants(session.credential.scopes, access)
      ? sayRefused(access, session.credential)
      : null;
  };
}

type AccessState = {
  session: Session | null | undefined;
  refused: Refusals;
  checking: boolean;
};

/**
 * What the current credential may do and which extensions the server offers, read once by
 * the app shell and handed down through AccessContext: a page of 200 contacts asks it
 * hundreds of times, and a context read is cheaper than a query observer each.
 */
export function useAccessState(): AccessState {
  const { connection } = useConnectionState();
  const refused = useRefusals();
  const session = useQuery(sessionQueries.current(connection));
  return { session: session.data, refused, checking: session.isPending && connection !== null };
}

export const AccessContext = createContext<AccessState>({
  session: undefined,
  refused: {},
  checking: false,
});

export function useSession(): Session | null | undefined {
  return useContext(AccessContext).session;
}

export type Permission = {
  allowed: boolean;
  /** Why not, in words: the session's scopes, or the server's own 403 detail. */
  reason: string | null;
  /** The session is still loading: forms may wait before choosing read-only or editable. */
  checking: boolean;
};

/**
 * Whether the current credential may do something, from the session's scopes when the server
 * lists them, else from the refusals met so far: never from a request sent only to find out.
 * `action` ("start or pause") is what the control does, for the reason's sentence.
 */
export function usePermission(access: Access, action?: string): Permission {
  const { session, refused, checking } = useContext(AccessContext);
  const reason = refused[access];
  if (reason) return { allowed: false, reason, checking: false };
  if (session && !grants(session.credential.scopes, access)) {
    return {
      allowed: false,
      reason: sayRefused(access, session.credential, action),
      checking: false,
    };
  }
  return { allowed: true, reason: null, checking };
}

/** Whether the session is still being asked for: which extensions show is not known yet. */
export function useSessionPending(): boolean {
  return useContext(AccessContext).checking;
}

/** Whether the server lists an (ext) feature; hidden while unknown and when absent. */
export function useExtension(extension: Extension): boolean {
  return useSession()?.extensions.includes(extension) ?? false;
}
