// (ext) alerts (api-contract "Extensions, third round" → Alerts): rules evaluated by the server
// every 15 s, their episodes (events) and the deliveries of each to webhooks and Slack.
import * as z from 'zod/mini';
import { NAME_MAX, noControl, timestampSchema as timestamp } from './schemas.ts';

const int = () => z.number().check(z.int(), z.nonnegative());
const whole = (min: number, max: number, what: string) =>
  z
    .number()
    .check(
      z.int(`${what} must be a whole number`),
      z.gte(min, `${what} is at least ${min}`),
      z.lte(max, `${what} is at most ${max}`),
    );

/** How often the server evaluates every enabled rule. */
export const ALERT_EVALUATION_SECONDS = 15;
/** Delivery: each try's timeout, and the waits between tries; after the last, `failed`. */
export const DELIVERY_TIMEOUT_MS = 5000;
export const DELIVERY_BACKOFF_SECONDS = [1, 4, 16, 64, 256] as const;
export const CHANNELS_MAX = 5;
export const SECRET_MAX = 200;
export const URL_MAX = 2000;

export const FOR_MINUTES = { min: 1, max: 1440 } as const;
export const WINDOW_CALLS = { min: 10, max: 10000 } as const;

const forMinutes = whole(FOR_MINUTES.min, FOR_MINUTES.max, 'for_minutes');
const windowCalls = whole(WINDOW_CALLS.min, WINDOW_CALLS.max, 'window_calls');
const percent = z
  .number()
  .check(z.gte(0, 'threshold is at least 0'), z.lte(100, 'threshold is at most 100'));

export const ALERT_CONDITION_KINDS = [
  'finished',
  'stalled',
  'at_cap',
  'rate_below',
  'failed_share_above',
  'answer_rate_drop',
] as const;
export type AlertConditionKind = (typeof ALERT_CONDITION_KINDS)[number];
export const RATE_METRICS = ['answer_rate', 'conversion_rate'] as const;

/** The six conditions, with the bounds a rule is written within (`minutes`, `calls`). */
const conditionOf = <M extends z.ZodMiniType, C extends z.ZodMiniType, P extends z.ZodMiniType>(
  minutes: M,
  calls: C,
  percent: P,
) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('finished') }),
    z.object({ kind: z.literal('stalled'), for_minutes: minutes }),
    z.object({ kind: z.literal('at_cap'), for_minutes: minutes }),
    z.object({
      kind: z.literal('rate_below'),
      metric: z.enum(RATE_METRICS),
      threshold: percent,
      window_calls: calls,
    }),
    z.object({ kind: z.literal('failed_share_above'), threshold: percent, window_calls: calls }),
    // threshold: percent of the campaign's own rate at the same hours on earlier days.
    z.object({ kind: z.literal('answer_rate_drop'), threshold: percent }),
  ]);
export const alertConditionSchema = conditionOf(forMinutes, windowCalls, percent);
/** As answered: read without the bounds a write is held to. */
const alertConditionAnswerSchema = conditionOf(int(), int(), z.number());
export type AlertCondition = z.infer<typeof alertConditionSchema>;

const url = z.string().check(
  z.minLength(1, 'Required'),
  z.maxLength(URL_MAX, `At most ${URL_MAX} characters`),
  z.refine((s) => URL.canParse(s), 'Must be a URL'),
);

/** A channel as written: a webhook's secret is sent once and never answered again. */
export const alertChannelInputSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('webhook'),
    url,
    // Optional on an update: a channel whose url already has a secret keeps it.
    secret: z.optional(
      z
        .string()
        .check(
          z.minLength(16, 'The secret is at least 16 characters'),
          z.maxLength(SECRET_MAX, `At most ${SECRET_MAX} characters`),
          noControl,
        ),
    ),
  }),
  z.object({ type: z.literal('slack'), url }),
]);
export type AlertChannelInput = z.infer<typeof alertChannelInputSchema>;

