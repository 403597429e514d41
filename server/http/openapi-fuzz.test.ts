// Fuzzes every operation of docs/openapi.json in-process: random valid and invalid values for
// every path parameter, query parameter and body, sent with a credential of the operation's
// scope. A 5xx, a status the document does not list for the operation, or a body that breaks
// the documented schema fails, printing the seed and the request. Seeded, so a failure
// replays: FUZZ_SEED=<seed> (and FUZZ_RUNS=<n> to look harder) npx vitest run <this file>.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDialer } from '../dialer/dialer.ts';
import { manualClock } from '../testing/dialer-test-support.ts';
import { setup, TOKENS } from '../testing/test-support.ts';

type Schema = Record<string, any>;
type Operation = {
  operationId: string;
  parameters: { name: string; in: 'path' | 'query'; schema: Schema }[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  security: unknown[];
  'x-scopes': string[];
};

const DOCUMENT = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: { Error: Schema } };
};
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
// The contract's bounds on every query and requeue body (api-contract "Bounds on every query"):
// at most 20 values per repeatable parameter, `search` at most 200 characters without control
// characters. Valid values stay inside them and no request sends more than 20 values of one
// parameter: what lies beyond is the bounds' own tests' to check.
const MAX_ITEMS = 20;
const SEARCH_MAX = 200;

// ---------- Responses, checked against the document ----------
const ajv = new Ajv2020({ strict: false, allErrors: false });
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
const inlineRefs = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(inlineRefs);
  if (!node || typeof node !== 'object') return node;
  if ((node as Schema).$ref === '#/components/schemas/Error')
    return DOCUMENT.components.schemas.Error;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inlineRefs(v)]));
};
const validators = new Map<Schema, ReturnType<typeof ajv.compile>>();
function validate(schema: Schema, body: unknown): string | null {
  let check = validators.get(schema);
  if (!check) validators.set(schema, (check = ajv.compile(inlineRefs(schema) as Schema)));
  return check(body) ? null : ajv.errorsText(check.errors);
}

// ---------- Values, from the document's schemas ----------
const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength });
// Around the world's clock, so that ranges of a few days (the timelines' limit) come up often.
const timestamp = fc
  .date({
    min: new Date('2026-11-16T00:00:00Z'),
    max: new Date('2026-11-30T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'));

/** Ids and names of the fuzzed world, by the field that holds them. */
type Known = Record<string, string[]>;

/** Strings a client would send for a field: real-looking ones, and some that are anything. */
function textFor(key: string, schema: Schema, known: Known): fc.Arbitrary<string> | null {
  const ids = known[key === 'id' ? 'contactId' : key];
  if (ids) return fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, fc.uuid());
  if (/phone/.test(key)) {
    return fc.oneof(
      fc.constantFrom(
        '+14155550123',
        '+442079460958',
        '(415) 555-0100',
        '415.555.0199',
        '+1 212 555 0000',
      ),
      fc.integer({ min: 2_000_000, max: 9_999_999 }).map((n) => `+1415${n}`),
    );
  }
  if (key === 'cursor') {
    // Cursors this server hands out, and ones shaped like them with any number in them.
    const shaped = fc
      .tuple(fc.constantFrom('seq', 'act'), fc.stringMatching(/^-?\d{1,400}$/))
      .map(([kind, n]) => Buffer.from(`${kind}:${n}`).toString('base64url'));
    return fc.oneof(fc.constantFrom(...known.cursor!), shaped);
  }
  if (key === 'timezone')
    return fc.constantFrom(
      'America/New_York',
      'Europe/London',
      'UTC',
      'Asia/Kolkata',
      'Mars/Olympus',
    );
  if (key === 'search') {
    // Within the bounds: at most 200 characters, no control characters.
    return fc.string({ unit: 'grapheme', maxLength: SEARCH_MAX }).filter((v) => !/\p{Cc}/u.test(v));
  }
  if (schema.pattern || schema.format) return null;
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  return fc.oneof(
    { arbitrary: fc.string({ minLength: Math.max(minLength, 1), maxLength }), weight: 3 },
    fc.string({ unit: 'grapheme', minLength, maxLength }),
  );
}

