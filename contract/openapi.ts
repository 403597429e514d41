// The OpenAPI 3.1 document of the API, generated from the operations' declarations
// (operations.ts): the same zod schemas the server validates with and the SPA checks
// responses with, and the same access rules the server enforces.
// Served at /openapi.json and written to docs/openapi.json (npm run openapi).
import * as z from 'zod/mini';
import { operationList, type Operation } from './operations.ts';
import * as s from './schemas.ts';
import { ACCEPTS } from './scopes.ts';

type AnySchema = z.ZodMiniType;

type JsonSchema = Record<string, unknown>;

/**
 * Tuples as zod writes them (`prefixItems`, `items: false`) mean nothing to tools that predate
 * JSON Schema 2020-12, such as many mock servers: each also gets an `items` that any of its
 * members satisfies, and the length bounds keep it a tuple.
 */
function withTupleItems(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withTupleItems);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k, withTupleItems(v)]),
  ) as JsonSchema;
  if (Array.isArray(out.prefixItems)) {
    const members = out.prefixItems as JsonSchema[];
    const same = members.every((m) => JSON.stringify(m) === JSON.stringify(members[0]));
    out.items = same ? (members[0] ?? {}) : { anyOf: members };
  }
  return out;
}

const jsonSchema = (schema: AnySchema, io: 'input' | 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return withTupleItems(rest) as JsonSchema;
};

// ---------- Examples ----------
// One example per schema, built from the schema itself so it cannot drift from it (the
// linters and a test validate every one): real-looking values by field name, else by type.
const UUID = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const BY_NAME: Record<string, unknown> = {
  external_id: 'spring-outreach',
  name: 'Spring outreach',
  agent_id: 'agent_riley_sales',
  from_phone_number: '+14155550100',
  phone_number: '+14155550123',
  phone_numbers: ['+14155550123'],
  default_country_code: '+1',
  timezone: 'America/New_York',
  timezones: ['America/New_York', 'Europe/London'],
  start_time: '09:00',
  end_time: '17:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  action: 'campaign.started',
  offset: 0,
  limit: 50,
  max_attempts: 3,
  retry_interval_minutes: 60,
  concurrency_limit: 10,
  active_calls: 4,
  rate_per_hour: 120.5,
  bucket_seconds: 60,
  answer_rate: 48.2,
  success_rate: 61.2,
  reach_rate: 40.5,
  average_per_contact: 1.6,
  currency: 'USD',
  per_minute: 0.09,
  per_call: 0.01,
  conversion_rate: 12.5,
  lines: 14,
  lines_now: 10,
  lines_needed: 14,
  attempts_per_line_hour: 14.2,
  attempts_expected: 6100.5,
  cost_to_finish: 812.4,
  org_id: 'org_demo',
  org_name: 'Northwind Energy',
  kind: 'ak',
  label: 'Demo manager key',
  scopes: ['campaigns:read', 'campaigns:manage'],
  extensions: ['session', 'report', 'timeline'],
  cursor: 'eyJzZXEiOjQyfQ',
  next_cursor: null,
  search: 'Lovelace',
  result: ['qualification.interested:true'],
  key: 'qualification.interested',
  value: 'send_pricing',
  role: 'agent',
  text: 'Hi Ada, this is Riley calling from Northwind.',
  metric_key: 'qualification',
  summary: 'Spring outreach started',
  basis: 'last 30 minutes',
  reason: 'Unknown contact id',
  msg: 'Required',
  type: 'missing',
  loc: ['body', 'name'],
  detail: 'Campaign not found',
  data: { first_name: 'Ada', company: 'Northwind Traders' },
  results: { interested: true },
  changes: { name: ['Spring', 'Spring outreach'] },
  url: 'https://hooks.example.com/headroom',
  secret: 'whsec_0123456789abcdef',
  message: "Spring outreach's answer rate is 22.5% over the last 200 calls (threshold 30%)",
  host: 'hooks.example.com',
  contact_external_id: 'lead-7',
  attempt_number: 2,
  channels: 2,
  duration_seconds: 94,
  start_seconds: 3.2,
  end_seconds: 7.9,
  expires: '1795865400',
  signature: '5e'.repeat(32),
};

