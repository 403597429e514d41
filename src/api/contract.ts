// The /campaign API contract (shared/api-contract.md) as zod schemas. Both the SPA and
// the reference server import this module, so the two cannot drift. Object schemas strip
// unknown keys rather than rejecting them: the real API may add fields.
import { z } from 'zod';

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;
export const UPSERT_MAX = 1000;
export const INLINE_CONTACTS_MAX = 5000;
export const DEFAULT_CONCURRENCY_LIMIT = 10;
export const DEFAULT_COUNTRY_CODE = '+1';

const timestamp = z.string();
const id = z.string();

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof weekdaySchema>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)');

export const scheduleSchema = z
  .object({
    days: z.array(weekdaySchema).min(1, 'Pick at least one day'),
    start_time: clockTime,
    end_time: clockTime,
  })
  .refine((s) => s.start_time < s.end_time, {
    message: 'End time must be after start time',
    path: ['end_time'],
  });
export type Schedule = z.infer<typeof scheduleSchema>;

export const e164Schema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'Use E.164 format, e.g. +14155550123');
export const countryCodeSchema = z
  .string()
  .regex(/^\+[1-9]\d{0,3}$/, 'Use a calling code such as +1 or +44');

// ---------- Configuration ----------
export const configurationSchema = z.object({
  id,
  name: z.string(),
  agent_id: z.string().nullable(),
  from_phone_number: z.string().nullable(),
  default_country_code: z.string().nullable(),
  timezone: z.string(),
  schedule: z
    .object({ days: z.array(z.string()), start_time: z.string(), end_time: z.string() })
    .nullable(),
  max_attempts: z.number().int(),
  retry_interval_minutes: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Configuration = z.infer<typeof configurationSchema>;

export const MAX_ATTEMPTS = { min: 1, max: 20, default: 3 } as const;
export const RETRY_INTERVAL = { min: 0, max: 10080, default: 60 } as const;

const configurationFields = {
  name: z.string().trim().min(1, 'Name is required').max(200),
  agent_id: z.string().trim().min(1).max(200).nullable(),
  from_phone_number: e164Schema.nullable(),
  default_country_code: countryCodeSchema.nullable(),
  timezone: z.string().min(1),
  schedule: scheduleSchema.nullable(),
  max_attempts: z.number().int().min(MAX_ATTEMPTS.min).max(MAX_ATTEMPTS.max),
  retry_interval_minutes: z.number().int().min(RETRY_INTERVAL.min).max(RETRY_INTERVAL.max),
};

export const configurationCreateSchema = z.object({
  name: configurationFields.name,
  agent_id: configurationFields.agent_id.optional(),
  from_phone_number: configurationFields.from_phone_number.optional(),
  default_country_code: configurationFields.default_country_code.optional(),
  timezone: configurationFields.timezone.optional(),
  schedule: configurationFields.schedule.optional(),
  max_attempts: configurationFields.max_attempts.optional(),
  retry_interval_minutes: configurationFields.retry_interval_minutes.optional(),
});
export type ConfigurationCreate = z.infer<typeof configurationCreateSchema>;
export const configurationUpdateSchema = configurationCreateSchema.partial();
export type ConfigurationUpdate = z.infer<typeof configurationUpdateSchema>;
export const configurationListSchema = z.object({
  configurations: z.array(configurationSchema),
});

// ---------- Campaign ----------
export const CAMPAIGN_STATUSES = ['active', 'paused', 'closed'] as const;
export const campaignStatusSchema = z.enum(CAMPAIGN_STATUSES);
export type CampaignStatus = z.infer<typeof campaignStatusSchema>;

export const campaignSchema = z.object({
  id,
  external_id: z.string().nullable(),
  name: z.string(),
  status: campaignStatusSchema,
  configuration_id: z.string().nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignsPageSchema = z.object({
  campaigns: z.array(campaignSchema),
  next_cursor: z.string().nullable(),
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
  conversation_id: z.string().nullable(),
  started_at: timestamp,
  ended_at: timestamp.nullable(),
  status: attemptStatusSchema,
  result: z.record(z.string(), resultValueSchema).nullable(),
});
export type Attempt = z.infer<typeof attemptSchema>;

export const contactSchema = z.object({
  id,
  campaign_id: z.string().nullable(),
  external_id: z.string().nullable(),
  phone_numbers: z.array(z.string()),
  data: z.record(z.string(), z.unknown()),
  status: contactStatusSchema,
  attempts: z.array(attemptSchema),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Contact = z.infer<typeof contactSchema>;

export const contactsPageSchema = z.object({
  contacts: z.array(contactSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type ContactsPage = z.infer<typeof contactsPageSchema>;

/** A contact as sent to upsert or inline on create; numbers are normalized server-side. */
export const contactInputSchema = z.object({
  id: z.string().min(1).optional(),
  external_id: z.string().min(1).max(200).nullable().optional(),
  phone_numbers: z.array(z.string().min(1).max(40)).min(1, 'At least one phone number'),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export const upsertRequestSchema = z.object({
  contacts: z.array(contactInputSchema).min(1).max(UPSERT_MAX),
});
export type UpsertRequest = z.infer<typeof upsertRequestSchema>;

export const upsertResultSchema = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  failed: z.array(z.object({ index: z.number().int(), reason: z.string() })),
  warnings: z.array(z.union([z.string(), z.object({ index: z.number().int() }).loose()])),
  contact_ids: z.array(z.string()),
});
export type UpsertResult = z.infer<typeof upsertResultSchema>;

export const campaignCreateSchema = z.object({
  name: z.string().trim().min(1, 'Name is required').max(200),
  external_id: z.string().trim().min(1).max(200).nullable().optional(),
  configuration_id: z.string().min(1).nullable().optional(),
  contacts: z.array(contactInputSchema).max(INLINE_CONTACTS_MAX).optional(),
});
export type CampaignCreate = z.infer<typeof campaignCreateSchema>;
export const campaignUpdateSchema = campaignCreateSchema.partial();
export type CampaignUpdate = z.infer<typeof campaignUpdateSchema>;

// ---------- Stats, concurrency, timezones, conversations ----------
export const statsSchema = z.object({
  campaign_id: z.string(),
  status: campaignStatusSchema,
  contacts: z.object({
    total: z.number().int(),
    pending: z.number().int(),
    in_progress: z.number().int(),
    completed: z.number().int(),
    exhausted: z.number().int(),
  }),
  attempts: z.object({ total: z.number().int(), average_per_contact: z.number() }),
  active_calls: z.number().int(),
  concurrency_limit: z.number().int(),
});
export type Stats = z.infer<typeof statsSchema>;

export const CONCURRENCY_LIMIT = { min: 1, max: 1000 } as const;
export const concurrencySettingsSchema = z.object({
  concurrency_limit: z.number().int(),
  active_calls: z.number().int(),
});
export type ConcurrencySettings = z.infer<typeof concurrencySettingsSchema>;
export const concurrencyUpdateSchema = z.object({
  concurrency_limit: z.number().int().min(CONCURRENCY_LIMIT.min).max(CONCURRENCY_LIMIT.max),
});

export const timezonesSchema = z.object({ timezones: z.array(z.string()) });

export const conversationSchema = z.object({
  id,
  started_at: timestamp,
  ended_at: timestamp.nullable(),
  transcript: z.array(z.object({ role: z.string(), text: z.string(), at: timestamp })),
  evaluations: z.array(
    z.object({
      metric_key: z.string(),
      status: z.string(),
      results: z.record(z.string(), resultValueSchema).nullable(),
    }),
  ),
});
export type Conversation = z.infer<typeof conversationSchema>;

// ---------- Query strings ----------
const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(LIST_LIMIT_MAX, `limit must be at most ${LIST_LIMIT_MAX}`)
  .default(LIST_LIMIT_DEFAULT);

export const campaignListQuerySchema = z.object({
  limit: limitParam,
  cursor: z.string().min(1).optional(),
  name: z.string().optional(),
  status: z.array(campaignStatusSchema).optional(),
});
export type CampaignListQuery = z.input<typeof campaignListQuerySchema>;

export const contactListQuerySchema = z.object({
  limit: limitParam,
  offset: z.coerce.number().int().min(0).default(0),
  status: contactBucketSchema.optional(),
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

// ---------- Auth ----------
export const SCOPES = [
  'campaigns:read',
  'campaigns:manage',
  'concurrency:read',
  'concurrency:manage',
] as const;
export type Scope = (typeof SCOPES)[number];