/** Values the schema accepts (zod refinements the JSON Schema cannot say may still refuse them). */
function valid(schema: Schema, known: Known, key = ''): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (union) return fc.oneof(...union.map((s) => valid(s, known, key)));
  if (Array.isArray(schema.type))
    return fc.oneof(...schema.type.map((type: string) => valid({ ...schema, type }, known, key)));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1e6;
      const max = Math.min(schema.maximum ?? 1e6, 1e9);
      if (schema.multipleOf) {
        const step = schema.multipleOf as number;
        return fc
          .integer({ min: Math.ceil(min / step), max: Math.floor(max / step) })
          .map((n) => n * step);
      }
      return schema.type === 'integer'
        ? fc.integer({ min, max })
        : fc.double({ min, max, noNaN: true });
    }
    case 'string': {
      if (schema.format === 'date-time') return timestamp;
      return textFor(key, schema, known) ?? fc.stringMatching(new RegExp(schema.pattern as string));
    }
    case 'array': {
      if (Array.isArray(schema.prefixItems))
        return fc.tuple(...(schema.prefixItems as Schema[]).map((s) => valid(s, known)));
      const item = valid((schema.items ?? {}) as Schema, known, key);
      const minLength = schema.minItems ?? 0;
      return fc.array(item, {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS)),
      });
    }
    case 'object': {
      if (!schema.properties) {
        return fc.dictionary(
          text(20),
          valid((schema.additionalProperties ?? {}) as Schema, known),
          { maxKeys: 4 },
        );
      }
      const model = Object.fromEntries(
        Object.entries(schema.properties as Record<string, Schema>).map(([k, s]) => [
          k,
          valid(s, known, k),
        ]),
      );
      return fc.record(model, { requiredKeys: (schema.required ?? []) as string[] });
    }
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}

/** A query value of the wrong shape: text, numbers out of range, nothing at all. */
const wrongQueryValue = fc.oneof(
  text(40),
  fc.constantFrom(
    '',
    ' ',
    '-1',
    '0',
    '1.5',
    '1e309',
    'NaN',
    'null',
    'true',
    '[]',
    '{}',
    '9'.repeat(30),
    '%',
    '\u0000',
  ),
  fc.integer().map(String),
);

// Just over the 5 MB every body under /campaign may take.
const OVERSIZED = `{"name": "${'x'.repeat(5 * 1024 * 1024)}"}`;

/** A body of the wrong shape: any JSON, each property of the wrong type, no JSON, or too much. */
function wrongBody(schema: Schema): fc.Arbitrary<{ raw: string }> {
  const props = Object.keys((schema.properties ?? {}) as Record<string, Schema>);
  const wrongTypes = fc.record(
    Object.fromEntries(props.map((k) => [k, fc.jsonValue({ maxDepth: 3 })])),
    { requiredKeys: [] },
  );
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => ({ raw: JSON.stringify(v) })),
    wrongTypes.map((v) => ({ raw: JSON.stringify(v) })),
    fc
      .constantFrom(
        '',
        '{',
        'null',
        '[]',
        '{"contacts": [',
        '\u0000',
        '{"name": "\ud800"}',
        OVERSIZED,
      )
      .map((raw) => ({ raw })),
  );
}

