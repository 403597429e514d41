// The OpenAPI 3.1 document of the API, generated from the same zod schemas the server
// validates with and the SPA checks responses with, and from the scope table's routes.
// Served at /openapi.json and written to docs/openapi.json (npm run openapi).
import * as z from 'zod/mini';
import * as ext from './extensions.ts';
import * as s from './schemas.ts';
import { ACCEPTS, ROUTES, type RouteRule } from './scopes.ts';

type AnySchema = z.ZodMiniType;
type Operation = {
  summary: string;
  query?: AnySchema;
  body?: AnySchema;
  /** Success status and its body schema (null: no body). */
  ok: [number, AnySchema | null];
  /** Error statuses this route can answer besides 401/403/422/429. */
  errors?: number[];
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
    summary: 'The org, the credential and the extensions this server offers',
    ok: [200, s.sessionSchema],
  },
  'GET /campaign/timezones': {
    summary: 'IANA timezone names',
    ok: [200, s.timezonesSchema],
  },
  [`GET ${C}`]: {
    summary: 'List campaigns, newest first',
    query: s.campaignListQuerySchema,
    ok: [200, s.campaignsPageSchema],
  },
  [`POST ${C}`]: {
    summary: 'Create a campaign, with up to 5,000 inline contacts',
    body: campaignCreateBody,
    ok: [201, s.campaignSchema],
    errors: [409],
  },
  [`GET ${C}/:id`]: {
    summary: 'One campaign, by UUID or external_id',
    ok: [200, s.campaignSchema],
    errors: [404],
  },
  [`PATCH ${C}/:id`]: {
    summary: 'Update a campaign',
    body: campaignUpdateBody,
    ok: [200, s.campaignSchema],
    errors: [400, 404, 409],
  },
  [`POST ${C}/:id/start`]: {
    summary: 'paused → active',
    ok: [200, s.campaignSchema],
    errors: [400, 404],
  },
  [`POST ${C}/:id/pause`]: {
    summary: 'active → paused',
    ok: [200, s.campaignSchema],
    errors: [400, 404],
  },
  [`POST ${C}/:id/close`]: {
    summary: 'active or paused → closed, for ever',
    ok: [200, s.campaignSchema],
    errors: [400, 404],
  },
  [`GET ${C}/:id/stats`]: {
    summary: 'The stats snapshot; by UUID only',
    ok: [200, s.statsSchema],
    errors: [404],
  },
  [`GET ${C}/:id/report`]: {
    summary: 'Outcomes, rates, talk time, retries and the evaluation roll-up',
    query: reportQuery,
    ok: [200, ext.reportSchema],
    errors: [404],
  },
  [`GET ${C}/:id/timeline`]: {
    summary: 'Calls started and ended per bucket, with the finish forecast',
    query: ext.timelineQuerySchema,
    ok: [200, ext.campaignTimelineSchema],
    errors: [404],
  },
  [`GET ${C}/:id/contacts`]: {
    summary: 'A page of contacts with their attempts',
    query: contactListQuery,
    ok: [200, s.contactsPageSchema],
    errors: [404],
  },
  [`POST ${C}/:id/contacts`]: {
    summary: 'Upsert 1..1000 contacts',
    body: s.upsertRequestSchema,
    ok: [200, s.upsertResultSchema],
    errors: [400, 404, 413],
  },
  [`POST ${C}/:id/contacts/requeue`]: {
    summary: 'Return matching exhausted or completed contacts to pending',
    body: ext.requeueRequestSchema,
    ok: [200, ext.requeueResultSchema],
    errors: [400, 404],
  },
  [`GET ${C}/:id/contacts/:contactId`]: {
    summary: 'One contact',
    ok: [200, s.contactSchema],
    errors: [404],
  },
  [`DELETE ${C}/:id/contacts/:contactId`]: {
    summary: 'Delete a contact',
    ok: [204, null],
    errors: [404],
  },
  'GET /campaign/configurations': {
    summary: 'List configurations',
    ok: [200, s.configurationListSchema],
  },
  'POST /campaign/configurations': {
    summary: 'Create a configuration',
    body: s.configurationCreateSchema,
    ok: [201, s.configurationSchema],
  },
  'GET /campaign/configurations/:configId': {
    summary: 'One configuration',
    ok: [200, s.configurationSchema],
    errors: [404],
  },
  'PATCH /campaign/configurations/:configId': {
    summary: 'Update a configuration',
    body: s.configurationUpdateSchema,
    ok: [200, s.configurationSchema],
    errors: [404],
  },
  'DELETE /campaign/configurations/:configId': {
    summary: 'Delete a configuration no campaign uses',
    ok: [204, null],
    errors: [404, 409],
  },
  'GET /campaign/stats': {
    summary: 'Stats snapshots of up to 200 campaigns at once',
    query: ext.statsBatchQuerySchema,
    ok: [200, ext.statsBatchSchema],
  },
  'GET /campaign/activity': {
    summary: 'Who changed what, newest first',
    query: ext.activityQuerySchema,
    ok: [200, ext.activityPageSchema],
    errors: [404],
  },
  'GET /campaign/concurrency-settings': {
    summary: 'The org concurrency limit and calls in flight',
    ok: [200, s.concurrencySettingsSchema],
  },
  'PUT /campaign/concurrency-settings': {
    summary: 'Set the org concurrency limit',
    body: s.concurrencyUpdateSchema,
    ok: [200, s.concurrencySettingsSchema],
  },
  'GET /campaign/concurrency-settings/timeline': {
    summary: 'Calls in flight against the limit per bucket',
    query: ext.timelineQuerySchema,
    ok: [200, ext.orgTimelineSchema],
  },
  'GET /conversations/:conversationId': {
    summary: 'A transcript and its evaluation runs',
    ok: [200, s.conversationSchema],
    errors: [404],
  },
};

