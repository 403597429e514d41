// The OpenAPI 3.1 document of the API, generated from the same zod schemas the server
// validates with and the SPA checks responses with, and from the scope table's routes.
// Served at /openapi.json and written to docs/openapi.json (npm run openapi).
import * as z from 'zod/mini';
import * as ext from './extensions.ts';
import * as s from './schemas.ts';
import { ACCEPTS, ROUTES, type RouteRule } from './scopes.ts';

type AnySchema = z.ZodMiniType;
type Operation = {
  /** The operationId: stable, for generated clients. */
  id: string;
  summary: string;
  query?: AnySchema;
  body?: AnySchema;
  /** Success status and its body schema (null: no body). */
  ok: [number, AnySchema | null];
  /** Error statuses this route can answer besides 401/403/413/422/429. */
  errors?: number[];
  /** A success body that is not JSON: its media type (the schema is then null). */
  media?: string;
};

// The (ext) filters with the bucket status repeatable, in place of the contract's single one.
const contactListQuery = z.extend(s.contactListQuerySchema, ext.contactQuerySchema.shape);
const reportQuery = ext.contactQuerySchema;
const campaignCreateBody = z.extend(
  s.campaignCreateSchema,
  ext.campaignConcurrencyInputSchema.shape,
);
const campaignUpdateBody = z.extend(
  s.campaignUpdateSchema,
  ext.campaignConcurrencyInputSchema.shape,
);