// ---------- The world each operation is fuzzed in ----------
/** An org with a configuration, a campaign whose contacts have calls, conversations and results. */
async function world() {
  const clock = manualClock('2026-11-23T15:00:00Z');
  const { app, db } = setup(clock.now);
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { Authorization: `Bearer ${TOKENS.manage}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status, `${method} ${path}`).toBeLessThan(300);
    return (await res.json()) as any;
  };
  const config = await send('POST', '/campaign/configurations', {
    name: 'Fuzz',
    max_attempts: 2,
    retry_interval_minutes: 0,
  });
  const contacts = Array.from({ length: 12 }, (_, i) => ({
    external_id: `k${i}`,
    phone_numbers: [`+1415555${String(i).padStart(4, '0')}`],
    data: { first_name: `Ada ${i}` },
  }));
  const campaign = await send('POST', '/campaign/campaigns', {
    name: 'Fuzz',
    external_id: 'fuzz',
    configuration_id: config.id,
    contacts,
  });
  // A paused campaign to start, and a configuration nothing uses, to delete.
  const paused = await send('POST', '/campaign/campaigns', { name: 'Fuzz, paused' });
  await send('POST', `/campaign/campaigns/${paused.id}/pause`);
  const unused = await send('POST', '/campaign/configurations', { name: 'Unused' });
  const dialer = createDialer({ db, now: clock.now, seed: 1, speed: 60 });
  for (let i = 0; i < 60; i++) {
    clock.advance(1000);
    dialer.tick();
  }
  const listed = (await send('GET', `/campaign/campaigns/${campaign.id}/contacts?limit=50`))
    .contacts as any[];
  const cursor = [
    (await send('GET', '/campaign/campaigns?limit=1')).next_cursor,
    (await send('GET', '/campaign/activity?limit=1')).next_cursor,
  ] as string[];
  expect(cursor.every(Boolean)).toBe(true);
  const conversations = listed
    .flatMap((c) => c.attempts.map((a: any) => a.conversation_id))
    .filter(Boolean) as string[];
  expect(conversations.length).toBeGreaterThan(0);
  // A recording link the server signed, so that the fuzzer can reach the audio behind it.
  const link = new URL(
    (await send('POST', `/campaign/conversations/${conversations[0]}/recording-link`)).url,
  );
  const rule = await send('POST', '/campaign/alerts/rules', {
    name: 'Fuzz',
    campaign_id: campaign.id,
    condition: { kind: 'finished' },
    channels: [
      {
        type: 'webhook',
        url: 'https://hooks.example.com/fuzz',
        secret: 'a fuzzing secret, 32 chars',
      },
    ],
  });
  const known: Known = {
    ruleId: [rule.id],
    rule_id: [rule.id],
    url: ['https://hooks.example.com/fuzz', 'https://hooks.slack.com/services/T0/B0/x'],
    expires: [link.searchParams.get('expires')!],
    signature: [link.searchParams.get('signature')!],
    id: [campaign.id, campaign.external_id, paused.id],
    contactId: [listed[0].id, listed[0].external_id, listed[1].id],
    configId: [config.id, unused.id],
    configuration_id: [config.id],
    campaign_id: [campaign.id],
    conversationId: conversations.slice(0, 3),
    cursor,
  };
  return { app, known };
}

/** The least credential the operation accepts (`x-scopes`), none for a public one. */
function tokenFor(op: Operation): string | null {
  if (op.security.length === 0) return null;
  const scope = op['x-scopes'][0];
  if (!scope) return TOKENS.read; // any valid credential
  const tokens: Record<string, string> = {
    'campaigns:read': TOKENS.read,
    'campaigns:manage': TOKENS.manage,
    'concurrency:read': TOKENS.concurrencyRead,
    'concurrency:manage': TOKENS.concurrency,
  };
  return tokens[scope]!;
}

type Request = {
  path: Record<string, string>;
  query: Record<string, string[]>;
  body?: { json: unknown } | { raw: string };
};

function requests(op: Operation, known: Known): fc.Arbitrary<Request> {
  const path = Object.fromEntries(
    op.parameters
      .filter((p) => p.in === 'path')
      .map((p) => [
        p.name,
        fc.oneof(
          { arbitrary: fc.constantFrom(...known[p.name]!), weight: 4 },
          fc.uuid(),
          text(30).filter((v) => v.length > 0),
        ),
      ]),
  );
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  /** Every parameter valid, or each one valid or not. */
  const query = (mixed: boolean) =>
    fc.record(
      Object.fromEntries(
        queryParams.map((p) => {
          const isArray = p.schema.type === 'array';
          const good = valid(isArray ? (p.schema.items as Schema) : p.schema, known, p.name);
          const one = (mixed ? fc.oneof(good, wrongQueryValue) : good).map((v) => String(v));
          // A single-valued parameter sent twice is bad input too.
          const scalar = mixed
            ? fc.array(one, { minLength: 1, maxLength: 2 })
            : one.map((v) => [v]);
          return [p.name, isArray ? fc.array(one, { maxLength: MAX_ITEMS }) : scalar];
        }),
      ),
      { requiredKeys: [] },
    ) as fc.Arbitrary<Record<string, string[]>>;
  // Parameters the operation does not have are ignored, as many APIs do.
  const unknown = fc.dictionary(
    fc.stringMatching(/^[a-z_]{1,12}$/),
    fc.array(text(20), { minLength: 1, maxLength: 2 }),
    { maxKeys: 2 },
  );
  const mixedQuery = fc
    .tuple(query(true), unknown)
    .map(([known, extra]) => ({ ...extra, ...known }));
  const schema = op.requestBody?.content['application/json'].schema;
  const body = schema
    ? fc.oneof(
        { arbitrary: valid(schema, known).map((json) => ({ json })), weight: 3 },
        wrongBody(schema),
      )
    : fc.constant(undefined);
  return fc.record({
    path: fc.record(path),
    query: fc.oneof({ arbitrary: query(false), weight: 2 }, mixedQuery),
    body,
  });
}

const operations = Object.entries(DOCUMENT.paths).flatMap(([template, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ template, method: method.toUpperCase(), op })),
);

describe('every operation of docs/openapi.json, fuzzed', () => {
  it('covers every operation of the document', () => {
    expect(operations.length).toBeGreaterThan(25);
  });

  for (const [index, { template, method, op }] of operations.entries()) {
    it(`${method} ${template} (${op.operationId}) answers only what the document says`, async () => {
      const { app, known } = await world();
      const token = tokenFor(op);
      const seed = SEED + index;
      const seen: Record<number, number> = {};
      await fc.assert(
        fc.asyncProperty(requests(op, known), async (req) => {
          const url = new URL(
            `http://fuzz${template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(req.path[name]!))}`,
          );
          for (const [name, values] of Object.entries(req.query))
            for (const v of values) url.searchParams.append(name, v);
          const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
          let payload: string | undefined;
          if (req.body) {
            headers['Content-Type'] = 'application/json';
            payload = 'raw' in req.body ? req.body.raw : JSON.stringify(req.body.json);
          }
          const res = await app.request(url.pathname + url.search, {
            method,
            headers,
            body: payload,
          });
          const answer = await res.text();
          seen[res.status] = (seen[res.status] ?? 0) + 1;
          const documented = op.responses[String(res.status)];
          const schema = documented?.content?.['application/json']?.schema;
          let problem: string | null = null;
          if (res.status >= 500) problem = 'a server error';
          else if (!documented)
            problem = `status ${res.status}, which the document does not list for this operation`;
          else if (documented.content && !schema) {
            // A media body (a recording): of the documented type.
            const type = res.headers.get('Content-Type') ?? '';
            problem = documented.content[type] ? null : `a body of type ${type}`;
          } else if (!schema)
            problem = answer === '' ? null : 'a body where the document says none';
          else {
            let parsed: unknown;
            try {
              parsed = JSON.parse(answer);
            } catch {
              problem = 'a body that is not JSON';
            }
            problem ??=
              validate(schema, parsed) &&
              `a body that breaks the documented schema: ${validate(schema, parsed)}`;
          }
          if (problem) {
            throw new Error(
              [
                `${method} ${url.pathname}${url.search} answered ${problem}`,
                `seed: FUZZ_SEED=${SEED} (this operation: ${seed})`,
                `body sent: ${(payload ?? '(none)').slice(0, 400)}`,
                `answer: ${res.status} ${answer.slice(0, 400)}`,
              ].join('\n'),
            );
          }
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
      // The success path was reached, and so was refusal: the fuzzer went past the door.
      const success = Object.keys(op.responses).find((status) => status.startsWith('2'))!;
      expect(seen[Number(success)], `no ${success} in ${JSON.stringify(seen)}`).toBeGreaterThan(0);
      if (op.parameters.length > 0 || op.requestBody) {
        expect(
          Object.keys(seen).some((status) => status.startsWith('4')),
          JSON.stringify(seen),
        ).toBe(true);
      }
    }, 30_000);
  }
});
