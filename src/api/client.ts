import { errorBodySchema, type ErrorDetail, type Schema } from '../../contract/schemas';
import { authHeaders, getConnection, markConnectionRejected, type Connection } from './connection';
import { findRoute } from '../../contract/scopes';
import { sayRefused } from './permission-words';

/** Any non-2xx answer, a network failure (status 0) or a response that breaks the contract. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: ErrorDetail | null;
  readonly retryAfterSeconds: number | null;
  /** Which request failed (path without base URL or query), to tell what a 403 refused. */
  readonly request: { method: string; path: string } | null;

  constructor(
    status: number,
    detail: ErrorDetail | null,
    message: string,
    retryAfterSeconds: number | null = null,
    request: { method: string; path: string } | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.retryAfterSeconds = retryAfterSeconds;
    this.request = request;
  }

  /** Messages of a 422 list keyed by field path ("name", "contacts.3.phone_numbers.0"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!Array.isArray(this.detail)) return out;
    for (const issue of this.detail) {
      const loc =
        issue.loc[0] === 'body' || issue.loc[0] === 'query' ? issue.loc.slice(1) : issue.loc;
      const key = loc.join('.');
      out[key] ??= issue.msg;
    }
    return out;
  }
}

export function describeDetail(detail: ErrorDetail | null): string | null {
  if (detail == null) return null;
  if (typeof detail === 'string') return detail;
  return detail
    .map((d) => {
      const loc = d.loc.filter((p) => p !== 'body' && p !== 'query').join('.');
      return loc ? `${loc}: ${d.msg}` : d.msg;
    })
    .join('; ');
}

type RequestOptions<T> = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, string | number | readonly (string | number)[] | null | undefined>;
  body?: unknown;
  schema?: Schema<T>;
  signal?: AbortSignal;
  /** Verify a connection that is not saved yet (the Connect form). */
  connection?: Connection;
  /** Adjusts a successful answer before the schema check (apiListRequest's item filter). */
  prepare?: (json: unknown) => unknown;
};

function buildUrl(baseUrl: string, path: string, query: RequestOptions<unknown>['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value == null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${qs ? `?${qs}` : ''}`;
}

function describeStatus(status: number, path: string, method: string): string {
  if (status === 401)
    return 'The server did not accept this credential. Reconnect with a valid API token.';
  const access = findRoute(method, path)?.access;
  if (status === 403 && access && access !== 'public' && access !== 'authenticated')
    return sayRefused(access);
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests (429). Try again in a moment.';
  if (status >= 500) return `The server failed (HTTP ${status}). Try again shortly.`;
  return `The server refused this request (${status}) without saying why.`;
}

/** Retry-After in seconds, given as seconds or as an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value == null || value.trim() === '') return null;
  const text = value.trim();
  const seconds = /^\d+$/.test(text) ? Number(text) : (Date.parse(text) - now) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : null;
}

/**
 * Asked before a request leaves with the saved credential: the reason when what the session
 * says already refuses it (so it is never sent), else null. Set by the query client.
 */
type RequestGate = (method: string, path: string) => Promise<string | null>;
let requestGate: RequestGate | null = null;
export function setRequestGate(gate: RequestGate | null): void {
  requestGate = gate;
}

/** The one fetch client: base URL, credentials, JSON, typed errors and schema checks. */
export async function apiRequest<T = unknown>(
  path: string,
  options: RequestOptions<T> = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const connection = options.connection ?? getConnection();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (connection) Object.assign(headers, authHeaders(connection));
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (!options.connection && requestGate) {
    const refusal = await requestGate(method, path);
    if (refusal) throw new ApiError(403, null, refusal, null, { method, path });
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(connection?.baseUrl ?? '', path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(
      0,
      null,
      'Cannot reach the server. Check the connection and the API base URL.',
    );
  }

  const text = res.status === 204 ? '' : await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      if (res.ok)
        throw new ApiError(
          res.status,
          null,
          `The server sent a response that is not JSON (${path}).`,
        );
    }
  }

  if (!res.ok) {
    const parsed = errorBodySchema.safeParse(json);
    const detail = parsed.success ? parsed.data.detail : null;
    // The connection form checks a candidate credential; only a saved one is "rejected".
    if (res.status === 401 && !options.connection) markConnectionRejected();
    // A 403's detail is shown as the server wrote it: it names what the credential lacks. An
    // empty one says nothing, so the status speaks instead.
    const message =
      (res.status !== 401 && describeDetail(detail)?.trim()) ||
      describeStatus(res.status, path, method);
    throw new ApiError(
      res.status,
      detail,
      message,
      parseRetryAfter(res.headers.get('Retry-After')),
      { method, path },
    );
  }

  if (options.prepare) json = options.prepare(json);
  if (!options.schema) return json as T;
  const checked = options.schema.safeParse(json);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue?.path.join('.') || '(root)';
    throw new ApiError(
      res.status,
      null,
      `The server's response to ${method} ${path} does not match the API contract: field "${field}" ${issue?.message ?? 'is invalid'}.`,
    );
  }
  return checked.data;
}

/** Items of a list answer left out because they break the contract: how many, and why. */
export type Unshown = { count: number; reason: string };
export type ListAnswer<T> = T & { unshown: Unshown | null };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A list answer checked item by item: an item that breaks the contract is left out and
 * counted, with the first one's reason, so one bad item no longer loses the whole page. The
 * envelope (`key`'s array, cursor, total) is still checked whole.
 */
export async function apiListRequest<T extends object>(
  path: string,
  options: Omit<RequestOptions<T>, 'prepare'> & {
    schema: Schema<T>;
    key: keyof T & string;
    item: Schema<unknown>;
  },
): Promise<ListAnswer<T>> {
  const { key, item, ...rest } = options;
  let unshown: Unshown | null = null;
  const data = await apiRequest(path, {
    ...rest,
    prepare: (json) => {
      if (!isRecord(json) || !Array.isArray(json[key])) return json;
      const kept: unknown[] = [];
      for (const [index, value] of json[key].entries()) {
        const checked = item.safeParse(value);
        if (checked.success) kept.push(value);
        else {
          const issue = checked.error.issues[0];
          unshown = {
            count: (unshown?.count ?? 0) + 1,
            reason:
              unshown?.reason ??
              `field "${[key, index, ...(issue?.path ?? [])].join('.')}" ${issue?.message ?? 'is invalid'}`,
          };
        }
      }
      return { ...json, [key]: kept };
    },
  });
  return { ...data, unshown };
}
