// The /campaign API contract (shared/api-contract.md) as zod schemas. Both the SPA and
// the reference server import this module, so the two cannot drift. Object schemas strip
// unknown keys rather than rejecting them: the real API may add fields.
// zod/mini keeps the SPA's first screen small (about 5 KB gzipped instead of about 40).
import * as z from 'zod/mini';

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;
export const UPSERT_MAX = 1000;
export const INLINE_CONTACTS_MAX = 5000;
export const DEFAULT_CONCURRENCY_LIMIT = 10;
export const DEFAULT_COUNTRY_CODE = '+1';

// The contract's limits: bad input is refused whole, fast, and writes nothing.
export const BODY_MAX_BYTES = 5 * 1024 * 1024;
export const PHONE_NUMBERS_MAX = 10;
export const DATA_MAX_BYTES = 16 * 1024;
export const DATA_MAX_DEPTH = 8;
export const NAME_MAX = 200;
/** Bounds on every query: values of one repeatable parameter (or of one requeue filter). */
export const REPEATABLE_MAX = 20;

/**
 * An ISO 8601 UTC timestamp. Documented as `date-time`, but read as any string: a client
 * still renders an answer whose timestamps carry an offset or more precision.
 */
export const timestampSchema = z
  .string()
  .register(z.globalRegistry, { format: 'date-time', examples: ['2026-11-22T09:30:00Z'] });
const timestamp = timestampSchema;
const id = z.string();

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekdaySchema>;

const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)'));

export const scheduleSchema = z
  .object({
    days: z.array(weekdaySchema).check(z.minLength(1, 'Pick at least one day')),
    start_time: clockTime,
    end_time: clockTime,
  })
  .check(
    z.refine((s) => s.start_time < s.end_time, {
      message: 'End time must be after start time',
      path: ['end_time'],
    }),
  );
export type Schedule = z.infer<typeof scheduleSchema>;

/** +<country><number>, 7 to 15 digits: what every number is normalized to. */
export const E164 = /^\+[1-9]\d{6,14}$/;
export const e164Schema = z.string().check(z.regex(E164, 'Use E.164 format, e.g. +14155550123'));
export const countryCodeSchema = z
  .string()
  .check(z.regex(/^\+[1-9]\d{0,3}$/, 'Use a calling code such as +1 or +44'));

// ---------- Configuration ----------
const nullable = z.nullable;
const optional = z.optional;
/** Every whole number the API answers is a count, a size or a limit: never negative. */
const int = () => z.number().check(z.int(), z.nonnegative());
const bounded = (min: number, max: number) =>
  z
    .number()
    .check(
      z.int('Must be a whole number'),
      z.gte(min, `Must be at least ${min}`),
      z.lte(max, `Must be at most ${max}`),
    );
// Matching control characters is this pattern's purpose.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
export const noControl = z.refine<string>(
  (s) => !CONTROL.test(s),
  'Must not contain control characters',
);
const text = (max: number, required = 'Required') =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, required),
      z.maxLength(max, `At most ${max} characters`),
      noControl,
    );

/**
 * An external_id is addressed in a URL path segment (`/campaigns/{id}`), so it must be one:
 * no `/ ? # % \`, not `.` or `..`.
 */