const C = '/campaign/campaigns';
/** One entry per rule of the scope table, keyed `METHOD path`. */
export const OPERATIONS: Record<string, Operation> = {
  'GET /campaign/session': {
    id: 'getSession',
    summary: 'The org, the credential and the extensions this server offers',
    ok: [200, s.sessionSchema],
  },
  'GET /campaign/timezones': {
    id: 'listTimezones',
    summary: 'IANA timezone names',
    ok: [200, s.timezonesSchema],
  },
  [`GET ${C}`]: {
    id: 'listCampaigns',
    summary: 'List campaigns, newest first',
    query: s.campaignListQuerySchema,
    ok: [200, s.campaignsPageSchema],
  },
  [`POST ${C}`]: {
    id: 'createCampaign',
    summary: 'Create a campaign, with up to 5,000 inline contacts',
    body: campaignCreateBody,
    ok: [201, s.campaignSchema],
    errors: [409],
  },
  [`GET ${C}/:id`]: {
    id: 'getCampaign',
    summary: 'One campaign, by UUID or external_id',
    ok: [200, s.campaignSchema],
    errors: [404],
  },
  [`PATCH ${C}/:id`]: {
    id: 'updateCampaign',
    summary: 'Update a campaign',
    body: campaignUpdateBody,
    ok: [200, s.campaignSchema],
    errors: [400, 404, 409],
  },
  [`POST ${C}/:id/start`]: {
    id: 'startCampaign',
    summary: 'paused → active',
    ok: [200, s.campaignSchema],
    errors: [400, 404],
  },
  [`POST ${C}/:id/pause`]: {
    id: 'pauseCampaign',
    summary: 'active → paused',
    ok: [200, s.campaignSchema],
    errors: [400, 404],
  },
  [`POST ${C}/:id/close`]: {
    id: 'closeCampaign',
    summary: 'active or paused → closed, for ever',
    ok: [200, s.campaignSchema],
    errors: [400, 404],
  },
  [`GET ${C}/:id/stats`]: {
    id: 'getCampaignStats',
    summary: 'The stats snapshot; by UUID only',
    ok: [200, s.statsSchema],
    errors: [404],
  },
  [`GET ${C}/:id/report`]: {
    id: 'getCampaignReport',
    summary: 'Outcomes, rates, talk time, retries and the evaluation roll-up',
    query: reportQuery,
    ok: [200, ext.reportSchema],
    errors: [404],
  },
  [`GET ${C}/:id/timeline`]: {
    id: 'getCampaignTimeline',
    summary: 'Calls started and ended per bucket, with the finish forecast',
    query: ext.timelineQuerySchema,
    ok: [200, ext.campaignTimelineSchema],
    errors: [404],
  },
  [`GET ${C}/:id/attempts`]: {
    id: 'listCampaignAttempts',
    summary: "The campaign's call log: every attempt, newest started_at first",
    query: ext.callsQuerySchema,
    ok: [200, ext.callsPageSchema],
    errors: [404],
  },
  [`GET ${C}/:id/contacts`]: {
    id: 'listContacts',
    summary: 'A page of contacts with their attempts',
    query: contactListQuery,
    ok: [200, s.contactsPageSchema],
    errors: [404],
  },
  [`POST ${C}/:id/contacts`]: {
    id: 'upsertContacts',
    summary: 'Upsert 1..1000 contacts',
    body: s.upsertRequestSchema,
    ok: [200, s.upsertResultSchema],
    errors: [400, 404],
  },
  [`POST ${C}/:id/contacts/requeue`]: {
    id: 'requeueContacts',
    summary: 'Return matching exhausted or completed contacts to pending',
    body: ext.requeueRequestSchema,
    ok: [200, ext.requeueResultSchema],
    errors: [400, 404],
  },
  [`GET ${C}/:id/contacts/:contactId`]: {
    id: 'getContact',
    summary: 'One contact',
    ok: [200, s.contactSchema],
    errors: [404],
  },
  [`DELETE ${C}/:id/contacts/:contactId`]: {
    id: 'deleteContact',
    summary: 'Delete a contact',
    ok: [204, null],
    errors: [404],
  },
  'GET /campaign/configurations': {
    id: 'listConfigurations',
    summary: 'List configurations',
    ok: [200, s.configurationListSchema],
  },
  'POST /campaign/configurations': {
    id: 'createConfiguration',
    summary: 'Create a configuration',
    body: s.configurationCreateSchema,
    ok: [201, s.configurationSchema],
  },
  'GET /campaign/configurations/:configId': {
    id: 'getConfiguration',
    summary: 'One configuration',
    ok: [200, s.configurationSchema],
    errors: [404],
  },
  'PATCH /campaign/configurations/:configId': {
    id: 'updateConfiguration',
    summary: 'Update a configuration',
    body: s.configurationUpdateSchema,
    ok: [200, s.configurationSchema],
    errors: [404],
  },
  'DELETE /campaign/configurations/:configId': {
    id: 'deleteConfiguration',
    summary: 'Delete a configuration no campaign uses',
    ok: [204, null],
    errors: [404, 409],
  },
  'GET /campaign/stats': {
    id: 'getStatsBatch',
    summary: 'Stats snapshots of up to 200 campaigns at once',
    query: ext.statsBatchQuerySchema,
    ok: [200, ext.statsBatchSchema],
  },
  'GET /campaign/activity': {
    id: 'listActivity',
    summary: 'Who changed what, newest first',
    query: ext.activityQuerySchema,
    ok: [200, ext.activityPageSchema],
    errors: [404],
  },
  'GET /campaign/concurrency-settings': {
    id: 'getConcurrencySettings',
    summary: 'The org concurrency limit and calls in flight',
    ok: [200, s.concurrencySettingsSchema],
  },
  'PUT /campaign/concurrency-settings': {
    id: 'setConcurrencyLimit',
    summary: 'Set the org concurrency limit',
    body: s.concurrencyUpdateSchema,
    ok: [200, s.concurrencySettingsSchema],
  },
  'GET /campaign/concurrency-settings/timeline': {
    id: 'getConcurrencyTimeline',
    summary: 'Calls in flight against the limit per bucket',
    query: ext.timelineQuerySchema,
    ok: [200, ext.orgTimelineSchema],
  },
  'GET /conversations/:conversationId': {
    id: 'getConversation',
    summary: 'A transcript and its evaluation runs',
    ok: [200, s.conversationSchema],
    errors: [404],
  },
  'POST /campaign/conversations/:conversationId/recording-link': {
    id: 'createRecordingLink',
    summary: 'A signed link to the recording, good for 10 minutes, that needs no header',
    ok: [200, ext.recordingLinkSchema],
    errors: [404],
  },
  'GET /campaign/recordings/:conversationId': {
    id: 'getRecording',
    summary: 'The recording (audio/wav) behind a signed link; Range requests answer 206',
    query: ext.recordingQuerySchema,
    ok: [200, null],
    media: 'audio/wav',
    errors: [403, 404, 416],
  },
};