/** A channel as answered: never its secret; a Slack URL masked (docs/api.md, Alerts). */
export const alertChannelSchema = z.object({
  type: z.enum(['webhook', 'slack']),
  url: z.string(),
});
export type AlertChannel = z.infer<typeof alertChannelSchema>;

const channels = z
  .array(alertChannelInputSchema)
  .check(
    z.minLength(1, 'Name at least one channel'),
    z.maxLength(CHANNELS_MAX, `At most ${CHANNELS_MAX} channels`),
  );
const name = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Required'),
    z.maxLength(NAME_MAX, `At most ${NAME_MAX} characters`),
    noControl,
  );

export const alertRuleCreateSchema = z.object({
  name,
  /** null or absent: every campaign of the org. UUID or external_id. */
  campaign_id: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(NAME_MAX)))),
  enabled: z.optional(z.boolean()),
  condition: alertConditionSchema,
  channels,
});
export type AlertRuleCreate = z.infer<typeof alertRuleCreateSchema>;
export const alertRuleUpdateSchema = z.partial(alertRuleCreateSchema);
export type AlertRuleUpdate = z.infer<typeof alertRuleUpdateSchema>;

export const alertRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  campaign_id: z.nullable(z.string()),
  enabled: z.boolean(),
  condition: alertConditionAnswerSchema,
  channels: z.array(alertChannelSchema),
  created_at: timestamp,
  updated_at: timestamp,
});
export type AlertRule = z.infer<typeof alertRuleSchema>;
export const alertRuleListSchema = z.object({ rules: z.array(alertRuleSchema) });

export const DELIVERY_STATUSES = ['delivered', 'retrying', 'failed'] as const;
export const alertDeliverySchema = z.object({
  /** Where it went: the channel's kind and host (never its path, which may hold a token). */
  channel: z.object({ type: z.enum(['webhook', 'slack']), host: z.string() }),
  /** Which transition of the episode this delivery carries. */
  state: z.enum(['firing', 'resolved', 'test']),
  status: z.enum(DELIVERY_STATUSES),
  attempts: int(),
  last_error: z.nullable(z.string()),
  last_attempt_at: z.nullable(timestamp),
});
export type AlertDelivery = z.infer<typeof alertDeliverySchema>;

export const ALERT_STATES = ['firing', 'resolved'] as const;
export const alertEventSchema = z.object({
  id: z.string(),
  rule_id: z.string(),
  campaign_id: z.nullable(z.string()),
  state: z.enum(ALERT_STATES),
  message: z.string(),
  value: z.nullable(z.number()),
  threshold: z.nullable(z.number()),
  fired_at: timestamp,
  resolved_at: z.nullable(timestamp),
  deliveries: z.array(alertDeliverySchema),
});
export type AlertEvent = z.infer<typeof alertEventSchema>;
export const alertEventPageSchema = z.object({
  events: z.array(alertEventSchema),
  next_cursor: z.nullable(z.string()),
});
export const alertEventQuerySchema = z.object({
  rule_id: z.optional(z.string().check(z.minLength(1), z.maxLength(NAME_MAX))),
  campaign_id: z.optional(z.string().check(z.minLength(1), z.maxLength(NAME_MAX))),
  state: z.optional(z.enum(ALERT_STATES)),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(NAME_MAX))),
});
/**
 * Beyond the contract, which says only that a test is sent: what each channel answered to its
 * one try. A server may answer without it (or without a body: src/api/alerts.ts).
 */
export const alertTestResultSchema = z.object({
  deliveries: z.optional(z.array(alertDeliverySchema)),
});

/** The body every webhook receives (Slack gets `{ text: message }`). */
export type AlertPayload = {
  id: string;
  rule: { id: string; name: string };
  campaign: { id: string; name: string } | null;
  state: 'firing' | 'resolved' | 'test';
  message: string;
  value: number | null;
  threshold: number | null;
  at: string;
};