export const operationKey = (rule: Pick<RouteRule, 'method' | 'path'>) =>
  `${rule.method} ${rule.path}`;

const jsonSchema = (schema: AnySchema, io: 'input' | 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request: an illegal state change, or a personal token without X-Anyreach-Org',
  401: 'Missing or unknown credential',
  403: 'Valid credential without the scope, or not a member of the org',
  404: 'Unknown resource (also one of another org)',
  409: 'Conflict',
  413: 'Request body over 5 MB',
  422: 'Body or query that fails validation',
  429: 'Rate limited; see Retry-After',
};

function queryParameters(schema: AnySchema) {
  const json = jsonSchema(schema, 'input') as {
    properties?: Record<string, { type?: string }>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
    // Repeatable parameters are sent as ?status=a&status=b.
    ...(property.type === 'array' ? { style: 'form', explode: true } : {}),
  }));
}

function operation(rule: RouteRule, op: Operation) {
  const [okStatus, okSchema] = op.ok;
  const errors = [
    // Any credentialed route: 400 for a personal token without X-Anyreach-Org.
    ...(rule.access === 'public' ? [] : [400, 401, 403]),
    ...(op.errors ?? []),
    ...(op.body || op.query ? [422] : []),
    429,
  ];
  const pathParameters = [...rule.path.matchAll(/:(\w+)/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const scopes =
    rule.access === 'public' || rule.access === 'authenticated' ? [] : ACCEPTS[rule.access];
  return {
    summary: rule.extension ? `(ext) ${op.summary}` : op.summary,
    ...(rule.extension ? { 'x-extension': rule.extension } : {}),
    'x-scopes': scopes,
    security: rule.access === 'public' ? [] : [{ bearer: [] }],
    parameters: [...pathParameters, ...(op.query ? queryParameters(op.query) : [])],
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [okStatus]: {
        description: 'Success',
        ...(okSchema
          ? { content: { 'application/json': { schema: jsonSchema(okSchema, 'output') } } }
          : {}),
      },
      ...Object.fromEntries(
        [...new Set(errors)].map((status) => [
          status,
          {
            description: ERROR_TEXT[status],
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
  return {
    openapi: '3.1.0',
    info: {
      title: 'Headroom /campaign API',
      version: '2',
      description:
        'The /campaign API the Headroom dashboard relies on. Operations marked (ext) are extensions: a server lists the ones it offers in GET /campaign/session and answers 404 for the others.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: jsonSchema(s.errorBodySchema, 'output') },
    },
    paths,
  };
}
