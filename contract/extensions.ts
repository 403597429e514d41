// The (ext) parts of the API (api-contract "Extensions, second round"): offered by the
// reference server, listed by GET /campaign/session, and used by the SPA only when listed.
import * as z from 'zod/mini';
import {
  ATTEMPT_STATUSES,
  attemptSchema,
  attemptStatusSchema,
  contactBucketSchema,
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
  noControl,
  repeatable,
  statsSchema,
  timestampSchema as timestamp,
} from './schemas.ts';

/** Every whole number the API answers is a count, a size or a limit: never negative. */
const int = () => z.number().check(z.int(), z.nonnegative());
const rate = z.nullable(z.number());

// ---------- Contact filters (contacts list, report, requeue) ----------
export const ENDED_STATUSES = ATTEMPT_STATUSES.filter((s) => s !== 'in_progress');
/** `none`: never called (no ended attempt). */
export const CALL_STATUS_FILTERS = [...ENDED_STATUSES, 'none'] as const;
export const callStatusFilterSchema = z.enum(CALL_STATUS_FILTERS);
export type CallStatusFilter = z.infer<typeof callStatusFilterSchema>;

export const SEARCH_MAX = 200;
/** A `result` filter is `key:value`; values longer than this are not filtered on. */
export const RESULT_FILTER_MAX = 1000;

/** `key:value`, as the `result` filter and a goal's results take it. */
const resultPairSchema = (name: string) =>
  z
    .string()
    .check(
      z.maxLength(RESULT_FILTER_MAX, `${name} is at most ${RESULT_FILTER_MAX} characters`),
      z.regex(/^[^:\s]+:.+$/s, `${name} must be key:value`),
    )
    .register(z.globalRegistry, { examples: ['next_step.action:book_demo'] });

export const contactFiltersSchema = z.object({
  search: z.optional(
    z
      .string()
      .check(z.maxLength(SEARCH_MAX, `search is at most ${SEARCH_MAX} characters`), noControl),
  ),
  last_status: z.optional(repeatable(callStatusFilterSchema, 'last_status')),
  first_status: z.optional(repeatable(callStatusFilterSchema, 'first_status')),
  attempts: z.optional(
    repeatable(
      z.coerce.number().check(z.int('attempts must be a whole number'), z.gte(0)),
      'attempts',
    ),
  ),
  result: z.optional(repeatable(resultPairSchema('result'), 'result')),
  /** (ext) contact-timezones: contacts in these zones (`none`: without one). */
  timezone: z.optional(
    repeatable(
      z.string().check(z.minLength(1), z.maxLength(64, 'timezone is at most 64 characters')),
      'timezone',
    ),
  ),
  /** (ext) contact-timezones: pending contacts whose calling window is open now. */
  callable: z.optional(z.enum(['now'])),
  /** (ext) suppression: contacts with a number on the do-not-call list, or without. */
  suppressed: z.optional(z.enum(['true', 'false'])),
});
export type ContactFilters = z.infer<typeof contactFiltersSchema>;
/** The filter keys that may repeat in a query string. */
export const REPEATABLE_FILTERS = [
  'last_status',
  'first_status',
  'attempts',
  'result',
  'timezone',
] as const;

/**
 * The contact filters plus the contract's bucket `status` (repeatable, AND-combined with the
 * rest): what the contacts list and the report take, so the report counts what the list shows.
 */
export const contactQuerySchema = z.extend(contactFiltersSchema, {
  status: z.optional(repeatable(contactBucketSchema, 'status')),
});
export type ContactQuery = z.infer<typeof contactQuerySchema>;
export const REPEATABLE_QUERY = [...REPEATABLE_FILTERS, 'status'] as const;

// ---------- Report ----------
const byStatus = z.object({
  completed: int(),
  no_answer: int(),
  busy: int(),
  voicemail: int(),
  failed: int(),
});

