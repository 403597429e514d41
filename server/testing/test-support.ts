import { createAlerts } from '../domain/alert-delivery.ts';
import { createApp } from '../http/app.ts';
import { createCredential, createOrg, createUser } from '../db/orgs.ts';
import { openDatabase, type Db } from '../db/schema.ts';
import { checkResponse } from './openapi-check.ts';

export const TOKENS = {
  manage: 'ak_test_manage',
  read: 'ak_test_read',
  concurrency: 'ak_test_concurrency',
  concurrencyRead: 'ak_test_concurrency_read',
  other: 'ak_other_manage',
  pat: 'pat_test_admin',
  patOtherOnly: 'pat_other_only',
} as const;

/** A fresh in-memory database with two orgs and a credential per scope, and the app on it. */
export function setup(now: () => Date = () => new Date('2026-11-22T09:30:00Z')) {
  const db: Db = openDatabase(':memory:');
  createOrg(db, { id: 'org_a', name: 'Org A' });
  createOrg(db, { id: 'org_b', name: 'Org B' });
  createUser(db, { id: 'user_admin', name: 'Admin', orgIds: ['org_a', 'org_b'] });
  createUser(db, { id: 'user_b', name: 'B only', orgIds: ['org_b'] });
  createCredential(db, TOKENS.manage, {
    orgId: 'org_a',
    scopes: ['campaigns:manage', 'concurrency:manage'],
    label: 'manage',
  });
  createCredential(db, TOKENS.read, { orgId: 'org_a', scopes: ['campaigns:read'], label: 'read' });
  createCredential(db, TOKENS.concurrency, {
    orgId: 'org_a',
    scopes: ['concurrency:manage'],
    label: 'concurrency',
  });
  createCredential(db, TOKENS.concurrencyRead, {
    orgId: 'org_a',
    scopes: ['concurrency:read'],
    label: 'concurrency read',
  });
  createCredential(db, TOKENS.other, {
    orgId: 'org_b',
    scopes: ['campaigns:manage'],
    label: 'other',
  });
  createCredential(db, TOKENS.pat, {
    userId: 'user_admin',
    scopes: ['campaigns:read', 'campaigns:manage', 'concurrency:read', 'concurrency:manage'],
    label: 'pat',
  });
  createCredential(db, TOKENS.patOtherOnly, {
    userId: 'user_b',
    scopes: ['campaigns:manage'],
    label: 'pat b',
  });
  // Alerts that never reach the network: every name is a public address, every delivery a 200.
  const alerts = createAlerts({
    db,
    now,
    allowPrivate: false,
    resolve: async () => [{ address: '93.184.216.34', family: 4 }],
    send: async () => 200,
  });
  const app = createApp({ db, now, alerts });

  async function call<T = any>(
    method: string,
    path: string,
    opts: {
      token?: string | null;
      body?: unknown;
      raw?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? TOKENS.manage : opts.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (opts.body !== undefined || opts.raw !== undefined)
      headers['Content-Type'] = 'application/json';
    const res = await app.request(path, {
      method,
      headers,
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    checkResponse(method, path, res.status, parsed);
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  return { db, app, call };
}

/** `:id` and `:contactId` alike, so route lists compare by shape. */
export const normalizePath = (path: string) => path.replace(/:\w+/g, ':p');

/** Every API route the app answers, as `METHOD /path`, with `:action{a|b}` expanded; sorted. */
export function registeredRoutes(app: ReturnType<typeof createApp>): string[] {
  const routes = app.routes
    .filter((r) => r.method !== 'ALL' && /^\/(campaign|conversations)\//.test(r.path))
    .flatMap((r) => {
      const alternatives = /:\w+\{([^}]+)\}/.exec(r.path);
      const paths = alternatives
        ? alternatives[1]!.split('|').map((a) => r.path.replace(alternatives[0], a))
        : [r.path];
      return paths.map((p) => `${r.method} ${normalizePath(p)}`);
    });
  return [...new Set(routes)].sort();
}
