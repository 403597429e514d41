import {
  configurationCreateSchema,
  E164,
  MAX_ATTEMPTS,
  RETRY_INTERVAL,
  type Configuration,
  type ConfigurationCreate,
  type Weekday,
} from '../../../contract/schemas';
import { rateCardSchema, type RateCard } from '../../../contract/extensions';
import { viewerZone } from '../../lib/format';
import {
  formatMinutes,
  INTERVAL_UNITS,
  intervalInUnits,
  type IntervalUnit,
} from '../../lib/schedule';

export type FormState = {
  name: string;
  agent_id: string;
  from_phone_number: string;
  default_country_code: string;
  timezone: string;
  anyTime: boolean;
  days: Weekday[];
  start_time: string;
  end_time: string;
  max_attempts: string;
  /** The time between calls as typed, in `retry_unit`; sent as retry_interval_minutes. */
  retry_every: string;
  retry_unit: IntervalUnit;
  /** (ext) contact-timezones: the schedule read in each contact's zone. */
  perContact: boolean;
  /** (ext) cost: whether calls are priced, and the rate card as typed. */
  priced: boolean;
  currency: string;
  per_minute: string;
  per_call: string;
};

/** A create or update body with the (ext) rate card, sent only to a server that offers it. */
export type ConfigurationBody = ConfigurationCreate & { rate_card?: RateCard | null };

export type FieldErrors = Partial<Record<string, string>>;

export function initialState(config?: Configuration): FormState {
  return {
    name: config?.name ?? '',
    agent_id: config?.agent_id ?? '',
    from_phone_number: config?.from_phone_number ?? '',
    default_country_code: config?.default_country_code ?? '+1',
    // A new configuration starts in the admin's own timezone, the likeliest answer.
    timezone: config?.timezone ?? viewerZone(),
    anyTime: config ? config.schedule === null : false,
    days: (config?.schedule?.days as Weekday[] | undefined) ?? ['mon', 'tue', 'wed', 'thu', 'fri'],
    start_time: config?.schedule?.start_time ?? '09:00',
    end_time: config?.schedule?.end_time ?? '17:00',
    max_attempts: String(config?.max_attempts ?? MAX_ATTEMPTS.default),
    ...retryFields(config?.retry_interval_minutes ?? RETRY_INTERVAL.default),
    perContact: config?.window_basis === 'contact',
    priced: !!config?.rate_card,
    currency: config?.rate_card?.currency ?? 'USD',
    per_minute: config?.rate_card ? String(config.rate_card.per_minute) : '',
    per_call: config?.rate_card ? String(config.rate_card.per_call) : '',
  };
}

function retryFields(minutes: number): Pick<FormState, 'retry_every' | 'retry_unit'> {
  const { amount, unit } = intervalInUnits(minutes);
  return { retry_every: String(amount), retry_unit: unit };
}

const toAmount = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());
const toInt = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));

export function toBody(state: FormState, withRateCard = false): ConfigurationBody {
  return {
    ...(withRateCard
      ? {
          rate_card: state.priced
            ? {
                currency: state.currency.trim().toUpperCase(),
                per_minute: toAmount(state.per_minute),
                per_call: toAmount(state.per_call),
              }
            : null,
        }
      : {}),
    name: state.name.trim(),
    agent_id: blankToNull(state.agent_id),
    from_phone_number: blankToNull(state.from_phone_number),
    default_country_code: blankToNull(state.default_country_code),
    timezone: state.timezone,
    schedule: state.anyTime
      ? null
      : { days: state.days, start_time: state.start_time, end_time: state.end_time },
    max_attempts: toInt(state.max_attempts),
    // 1.5 hours is 90 minutes; a part of a minute stays visible to validate() as a fraction.
    retry_interval_minutes:
      Math.round(toInt(state.retry_every) * INTERVAL_UNITS[state.retry_unit] * 1e6) / 1e6,
  };
}

/** The server's own rules, checked before sending: messages keyed by field path. */
export function validate(body: ConfigurationBody): FieldErrors {
  const errors: FieldErrors = {};
  if (body.rate_card) {
    for (const key of ['per_minute', 'per_call'] as const)
      if (Number.isNaN(body.rate_card[key])) errors[`rate_card.${key}`] = 'Enter an amount';
    const card = rateCardSchema.safeParse(body.rate_card);
    if (!card.success)
      for (const issue of card.error.issues)
        errors[['rate_card', ...issue.path].join('.')] ??= issue.message;
  }
  if (Number.isNaN(body.max_attempts)) errors.max_attempts = 'Enter a whole number';
  // The form has already read a national number with the country code: this one is unreadable.
  if (body.from_phone_number && !E164.test(body.from_phone_number))
    errors.from_phone_number =
      'Enter a number with its country code, like +14155550100, or one the default country code below completes';
  const minutes = body.retry_interval_minutes ?? 0;
  // Said in the units the admin chose, not in the API's minutes.
  if (Number.isNaN(minutes)) errors.retry_interval_minutes = 'Enter a number';
  else if (minutes < RETRY_INTERVAL.min) errors.retry_interval_minutes = 'Must be 0 or more';
  else if (minutes > RETRY_INTERVAL.max)
    errors.retry_interval_minutes = `Must be at most ${formatMinutes(RETRY_INTERVAL.max)}`;
  else if (!Number.isInteger(minutes))
    errors.retry_interval_minutes = 'Must be a whole number of minutes';
  const result = configurationCreateSchema.safeParse(body);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.join('.');
      errors[key] ??= issue.message;
    }
  }
  return errors;
}