export const resultSummarySchema = z.union([
  z.object({
    key: z.string(),
    type: z.literal('boolean'),
    count: int(),
    true: int(),
    false: int(),
  }),
  z.object({
    key: z.string(),
    type: z.literal('number'),
    count: int(),
    mean: z.nullable(z.number()),
    min: z.nullable(z.number()),
    max: z.nullable(z.number()),
  }),
  z.object({
    key: z.string(),
    type: z.literal('string'),
    count: int(),
    values: z.array(z.object({ value: z.string(), count: int() })),
  }),
]);
export type ResultSummary = z.infer<typeof resultSummarySchema>;

export const reportSchema = z.object({
  campaign_id: z.string(),
  generated_at: timestamp,
  started_at: z.nullable(timestamp),
  completed_at: z.nullable(timestamp),
  contacts: z.object({
    total: int(),
    reached: int(),
    completed: int(),
    exhausted: int(),
    /** (ext) suppression: contacts with a number on the do-not-call list. */
    suppressed: z.optional(int()),
  }),
  attempts: z.object({ total: int(), in_progress: int(), by_status: byStatus }),
  rates: z.object({ answer_rate: rate, success_rate: rate, reach_rate: rate }),
  talk_time: z.object({ total_seconds: z.number(), average_seconds: z.nullable(z.number()) }),
  by_attempt_number: z.array(z.object({ attempt: int(), ended: int(), completed: int() })),
  results: z.array(resultSummarySchema),
  /** (ext) goal: null when the campaign has no goal; absent from servers without it. */
  goal: z.optional(
    z.nullable(
      z.object({
        results: z.array(z.string()),
        conversions: int(),
        conversion_rate: rate,
        /** Beyond the contract's object: the rate's denominator, contacts with a completed call. */
        answered: z.optional(int()),
      }),
    ),
  ),
  /** (ext) cost: null without a rate card; absent from servers without it. */
  cost: z.optional(
    z.nullable(
      z.object({
        currency: z.string(),
        total: z.number().check(z.nonnegative()),
        per_completed_contact: rate,
        per_conversion: rate,
      }),
    ),
  ),
});
export type Report = z.infer<typeof reportSchema>;

// ---------- Timelines ----------
export const TIMELINE_MAX_BUCKETS = 1000;
export const TIMELINE_MAX_SPAN_SECONDS = 7 * 24 * 3600;
export const timelineQuerySchema = z.object({
  from: z.optional(z.iso.datetime({ message: 'from must be an ISO 8601 timestamp' })),
  to: z.optional(z.iso.datetime({ message: 'to must be an ISO 8601 timestamp' })),
  bucket_seconds: z.optional(
    z.coerce.number().check(
      z.int('bucket_seconds must be a whole number'),
      z.gte(60, 'bucket_seconds is at least 60'),
      // The rollups are per minute.
      z.multipleOf(60, 'bucket_seconds must be a whole number of minutes'),
    ),
  ),
});

export const timelinePointSchema = z.object({
  at: timestamp,
  started: int(),
  ended: byStatus,
  active_calls_max: int(),
});
const finishesRangeSchema = z.object({ earliest: timestamp, latest: timestamp });
/** Below this many ended calls a finish time is a guess: no range is given, none is shown. */
export const ENOUGH_ENDED_CALLS = 20;
export const forecastSchema = z.object({
  rate_per_hour: z.number(),
  remaining: int(),
  finishes_at: z.nullable(timestamp),
  basis: z.string(),
  /** (ext) goal round: calls ended so far; absent from older servers. */
  ended_calls: z.optional(int()),
  /**
   * (ext) goal round: the finishes at the rates of the last 30 minutes and the last 3 hours,
   * earliest first; null below ENOUGH_ENDED_CALLS ended calls or without a rate.
   */
  finishes_range: z.optional(z.nullable(finishesRangeSchema)),
});
export type Forecast = z.infer<typeof forecastSchema>;

export const campaignTimelineSchema = z.object({
  bucket_seconds: int(),
  from: timestamp,
  to: timestamp,
  points: z.array(timelinePointSchema),
  forecast: forecastSchema,
});
export type CampaignTimeline = z.infer<typeof campaignTimelineSchema>;

export const orgTimelineSchema = z.object({
  bucket_seconds: int(),
  from: timestamp,
  to: timestamp,
  points: z.array(z.object({ at: timestamp, active_calls_max: int(), concurrency_limit: int() })),
});
export type OrgTimeline = z.infer<typeof orgTimelineSchema>;

