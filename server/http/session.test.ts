import { describe, expect, it } from 'vitest';
import { EXTENSIONS } from '../../contract/schemas.ts';
import { ROUTES } from '../../contract/route-table.ts';
import { findRoute } from '../../contract/scopes.ts';
import { createApp } from './app.ts';
import { SERVER_EXTENSIONS } from './extensions.ts';
import { normalizePath, registeredRoutes, setup, TOKENS } from '../testing/test-support.ts';

describe('GET /campaign/session (ext)', () => {
  it('names the org, the credential and the extensions, for any valid credential', async () => {
    const { call } = setup();
    const manage = await call('GET', '/campaign/session');
    expect(manage.status).toBe(200);
    expect(manage.body).toEqual({
      org_id: 'org_a',
      org_name: 'Org A',
      credential: {
        kind: 'ak',
        label: 'manage',
        scopes: ['campaigns:manage', 'concurrency:manage'],
      },
      extensions: expect.arrayContaining(['session', 'conversations']),
    });
    for (const name of manage.body.extensions) expect(EXTENSIONS).toContain(name);
    // No scope is needed: a key that may only read concurrency still learns what it is.
    const narrow = await call('GET', '/campaign/session', { token: TOKENS.concurrencyRead });
    expect(narrow.body.credential.scopes).toEqual(['concurrency:read']);
    const pat = await call('GET', '/campaign/session', {
      token: TOKENS.pat,
      headers: { 'X-Anyreach-Org': 'org_b' },
    });
    // A personal token acts for the org it names, and is told that org's name.
    expect(pat.body).toMatchObject({
      org_id: 'org_b',
      org_name: 'Org B',
      credential: { kind: 'pat', label: 'pat' },
    });
    expect(JSON.stringify(pat.body)).not.toContain(TOKENS.pat);
  });

  it('needs a valid credential like any other route', async () => {
    const { call } = setup();
    expect((await call('GET', '/campaign/session', { token: null })).status).toBe(401);
    expect((await call('GET', '/campaign/session', { token: 'ak_nope' })).status).toBe(401);
  });
});

describe('EXTENSIONS=off', () => {
  it('answers 404 for every (ext) route, with or without a credential, and serves the rest', async () => {
    const { db } = setup();
    const app = createApp({ db, extensions: false });
    const send = (method: string, path: string, token: string | null = TOKENS.manage) =>
      app.request(path, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
    const get = (path: string) => send('GET', path);
    for (const rule of ROUTES.filter((r) => r.extension)) {
      const path = rule.path.replace(/:\w+/g, 'x');
      expect((await send(rule.method, path)).status, `${rule.method} ${path}`).toBe(404);
      expect((await send(rule.method, path, null)).status, `${rule.method} ${path}`).toBe(404);
    }
    expect((await get('/campaign/campaigns')).status).toBe(200);
    expect((await get('/campaign/concurrency-settings')).status).toBe(200);
    // The org's name comes with the session only: no contract answer carries it.
    for (const path of ['/campaign/session', '/campaign/campaigns', '/campaign/configurations'])
      expect(await (await get(path)).text(), path).not.toContain('Org A');
  });
});

describe('the shared scope table', () => {
  it('has exactly one rule for every route the server answers', () => {
    // Rules of extensions this server does not offer yet stay unreachable (404).
    const table = ROUTES.filter((r) => !r.extension || SERVER_EXTENSIONS.includes(r.extension)).map(
      (r) => `${r.method} ${normalizePath(r.path)}`,
    );
    expect(new Set(table).size).toBe(table.length);
    expect([...table].sort()).toEqual(registeredRoutes(setup().app));
  });

  it('matches concrete paths to their rule, and nothing else', () => {
    expect(findRoute('get', '/campaign/campaigns/abc/contacts/k1')).toMatchObject({
      access: 'campaigns:read',
    });
    expect(findRoute('DELETE', '/campaign/campaigns/abc/contacts/k1')).toMatchObject({
      access: 'campaigns:manage',
    });
    expect(findRoute('GET', '/campaign/concurrency-settings')).toMatchObject({
      access: 'concurrency:read',
    });
    expect(findRoute('GET', '/campaign/campaigns/a/b/c/d/e')).toBeNull();
    expect(findRoute('PUT', '/campaign/campaigns')).toBeNull();
  });

  it('makes a route missing from the table unreachable rather than unprotected', async () => {
    const { call } = setup();
    const res = await call('PUT', '/campaign/campaigns');
    expect(res.status).toBe(404);
  });
});