export const operationKey = (rule: Pick<RouteRule, 'method' | 'path'>) =>
  `${rule.method} ${rule.path}`;

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
  org_id: 'org_demo',
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
  contact_external_id: 'lead-7',
  attempt_number: 2,
  channels: 2,
  duration_seconds: 94,
  start_seconds: 3.2,
  end_seconds: 7.9,
  url: `https://headroom.example/campaign/recordings/${UUID}?expires=1795865400&signature=${'5e'.repeat(32)}`,
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
  { name: 'Conversations', description: 'Transcripts, evaluation runs and recordings' },
  { name: 'Reference', description: 'Lookups that need no credential' },
] as const;
type Tag = (typeof TAGS)[number]['name'];

function tagOf(path: string): Tag {
  if (path.includes('/contacts')) return 'Contacts';
  if (path.startsWith('/conversations') || /^\/campaign\/(conversations|recordings)\//.test(path))
    return 'Conversations';
  const resource = path.split('/')[2];
  const tags: Record<string, Tag> = {
    campaigns: 'Campaigns',
    stats: 'Campaigns',
    configurations: 'Configurations',
    'concurrency-settings': 'Concurrency',
    session: 'Session',
    activity: 'Activity',
    timezones: 'Reference',
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

function describe(rule: RouteRule, scopes: readonly string[]): string {
  const who =
    rule.access === 'public'
      ? 'Needs no credential.'
      : scopes.length > 0
        ? `Needs a credential with ${scopes.join(' or ')}.`
        : 'Needs any valid credential.';
  const ext = rule.extension
    ? ` An extension (\`${rule.extension}\`): a server that does not list it in GET /campaign/session answers 404.`
    : '';
  return `${who}${ext}`;
}

function operation(rule: RouteRule, op: Operation) {
  const [okStatus, okSchema] = op.ok;
  const errors = [
    // Any credentialed route: 400 for a personal token without X-Anyreach-Org.
    ...(rule.access === 'public' ? [] : [400, 401, 403]),
    ...(op.errors ?? []),
    // The 5 MB limit holds for every body under /campaign, not only the upsert's.
    ...(op.body ? [413] : []),
    ...(op.body || op.query ? [422] : []),
    429,
  ];
  const pathParameters = [...rule.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
    example: name === 'id' ? 'spring-outreach' : UUID,
  }));
  const scopes =
    rule.access === 'public' || rule.access === 'authenticated' ? [] : ACCEPTS[rule.access];
  return {
    operationId: op.id,
    tags: [tagOf(rule.path)],
    summary: rule.extension ? `(ext) ${op.summary}` : op.summary,
    description: describe(rule, scopes),
    ...(rule.extension ? { 'x-extension': rule.extension } : {}),
    'x-scopes': scopes,
    security: rule.access === 'public' ? [] : [{ bearer: [] }],
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
              rule.access === 'public' && status === 403
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

/** The whole document; `rules` defaults to every route of the scope table. */
export function buildOpenApi(rules: readonly RouteRule[] = ROUTES) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const rule of rules) {
    const op = OPERATIONS[operationKey(rule)];
    if (!op) throw new Error(`No OpenAPI operation for ${operationKey(rule)}`);
    const path = rule.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[rule.method.toLowerCase()] = operation(rule, op);
  }
  const used = new Set(rules.map((r) => tagOf(r.path)));
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