// ---------- Stats for many campaigns ----------
export const STATS_BATCH_MAX = 200;
export const statsBatchQuerySchema = z.object({
  campaign_id: z
    .array(z.string().check(z.minLength(1)))
    .check(
      z.minLength(1, 'Name at least one campaign_id'),
      z.maxLength(STATS_BATCH_MAX, `At most ${STATS_BATCH_MAX} campaign_id values`),
    ),
});
export const batchStatsSchema = z.extend(statsSchema, {
  answer_rate: rate,
  finishes_at: z.nullable(timestamp),
  /** (ext) goal: conversions over contacts with a completed attempt; null without a goal. */
  conversion_rate: z.optional(rate),
  /** (ext) as the timeline's forecast: ended calls and the finish range. */
  ended_calls: z.optional(int()),
  finishes_range: z.optional(z.nullable(finishesRangeSchema)),
  /** (ext) cost: the campaign's spend so far; null without a rate card. */
  cost: z.optional(
    z.nullable(z.object({ currency: z.string(), total: z.number().check(z.nonnegative()) })),
  ),
});
export type BatchStats = z.infer<typeof batchStatsSchema>;
export const statsBatchSchema = z.object({ stats: z.array(batchStatsSchema) });

// ---------- Requeue ----------
export const REQUEUE_STATUSES = ['exhausted', 'completed'] as const;
/** Twenty values per filter, each at its longest, fit many times over; beyond: 422 unread. */
export const FILTER_BODY_MAX_BYTES = 128 * 1024;
export const requeueRequestSchema = z.extend(contactFiltersSchema, {
  // The bucket filter, of the finished buckets only.
  status: repeatable(z.enum(REQUEUE_STATUSES), 'status').check(
    z.minLength(1, 'Name at least one status to requeue'),
  ),
});
export type RequeueRequest = z.infer<typeof requeueRequestSchema>;
export const requeueResultSchema = z.object({ requeued: int() });

// ---------- Activity ----------
export const ACTIVITY_ACTIONS = [
  'campaign.created',
  'campaign.updated',
  'campaign.started',
  'campaign.paused',
  'campaign.closed',
  'contacts.imported',
  'contacts.deleted',
  'contacts.requeued',
  'configuration.created',
  'configuration.updated',
  'configuration.deleted',
  'concurrency.updated',
  'suppression.added',
  'suppression.removed',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export const activityEventSchema = z.object({
  id: z.string(),
  at: timestamp,
  actor: z.object({ kind: z.string(), label: z.string() }),
  // Actions this client does not know yet are shown by name.
  action: z.string(),
  campaign_id: z.nullable(z.string()),
  configuration_id: z.nullable(z.string()),
  summary: z.string(),
  changes: z.nullable(z.record(z.string(), z.tuple([z.unknown(), z.unknown()]))),
});
export type ActivityEvent = z.infer<typeof activityEventSchema>;
export const activityPageSchema = z.object({
  events: z.array(activityEventSchema),
  next_cursor: z.nullable(z.string()),
});
export const activityQuerySchema = z.object({
  campaign_id: z.optional(z.string().check(z.minLength(1))),
  action: z.optional(repeatable(z.enum(ACTIVITY_ACTIONS), 'action')),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  cursor: z.optional(z.string().check(z.minLength(1))),
});

// ---------- Campaign concurrency ----------
export const CAMPAIGN_CONCURRENCY = { min: 1, max: 1000 } as const;
export const maxConcurrentCallsSchema = z.nullable(
  z
    .number()
    .check(
      z.int('Must be a whole number'),
      z.gte(CAMPAIGN_CONCURRENCY.min, `Must be at least ${CAMPAIGN_CONCURRENCY.min}`),
      z.lte(CAMPAIGN_CONCURRENCY.max, `Must be at most ${CAMPAIGN_CONCURRENCY.max}`),
    ),
);
/** The (ext) field a campaign create or PATCH body may carry besides the contract's. */
export const campaignConcurrencyInputSchema = z.object({
  max_concurrent_calls: z.optional(maxConcurrentCallsSchema),
});
export type CampaignConcurrencyInput = z.infer<typeof campaignConcurrencyInputSchema>;

// ---------- Calls ----------
export const callsQuerySchema = z.object({
  status: z.optional(repeatable(attemptStatusSchema, 'status')),
  from: z.optional(z.iso.datetime({ message: 'from must be an ISO 8601 timestamp' })),
  to: z.optional(z.iso.datetime({ message: 'to must be an ISO 8601 timestamp' })),
  limit: z._default(
    z.coerce
      .number()
      .check(z.int(), z.gte(1), z.lte(LIST_LIMIT_MAX, `limit must be at most ${LIST_LIMIT_MAX}`)),
    LIST_LIMIT_DEFAULT,
  ),
  cursor: z.optional(z.string().check(z.minLength(1))),
});
export type CallsQuery = z.input<typeof callsQuerySchema>;

/** One attempt of the campaign's call log, with the contact it called and its place in their history. */
export const callSchema = z.extend(attemptSchema, {
  contact_external_id: z.nullable(z.string()),
  attempt_number: int(),
});
export type Call = z.infer<typeof callSchema>;
export const callsPageSchema = z.object({
  attempts: z.array(callSchema),
  next_cursor: z.nullable(z.string()),
});
export type CallsPage = z.infer<typeof callsPageSchema>;

// ---------- Recordings ----------
/** How long a recording link works. */
export const RECORDING_LINK_SECONDS = 600;
export const recordingLinkSchema = z.object({ url: z.string(), expires_at: timestamp });
export type RecordingLink = z.infer<typeof recordingLinkSchema>;
export const recordingQuerySchema = z.object({
  expires: z.string().check(z.regex(/^\d{1,12}$/, 'expires must be a Unix time in seconds')),
  signature: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'signature must be 64 hex digits')),
});

