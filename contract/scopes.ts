// The contract's scope table: which scopes each route accepts. The server enforces it (one
// middleware looks every request up here) and the SPA derives every permission from it, so
// the two cannot disagree. Its rules (route-table.ts) are derived from operations.ts.
import { ROUTES } from './route-table.ts';
import type { Extension } from './schemas.ts';

export const SCOPES = [
  'campaigns:read',
  'campaigns:manage',
  'concurrency:read',
  'concurrency:manage',
] as const;
export type Scope = (typeof SCOPES)[number];

/** What a request needs: `public` needs no credential, `authenticated` any valid one. */
export type Access =
  | 'public'
  | 'authenticated'
  | 'campaigns:read'
  | 'campaigns:manage'
  | 'concurrency:read'
  | 'concurrency:manage';

/** The scopes that grant each access; a credential needs any one of them. */
export const ACCEPTS: Record<Exclude<Access, 'public' | 'authenticated'>, readonly Scope[]> = {
  'campaigns:read': ['campaigns:read', 'campaigns:manage'],
  'campaigns:manage': ['campaigns:manage'],
  'concurrency:read': SCOPES,
  'concurrency:manage': ['campaigns:manage', 'concurrency:manage'],
};

const WHAT: Record<keyof typeof ACCEPTS, string> = {
  'campaigns:read': 'read campaigns',
  'campaigns:manage': 'change campaigns, contacts and configurations',
  'concurrency:read': 'read the concurrency settings',
  'concurrency:manage': 'change the concurrency limit',
};

export function grants(scopes: readonly string[], access: Access): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  return ACCEPTS[access].some((s) => scopes.includes(s));
}

/** "This credential cannot change the concurrency limit: it needs concurrency:manage or campaigns:manage." */
export function explainMissing(access: Access): string {
  if (access === 'public' || access === 'authenticated') return 'This credential was refused.';
  return `This credential cannot ${WHAT[access]}: it needs ${ACCEPTS[access].join(' or ')}.`;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RouteRule = {
  method: Method;
  /** Path template; `:name` matches one segment. */
  path: string;
  access: Access;
  /** Set for (ext) routes: offered only by servers that list this extension. */
  extension?: Extension;
};

// Compiled on first use: the SPA loads this table with its first screen and needs it only
// to explain a refusal.
let compiled: { rule: RouteRule; pattern: RegExp }[] | null = null;

/** The rule for a request (path without query string), or null for no route of the API. */
export function findRoute(method: string, path: string): RouteRule | null {
  compiled ??= ROUTES.map((r) => ({
    rule: r,
    pattern: new RegExp(
      `^${r.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}/?$`,
    ),
  }));
  const upper = method.toUpperCase();
  return compiled.find((c) => c.rule.method === upper && c.pattern.test(path))?.rule ?? null;
}
