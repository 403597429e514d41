import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApi, OPERATIONS, operationKey } from '../contract/openapi.ts';
import { ROUTES } from '../contract/scopes.ts';
import { createApp } from './app.ts';
import { checkResponse } from './openapi-check.ts';
import { normalizePath, registeredRoutes, setup } from './test-support.ts';

const documented = (doc: ReturnType<typeof buildOpenApi>) =>
  Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${normalizePath(path.replace(/\{(\w+)\}/g, ':$1'))}`),
    )
    .sort();

describe('the OpenAPI document', () => {
  it('describes every route the server answers, as served at /openapi.json', async () => {
    const { app, call } = setup();
    const res = await call('GET', '/openapi.json', { token: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(documented(res.body)).toEqual(registeredRoutes(app));
  });

  it('leaves the extensions out when the server runs with EXTENSIONS=off', async () => {
    const { db } = setup();
    const res = await createApp({ db, extensions: false }).request('/openapi.json');
    const doc = await res.json();
    expect(documented(doc)).toEqual(
      ROUTES.filter((r) => !r.extension).map((r) => `${r.method} ${normalizePath(r.path)}`).sort(),
    );
  });

  it('has an operation for every rule of the scope table, and no other', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(ROUTES.map(operationKey).sort());
  });

  it('is written to docs/openapi.json as generated (npm run openapi)', () => {
    expect(JSON.parse(readFileSync('docs/openapi.json', 'utf8'))).toEqual(buildOpenApi());
  });

  it('catches a response that breaks it', () => {
    expect(() => checkResponse('GET', '/campaign/concurrency-settings', 200, { concurrency_limit: 'ten' })).toThrow(
      /breaks the OpenAPI document/,
    );
    expect(() => checkResponse('GET', '/campaign/concurrency-settings', 418, {})).toThrow(/has no 418/);
    expect(() => checkResponse('GET', '/campaign/concurrency-settings', 200, { concurrency_limit: 10, active_calls: 2 })).not.toThrow();
  });
});