// ---------- Goal ----------
export const GOAL_RESULTS_MAX = 5;
/** What counts as the call's goal: any one of these `key:value` latest results. */
export const goalSchema = z.object({
  results: z
    .array(resultPairSchema('goal result'))
    .check(
      z.minLength(1, 'Name at least one result'),
      z.maxLength(GOAL_RESULTS_MAX, `At most ${GOAL_RESULTS_MAX} results`),
    ),
});
export type Goal = z.infer<typeof goalSchema>;
/** The (ext) field a campaign create or PATCH body may carry. */
export const goalInputSchema = z.object({ goal: z.optional(z.nullable(goalSchema)) });

/** Splits a `key:value` at its first colon, as the result filter does. */
export function splitResultPair(pair: string): { key: string; value: string } {
  const colon = pair.indexOf(':');
  return { key: pair.slice(0, colon), value: pair.slice(colon + 1) };
}

// ---------- Cost ----------
export const RATE_AMOUNT = { min: 0, max: 100, decimals: 4 } as const;
const rateAmount = z.number().check(
  z.gte(RATE_AMOUNT.min, `Must be at least ${RATE_AMOUNT.min}`),
  z.lte(RATE_AMOUNT.max, `Must be at most ${RATE_AMOUNT.max}`),
  z.refine(
    (n) =>
      Math.abs(n * 10 ** RATE_AMOUNT.decimals - Math.round(n * 10 ** RATE_AMOUNT.decimals)) < 1e-6,
    `At most ${RATE_AMOUNT.decimals} decimals`,
  ),
);
/** What calls cost: per ended call, plus per minute of talk on completed calls. */
export const rateCardSchema = z.object({
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as USD')),
  per_minute: rateAmount,
  per_call: rateAmount,
});
export type RateCard = z.infer<typeof rateCardSchema>;
/** The (ext) field a configuration create or PATCH body may carry. */
export const rateCardInputSchema = z.object({ rate_card: z.optional(z.nullable(rateCardSchema)) });