/** Whether a value is of a JSON Schema type (`undefined`: any type). */
function isOfType(value: unknown, type: unknown): boolean {
  if (value === null) return type === 'null';
  if (type === undefined) return true;
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return typeof value === 'object' && !Array.isArray(value);
  return typeof value === type;
}

function exampleOf(schema: JsonSchema, key = ''): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const named = BY_NAME[key];
  const options = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (options) {
    const fits = options.find((o) => named !== undefined && isOfType(named, o.type));
    if (fits && !fits.properties) return named;
    return exampleOf(options.find((o) => o.type !== 'null') ?? options[0]!, key);
  }
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (named !== undefined && types.some((t) => isOfType(named, t)) && !schema.properties) {
    return named;
  }
  const type = types.find((t) => t !== 'null') ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, prop] of Object.entries(
        (schema.properties ?? {}) as Record<string, JsonSchema>,
      )) {
        out[name] = exampleOf(prop, name);
      }
      const extra = schema.additionalProperties;
      if (!schema.properties && extra && typeof extra === 'object') {
        out['qualification.interested'] = exampleOf(extra as JsonSchema);
      }
      return out;
    }
    case 'array':
      if (Array.isArray(schema.prefixItems)) {
        return (schema.prefixItems as JsonSchema[]).map((item) => exampleOf(item));
      }
      return [exampleOf((schema.items ?? {}) as JsonSchema, key.replace(/s$/, ''))];
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const max = typeof schema.maximum === 'number' ? schema.maximum : Infinity;
      const step = typeof schema.multipleOf === 'number' ? schema.multipleOf : 1;
      const wanted = type === 'integer' ? 3 : 12.5;
      return Math.min(max, Math.max(min, Math.ceil(wanted / step) * step));
    }
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'date-time') return '2026-11-22T09:30:00Z';
      if (key === 'id' || key.endsWith('_id') || key.endsWith('Id')) return UUID;
      return 'text';
    default:
      return 'before';
  }
}

const withExample = (schema: JsonSchema) => ({ schema, example: exampleOf(schema) });

// ---------- Operations ----------
const TAGS = [
  { name: 'Campaigns', description: 'Campaigns, their lifecycle, stats, reports and timelines' },
  { name: 'Contacts', description: "A campaign's contacts and their attempts" },
  { name: 'Configurations', description: 'How campaigns dial: agent, number, window, retries' },
  { name: 'Concurrency', description: "The org's limit on calls in flight" },
  { name: 'Session', description: 'The credential, its org and the extensions offered' },
  { name: 'Activity', description: 'Who changed what' },
  { name: 'Plan', description: 'Lines and money to finish by a deadline' },
  { name: 'Conversations', description: 'Transcripts, evaluation runs and recordings' },
  { name: 'Suppression', description: "The org's do-not-call numbers" },
  { name: 'Alerts', description: 'Rules the server evaluates, their episodes and deliveries' },
  { name: 'Reference', description: 'Lookups that need no credential' },
] as const;
type Tag = (typeof TAGS)[number]['name'];

function tagOf(path: string): Tag {
  if (path.includes('/contacts')) return 'Contacts';
  if (path.startsWith('/conversations') || /^\/campaign\/(conversations|recordings)\//.test(path))
    return 'Conversations';
  if (path.endsWith('/plan')) return 'Plan';
  const resource = path.split('/')[2];
  const tags: Record<string, Tag> = {
    campaigns: 'Campaigns',
    stats: 'Campaigns',
    configurations: 'Configurations',
    'concurrency-settings': 'Concurrency',
    session: 'Session',
    activity: 'Activity',
    alerts: 'Alerts',
    timezones: 'Reference',
    suppressions: 'Suppression',
  };
  const tag = resource ? tags[resource] : undefined;
  if (!tag) throw new Error(`No OpenAPI tag for ${path}`);
  return tag;
}

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request: an illegal state change, or a personal token without X-Anyreach-Org',
  401: 'Missing or unknown credential',
  403: 'Valid credential without the scope, or not a member of the org',
  404: 'Unknown resource (also one of another org)',
  409: 'Conflict',
  413: 'Request body over 5 MB',
  422: 'Body or query that fails validation',
  416: 'Range not satisfiable',
  429: 'Rate limited; see Retry-After',
};

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    required: true,
    schema: { type: 'integer', minimum: 0 },
    example: 1,
  },
};