const URL_UNSAFE = /[/?#%\\]/;
const addressable = (what: string) =>
  z.refine<string>(
    (s) => !URL_UNSAFE.test(s) && s !== '.' && s !== '..',
    `${what} cannot contain / ? # % \\ or be . or .., since it is used in URLs`,
  );
const externalId = (what: string) =>
  text(NAME_MAX, `${what} cannot be empty`).check(addressable(what));

/** Depth of nested objects and arrays, walked without recursion so no input can overflow. */
export function jsonDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

const dataSchema = z.record(z.string(), z.unknown()).check(
  // Depth first, and stop there: serializing thousands of levels would itself overflow.
  z.refine((data) => jsonDepth(data, DATA_MAX_DEPTH) <= DATA_MAX_DEPTH, {
    message: `data may nest at most ${DATA_MAX_DEPTH} levels`,
    abort: true,
  }),
  z.refine(
    (data) => new TextEncoder().encode(JSON.stringify(data)).length <= DATA_MAX_BYTES,
    `data may be at most ${DATA_MAX_BYTES / 1024} KB`,
  ),
);

export const contractConfigurationSchema = z.object({
  id,
  name: z.string(),
  agent_id: nullable(z.string()),
  from_phone_number: nullable(z.string()),
  default_country_code: nullable(z.string()),
  timezone: z.string(),
  schedule: nullable(
    z.object({ days: z.array(z.string()), start_time: z.string(), end_time: z.string() }),
  ),
  max_attempts: int(),
  retry_interval_minutes: int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export const configurationSchema = z.extend(contractConfigurationSchema, {
  /** (ext) cost: what calls cost under this configuration; absent from servers without it. */
  rate_card: optional(
    nullable(z.object({ currency: z.string(), per_minute: z.number(), per_call: z.number() })),
  ),
  /** (ext) contact-timezones: whose zone the schedule's hours are read in. */
  window_basis: optional(z.enum(['campaign', 'contact'])),
});
export type Configuration = z.infer<typeof configurationSchema>;

export const MAX_ATTEMPTS = { min: 1, max: 20, default: 3 } as const;
export const RETRY_INTERVAL = { min: 0, max: 10080, default: 60 } as const;

export const configurationCreateSchema = z.object({
  name: text(200, 'Name is required'),
  agent_id: optional(nullable(text(200))),
  from_phone_number: optional(nullable(e164Schema)),
  default_country_code: optional(nullable(countryCodeSchema)),
  timezone: optional(z.string().check(z.minLength(1, 'Pick a timezone'))),
  schedule: optional(nullable(scheduleSchema)),
  max_attempts: optional(bounded(MAX_ATTEMPTS.min, MAX_ATTEMPTS.max)),
  retry_interval_minutes: optional(bounded(RETRY_INTERVAL.min, RETRY_INTERVAL.max)),
});
export type ConfigurationCreate = z.infer<typeof configurationCreateSchema>;
export const configurationUpdateSchema = z.partial(configurationCreateSchema);
export type ConfigurationUpdate = z.infer<typeof configurationUpdateSchema>;
export const configurationListSchema = z.object({
  configurations: z.array(configurationSchema),
});

// ---------- Campaign ----------
export const CAMPAIGN_STATUSES = ['active', 'paused', 'closed'] as const;
export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

/** A campaign as the contract defines it: what a server without extensions sends. */
export const contractCampaignSchema = z.object({
  id,
  external_id: nullable(z.string()),
  name: z.string(),
  status: campaignStatusSchema,
  configuration_id: nullable(z.string()),
  created_at: timestamp,
  updated_at: timestamp,
});
export const campaignSchema = z.extend(contractCampaignSchema, {
  /** (ext) campaign-concurrency: absent from servers without it. */
  max_concurrent_calls: optional(nullable(int())),
  /** (ext) goal: the results that count as the call's goal. */
  goal: optional(nullable(z.object({ results: z.array(z.string()) }))),
  /** (ext) finished: active or paused, with contacts, nothing pending or in progress. */
  finished: optional(z.boolean()),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignsPageSchema = z.object({
  campaigns: z.array(campaignSchema),
  next_cursor: nullable(z.string()),
});
export type CampaignsPage = z.infer<typeof campaignsPageSchema>;

// ---------- Contact and Attempt ----------
export const CONTACT_STATUSES = [
  'pending',
  'locked',
  'in_progress',
  'completed',
  'exhausted',
] as const;
export const contactStatusSchema = z.enum(CONTACT_STATUSES);
export type ContactStatus = z.infer<typeof contactStatusSchema>;

/** The four buckets of the stats snapshot and the contacts `status` filter. */
export const CONTACT_BUCKETS = ['pending', 'in_progress', 'completed', 'exhausted'] as const;
export const contactBucketSchema = z.enum(CONTACT_BUCKETS);
export type ContactBucket = z.infer<typeof contactBucketSchema>;

export const ATTEMPT_STATUSES = [
  'in_progress',
  'completed',
  'no_answer',
  'busy',
  'voicemail',
  'failed',
] as const;
export const attemptStatusSchema = z.enum(ATTEMPT_STATUSES);
export type AttemptStatus = z.infer<typeof attemptStatusSchema>;

export const resultValueSchema = z.union([z.boolean(), z.number(), z.string()]);
export type ResultValue = z.infer<typeof resultValueSchema>;

export const attemptSchema = z.object({
  id,
  contact_id: id,
  phone_number: z.string(),
  conversation_id: nullable(z.string()),
  started_at: timestamp,
  ended_at: nullable(timestamp),
  status: attemptStatusSchema,
  result: nullable(z.record(z.string(), resultValueSchema)),
});
export type Attempt = z.infer<typeof attemptSchema>;

/** A contact as the contract defines it: what a server without extensions sends. */
export const contractContactSchema = z.object({
  id,
  campaign_id: nullable(z.string()),
  external_id: nullable(z.string()),
  phone_numbers: z.array(z.string()),
  data: z.record(z.string(), z.unknown()),
  status: contactStatusSchema,
  attempts: z.array(attemptSchema),
  created_at: timestamp,
  updated_at: timestamp,
});
export const contactSchema = z.extend(contractContactSchema, {
  /** (ext) contact-timezones: the contact's IANA zone, and where it came from. */
  timezone: optional(nullable(z.string())),
  timezone_source: optional(nullable(z.enum(['data', 'phone']))),
  /** (ext) suppression: one of its numbers is on the org's do-not-call list. */
  suppressed: optional(z.boolean()),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactsPageSchema = z.object({
  contacts: z.array(contactSchema),
  total: int(),
  limit: int(),
  offset: int(),
});
export type ContactsPage = z.infer<typeof contactsPageSchema>;

/** A contact as sent to upsert or inline on create; numbers are normalized server-side. */
export const contactInputSchema = z.object({
  id: optional(z.string().check(z.minLength(1), z.maxLength(NAME_MAX))),
  external_id: optional(nullable(externalId('external_id'))),
  phone_numbers: z
    .array(z.string().check(z.minLength(1), z.maxLength(40)))
    .check(
      z.minLength(1, 'At least one phone number'),
      z.maxLength(PHONE_NUMBERS_MAX, `At most ${PHONE_NUMBERS_MAX} phone numbers per contact`),
    ),
  data: optional(dataSchema),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

/** The contacts of one upsert: 1..1000, each checked with `item`. */
export const upsertContactList = <T extends z.ZodMiniType>(item: T) =>
  z
    .array(item)
    .check(
      z.minLength(1, 'Send at least one contact'),
      z.maxLength(UPSERT_MAX, `At most ${UPSERT_MAX} contacts per request`),
    );
/** Contacts inline in a campaign create or update: up to 5000. */
export const inlineContactList = <T extends z.ZodMiniType>(item: T) =>
  z
    .array(item)
    .check(z.maxLength(INLINE_CONTACTS_MAX, `At most ${INLINE_CONTACTS_MAX} inline contacts`));

export const upsertRequestSchema = z.object({ contacts: upsertContactList(contactInputSchema) });
export type UpsertRequest = z.infer<typeof upsertRequestSchema>;

export const upsertResultSchema = z.object({
  inserted: int(),
  updated: int(),
  failed: z.array(z.object({ index: int(), reason: z.string() })),
  warnings: z.array(z.union([z.string(), z.looseObject({ index: int() })])),
  contact_ids: z.array(z.string()),
});
export type UpsertResult = z.infer<typeof upsertResultSchema>;

export const campaignCreateSchema = z.object({
  name: text(NAME_MAX, 'Name is required'),
  // `default` names the ad-hoc contacts' route, so no campaign may take it.
  external_id: optional(
    nullable(
      externalId('External ID').check(
        z.refine((s) => s !== 'default', '"default" is reserved for contacts without a campaign'),
      ),
    ),
  ),
  configuration_id: optional(nullable(z.string().check(z.minLength(1)))),
  contacts: optional(inlineContactList(contactInputSchema)),
});
export type CampaignCreate = z.infer<typeof campaignCreateSchema>;
export const campaignUpdateSchema = z.partial(campaignCreateSchema);
export type CampaignUpdate = z.infer<typeof campaignUpdateSchema>;

// ---------- Stats, concurrency, timezones, conversations ----------
export const statsSchema = z.object({
  campaign_id: z.string(),
  status: campaignStatusSchema,
  contacts: z.object({
    total: int(),
    pending: int(),
    in_progress: int(),
    completed: int(),
    exhausted: int(),
  }),
  attempts: z.object({ total: int(), average_per_contact: z.number() }),
  active_calls: int(),
  concurrency_limit: int(),
});
export type Stats = z.infer<typeof statsSchema>;

export const CONCURRENCY_LIMIT = { min: 1, max: 1000 } as const;
export const concurrencySettingsSchema = z.object({
  concurrency_limit: int(),
  active_calls: int(),
});
export type ConcurrencySettings = z.infer<typeof concurrencySettingsSchema>;
export const concurrencyUpdateSchema = z.object({
  concurrency_limit: bounded(CONCURRENCY_LIMIT.min, CONCURRENCY_LIMIT.max),
});

export const timezonesSchema = z.object({ timezones: z.array(z.string()) });

export const conversationSchema = z.object({
  id,
  started_at: timestamp,
  ended_at: nullable(timestamp),
  transcript: z.array(
    z.object({
      role: z.string(),
      text: z.string(),
      at: timestamp,
      // (ext) recordings: where the turn sits in the recording, in seconds from its start.
      start_seconds: optional(z.number().check(z.nonnegative())),
      end_seconds: optional(z.number().check(z.nonnegative())),
    }),
  ),
  // (ext) recordings: null when the conversation has none.
  recording: optional(
    nullable(z.object({ duration_seconds: z.number().check(z.nonnegative()), channels: int() })),
  ),
  evaluations: z.array(
    z.object({
      metric_key: z.string(),
      status: z.string(),
      results: nullable(z.record(z.string(), resultValueSchema)),
    }),
  ),
});
export type Conversation = z.infer<typeof conversationSchema>;

// ---------- Query strings ----------
/** A repeatable parameter (`?status=a&status=b`): at most REPEATABLE_MAX values. */
export const repeatable = <T extends z.ZodMiniType>(item: T, name: string) =>
  z.array(item).check(z.maxLength(REPEATABLE_MAX, `At most ${REPEATABLE_MAX} ${name} values`));

const limitParam = z._default(
  z.coerce
    .number()
    .check(z.int(), z.gte(1), z.lte(LIST_LIMIT_MAX, `limit must be at most ${LIST_LIMIT_MAX}`)),
  LIST_LIMIT_DEFAULT,
);

export const campaignListQuerySchema = z.object({
  limit: limitParam,
  cursor: optional(z.string().check(z.minLength(1))),
  name: optional(z.string()),
  status: optional(repeatable(campaignStatusSchema, 'status')),
});
export type CampaignListQuery = z.input<typeof campaignListQuerySchema>;

export const contactListQuerySchema = z.object({
  limit: limitParam,
  offset: z._default(z.coerce.number().check(z.int(), z.gte(0)), 0),
  status: optional(contactBucketSchema),
});
export type ContactListQuery = z.input<typeof contactListQuerySchema>;

// ---------- Errors ----------
export const validationIssueSchema = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;
export const errorBodySchema = z.object({
  detail: z.union([z.string(), z.array(validationIssueSchema)]),
});
export type ErrorDetail = z.infer<typeof errorBodySchema>['detail'];

/** Any schema of this module, for code that checks values against one. */
export type Schema<T> = z.ZodMiniType<T>;

// ---------- Session (ext) ----------
/** The (ext) features a server may list in `GET /campaign/session`. */
export const EXTENSIONS = [
  'session',
  'report',
  'contact-filters',
  'timeline',
  'stats-batch',
  'campaign-concurrency',
  'requeue',
  'activity',
  'conversations',
  'goal',
  'cost',
  'finished',
  'alerts',
  'plan',
  'contact-timezones',
  'suppression',
  'calls',
  'recordings',
] as const;
export type Extension = (typeof EXTENSIONS)[number];

export const sessionSchema = z.object({
  org_id: z.string(),
  /** The org's display name ("Session, named"); a server that does not send it shows the id. */
  org_name: z.optional(z.string()),
  credential: z.object({
    kind: z.string(),
    label: z.string(),
    scopes: z.array(z.string()),
  }),
  // Names this client does not know are kept: a newer server may offer more.
  extensions: z.array(z.string()),
});
export type Session = z.infer<typeof sessionSchema>;