// ---------- Finished campaigns ----------
/** The (ext) campaign list filter: active or paused, with contacts, none left to call. */
export const finishedQuerySchema = z.object({
  finished: z.optional(z.enum(['true', 'false'])),
});
// ---------- Plan ----------
/** The most lines a plan places work for: the org limit's own maximum. */
export const PLAN_MAX_LINES = 1000;
/** Ended calls a plan needs before it gives figures. */
export const PLAN_MIN_ENDED_CALLS = 20;
export const planQuerySchema = z.object({
  deadline: z.optional(
    z.iso.datetime({ offset: true, message: 'deadline must be an ISO 8601 timestamp' }),
  ),
});
export const planSchema = z.object({
  campaign_id: z.string(),
  generated_at: timestamp,
  remaining: z.object({ contacts: int(), attempts_expected: z.nullable(z.number()) }),
  attempts_per_line_hour: z.nullable(z.number()),
  basis: z.string(),
  lines_now: int(),
  at_lines: z.array(z.object({ lines: int(), finishes_at: z.nullable(timestamp) })),
  deadline: z.nullable(
    z.object({
      at: timestamp,
      lines_needed: z.nullable(int()),
      within_org_limit: z.boolean(),
    }),
  ),
  cost_to_finish: z.nullable(z.number()),
});
export type Plan = z.infer<typeof planSchema>;
export const orgPlanSchema = z.object({
  concurrency_limit: int(),
  campaigns: z.array(planSchema),
});
export type OrgPlan = z.infer<typeof orgPlanSchema>;

// ---------- Contact time zones ----------
export const WINDOW_BASES = ['campaign', 'contact'] as const;
export type WindowBasis = (typeof WINDOW_BASES)[number];
/** The (ext) field a configuration create or PATCH body may carry. */
export const windowBasisInputSchema = z.object({
  window_basis: z.optional(z.enum(WINDOW_BASES)),
});
/** Who of a campaign's pending contacts may be called now, who later and who never. */
export const callableSchema = z.object({
  now: int(),
  later: z.array(z.object({ opens_at: timestamp, timezone: z.string(), contacts: int() })),
  no_timezone: int(),
  suppressed: int(),
  generated_at: timestamp,
});
export type Callable = z.infer<typeof callableSchema>;

// ---------- Suppression list ----------
export const SUPPRESSION_SOURCES = ['manual', 'import', 'conversation'] as const;
export const SUPPRESSION_REASON_MAX = 200;
export const SUPPRESSIONS_ADD_MAX = 1000;
const reason = z
  .string()
  .check(
    z.trim(),
    z.maxLength(SUPPRESSION_REASON_MAX, `At most ${SUPPRESSION_REASON_MAX} characters`),
    noControl,
  );
export const suppressionSchema = z.object({
  phone_number: z.string(),
  reason: z.string(),
  source: z.string(),
  added_by: z.string(),
  added_at: timestamp,
});
export type Suppression = z.infer<typeof suppressionSchema>;
export const suppressionPageSchema = z.object({
  suppressions: z.array(suppressionSchema),
  total: int(),
  next_cursor: z.nullable(z.string()),
});
export type SuppressionPage = z.infer<typeof suppressionPageSchema>;
export const suppressionQuerySchema = z.object({
  search: z.optional(
    z
      .string()
      .check(z.maxLength(SEARCH_MAX, `search is at most ${SEARCH_MAX} characters`), noControl),
  ),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
});
export const suppressionAddSchema = z.object({
  entries: z
    .array(
      z.object({
        phone_number: z.string().check(z.minLength(1), z.maxLength(40)),
        reason: z.optional(reason),
        /** Where the numbers came from: typed in (default) or a CSV file. */
        source: z.optional(z.enum(['manual', 'import'])),
      }),
    )
    .check(
      z.minLength(1, 'Send at least one number'),
      z.maxLength(SUPPRESSIONS_ADD_MAX, `At most ${SUPPRESSIONS_ADD_MAX} numbers per request`),
    ),
});
export type SuppressionAdd = z.infer<typeof suppressionAddSchema>;
export const suppressionAddResultSchema = z.object({
  /** Numbers new to the list, and those already on it (left as they were). */
  added: int(),
  unchanged: int(),
  /** Contacts of the org newly flagged as suppressed. */
  contacts_suppressed: int(),
});
export const suppressionRemoveSchema = z.object({
  reason: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Say why the number may be called again'),
      z.maxLength(SUPPRESSION_REASON_MAX, `At most ${SUPPRESSION_REASON_MAX} characters`),
      noControl,
    ),
});