function queryParameters(schema: AnySchema) {
  const json = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
    example: exampleOf(property, name),
    // Repeatable parameters are sent as ?status=a&status=b.
    ...(property.type === 'array' ? { style: 'form', explode: true } : {}),
  }));
}

function describe(op: Operation, scopes: readonly string[]): string {
  const who =
    op.access === 'public'
      ? 'Needs no credential.'
      : scopes.length > 0
        ? `Needs a credential with ${scopes.join(' or ')}.`
        : 'Needs any valid credential.';
  const ext = op.extension
    ? ` An extension (\`${op.extension}\`): a server that does not list it in GET /campaign/session answers 404.`
    : '';
  return `${who}${ext}`;
}

function operation(op: Operation & { id: string }) {
  const [okStatus, okSchema] = op.ok;
  const errors = [
    // Any credentialed route: 400 for a personal token without X-Anyreach-Org.
    ...(op.access === 'public' ? [] : [400, 401, 403]),
    ...(op.errors ?? []),
    // The 5 MB limit holds for every body under /campaign, not only the upsert's.
    ...(op.body ? [413] : []),
    ...(op.body || op.query ? [422] : []),
    429,
  ];
  const pathParameters = [...op.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    example: name === 'id' ? 'spring-outreach' : UUID,
  }));
  const scopes = op.access === 'public' || op.access === 'authenticated' ? [] : ACCEPTS[op.access];
  return {
    operationId: op.id,
    tags: [tagOf(op.path)],
    summary: op.extension ? `(ext) ${op.summary}` : op.summary,
    description: describe(op, scopes),
    ...(op.extension ? { 'x-extension': op.extension } : {}),
    'x-scopes': scopes,
    security: op.access === 'public' ? [] : [{ bearer: [] }],
    parameters: [...pathParameters, ...(op.query ? queryParameters(op.query) : [])],
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': withExample(jsonSchema(op.body, 'input')) },
          },
        }
      : {}),
    responses: {
      [okStatus]: {
        description: 'Success',
        ...(okSchema
          ? { content: { 'application/json': withExample(jsonSchema(okSchema, 'output')) } }
          : op.media
            ? { content: { [op.media]: { schema: { type: 'string', format: 'binary' } } } }
            : {}),
      },
      ...(op.media
        ? {
            206: {
              description: 'The byte range asked for (Range)',
              content: { [op.media]: { schema: { type: 'string', format: 'binary' } } },
            },
          }
        : {}),
      ...Object.fromEntries(
        [...new Set(errors)].map((status) => [
          status,
          {
            description:
              op.access === 'public' && status === 403
                ? 'An expired or altered link'
                : ERROR_TEXT[status],
            ...(status === 429 ? { headers: RETRY_AFTER } : {}),
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        ]),
      ),
    },
  };
}

/** The whole document; `operations` defaults to every operation of the API. */
export function buildOpenApi(operations = operationList()) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const path = op.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[op.method.toLowerCase()] = operation(op);
  }
  const used = new Set(operations.map((op) => tagOf(op.path)));
  const error = jsonSchema(s.errorBodySchema, 'output');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Headroom /campaign API',
      version: '2',
      description:
        'The /campaign API the Headroom dashboard relies on. Operations marked (ext) are extensions: a server lists the ones it offers in GET /campaign/session and answers 404 for the others.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      contact: { name: 'Headroom maintainers' },
    },
    servers: [{ url: '/' }],
    tags: TAGS.filter((t) => used.has(t.name)),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: { ...error, example: exampleOf(error) } },
    },
    paths,
  };
}
