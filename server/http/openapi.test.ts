import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../contract/openapi.ts';
import { routeRules } from '../../contract/operations.ts';
import { ROUTES } from '../../contract/route-table.ts';
import { createApp } from './app.ts';
import { checkResponse } from '../testing/openapi-check.ts';
import { normalizePath, registeredRoutes, setup } from '../testing/test-support.ts';

const documented = (doc: ReturnType<typeof buildOpenApi>) =>
  Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.keys(methods).map(
        (m) => `${m.toUpperCase()} ${normalizePath(path.replace(/\{(\w+)\}/g, ':$1'))}`,
      ),
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
      ROUTES.filter((r) => !r.extension)
        .map((r) => `${r.method} ${normalizePath(r.path)}`)
        .sort(),
    );
  });

  it('and the scope table come from the same operations, as generated (npm run openapi)', () => {
    expect(ROUTES).toEqual(routeRules());
  });

  it('is written to docs/openapi.json as generated (npm run openapi)', () => {
    expect(JSON.parse(readFileSync('docs/openapi.json', 'utf8'))).toEqual(buildOpenApi());
  });

  it('catches a response that breaks it', () => {
    expect(() =>
      checkResponse('GET', '/campaign/concurrency-settings', 200, { concurrency_limit: 'ten' }),
    ).toThrow(/breaks the OpenAPI document/);
    expect(() => checkResponse('GET', '/campaign/concurrency-settings', 418, {})).toThrow(
      /has no 418/,
    );
    expect(() =>
      checkResponse('GET', '/campaign/concurrency-settings', 200, {
        concurrency_limit: 10,
        active_calls: 2,
      }),
    ).not.toThrow();
  });

  describe('as integrators and their tools read it', () => {
    type Node = Record<string, any>;
    const doc = buildOpenApi() as Node;
    const operations = Object.entries(doc.paths as Node).flatMap(([path, methods]) =>
      Object.entries(methods as Node).map(([method, op]) => ({
        name: `${method.toUpperCase()} ${path}`,
        op: op as Node,
      })),
    );
    /** Every schema object under `node` (examples left out). */
    function* schemas(node: unknown): Generator<Node> {
      if (!node || typeof node !== 'object') return;
      const n = node as Node;
      if (!Array.isArray(n) && ('type' in n || 'anyOf' in n)) yield n;
      for (const [k, v] of Object.entries(n))
        if (k !== 'example' && k !== 'examples') yield* schemas(v);
    }
    /** Every object property's schema under `node`, with its name. */
    function* propertySchemas(node: unknown): Generator<[string, Node]> {
      if (!node || typeof node !== 'object') return;
      const n = node as Node;
      if (n.properties && typeof n.properties === 'object')
        for (const [k, v] of Object.entries(n.properties as Node)) yield [k, v];
      for (const [k, v] of Object.entries(n))
        if (k !== 'example' && k !== 'examples') yield* propertySchemas(v);
    }
    const responses = operations.map((o) => o.op.responses);

    it('names every operation once, tags it with a declared tag and says who may call it', () => {
      const ids = operations.map((o) => o.op.operationId);
      expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(operations.length);
      const declared = new Set((doc.tags as Node[]).map((t) => t.name));
      for (const { name, op } of operations) {
        expect(op.tags, name).toHaveLength(1);
        expect(declared.has(op.tags[0]), name).toBe(true);
        expect(op.description, name).toMatch(/^Needs /);
      }
    });

    it('gives every request, response, parameter and component an example its schema accepts', () => {
      const ajv = new Ajv2020({ strict: false, validateFormats: false });
      ajv.addSchema(doc.components.schemas.Error, '#/components/schemas/Error');
      const examples: [string, Node, unknown][] = [
        ['Error', doc.components.schemas.Error, doc.components.schemas.Error.example],
      ];
      for (const { name, op } of operations) {
        for (const p of op.parameters as Node[])
          examples.push([`${name} ?${p.name}`, p.schema, p.example]);
        const body = op.requestBody?.content['application/json'];
        if (body) examples.push([`${name} body`, body.schema, body.example]);
        for (const [status, r] of Object.entries(op.responses as Node)) {
          const media = r.content?.['application/json'];
          if (media && !media.schema.$ref)
            examples.push([`${name} ${status}`, media.schema, media.example]);
        }
      }
      expect(examples.length).toBeGreaterThan(60);
      for (const [where, schema, example] of examples) {
        expect(example, where).toBeDefined();
        const { example: _, ...plain } = schema;
        const validate = ajv.compile(plain);
        expect(validate(example), `${where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    });

    it('states counts as non-negative integers and every timestamp as date-time', () => {
      let integers = 0;
      let timestamps = 0;
      for (const schema of schemas(responses)) {
        if (schema.type === 'integer') {
          integers++;
          expect(schema.minimum).toBe(0);
        }
      }
      for (const [name, schema] of propertySchemas(responses)) {
        if (!/(^|_)at$|^(from|to)$/.test(name)) continue;
        timestamps++;
        const options: Node[] = schema.anyOf ?? [schema];
        expect(
          options.some((o) => o.type === 'string' && o.format === 'date-time'),
          name,
        ).toBe(true);
      }
      expect(integers).toBeGreaterThan(50);
      expect(timestamps).toBeGreaterThan(20);
    });

    it('documents Retry-After on every 429, and writes tuples that tools without prefixItems still read', () => {
      for (const { name, op } of operations) {
        expect(op.responses['429']?.headers?.['Retry-After']?.schema, name).toEqual({
          type: 'integer',
          minimum: 0,
        });
      }
      const tuples = [...schemas(doc)].filter((schema) => 'prefixItems' in schema);
      expect(tuples.length).toBeGreaterThan(0);
      for (const tuple of tuples) {
        expect(tuple.items).toBeTypeOf('object');
        expect(tuple.maxItems).toBe(tuple.prefixItems.length);
      }
    });
  });
});
