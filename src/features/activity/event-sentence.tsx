import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { goalSchema, rateCardSchema, type ActivityEvent } from '../../../contract/extensions';
import { scheduleSchema } from '../../../contract/schemas';
import { humanize } from '../../lib/humanize';
import { formatMinutes, formatSchedule } from '../../lib/schedule';

/** What the log knows by id: names, or undefined while unknown. */
export type Names = {
  campaign: (id: string) => string | undefined;
  configuration: (id: string) => string | undefined;
  /** Whether the configurations have answered, so a missing one is a deleted one. */
  configurationsKnown: boolean;
  /** The org view links each campaign; a campaign's own tab names it without a link. */
  linkCampaigns: boolean;
};

/** A before/after value as plain text: user-supplied, never markup. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const Value = ({ children }: { children: ReactNode }) => (
  <span className="font-medium wrap-anywhere">{children}</span>
);

function CampaignName({ id, names }: { id: string; names: Names }) {
  const name = names.campaign(id);
  if (!names.linkCampaigns) return <Value>{name ?? 'this campaign'}</Value>;
  return (
    <Link
      to={`/campaigns/${encodeURIComponent(id)}`}
      className="font-medium wrap-anywhere text-indigo-700 underline"
    >
      {name ?? 'a campaign'}
    </Link>
  );
}

function ConfigurationName({ id, names }: { id: string; names: Names }) {
  const name = names.configuration(id);
  if (name !== undefined) return <Value>{name}</Value>;
  return <>{names.configurationsKnown ? 'a configuration since deleted' : 'a configuration'}</>;
}

type Field = {
  /** "the caller number": how a sentence names the field. */
  label: string;
  value?: (value: unknown, names: Names) => ReactNode;
};

const count = (v: unknown) => (typeof v === 'number' ? v.toLocaleString() : valueText(v));

/** Every field the contract's activity names, as words; others are humanized (any server). */
const FIELDS: Record<string, Field> = {
  name: { label: 'the name' },
  external_id: { label: 'the external ID' },
  configuration_id: {
    label: 'the configuration',
    value: (v, names) =>
      typeof v === 'string' ? <ConfigurationName id={v} names={names} /> : valueText(v),
  },
  max_concurrent_calls: {
    label: 'the most calls at once',
    value: (v) => (v === null ? 'no cap of its own' : count(v)),
  },
  goal: {
    label: 'the goal',
    value: (v) => {
      const goal = goalSchema.safeParse(v);
      return goal.success ? goal.data.results.join(' or ') : valueText(v);
    },
  },
  status: { label: 'the status', value: (v) => (typeof v === 'string' ? humanize(v) : count(v)) },
  agent_id: { label: 'the agent' },
  from_phone_number: { label: 'the caller number' },
  default_country_code: { label: 'the default country code' },
  timezone: { label: 'the time zone' },
  schedule: {
    label: 'the calling window',
    value: (v) => {
      if (v === null) return 'any time';
      const schedule = scheduleSchema.safeParse(v);
      return schedule.success ? formatSchedule(schedule.data) : valueText(v);
    },
  },
  max_attempts: { label: 'the most calls per contact', value: count },
  retry_interval_minutes: {
    label: 'the time between calls',
    value: (v) => (typeof v === 'number' && v >= 0 ? formatMinutes(v) : valueText(v)),
  },
  rate_card: {
    label: 'the rate card',
    value: (v) => {
      const card = rateCardSchema.safeParse(v);
      if (!card.success) return valueText(v);
      const { currency, per_minute, per_call } = card.data;
      return `${currency} ${per_minute} a minute and ${per_call} a call`;
    },
  },
  window_basis: {
    label: 'whose hours the calling window follows',
    value: (v) =>
      v === 'contact'
        ? 'each contact’s own'
        : v === 'campaign'
          ? 'the configuration’s zone'
          : count(v),
  },
  concurrency_limit: { label: 'the org’s concurrency limit', value: count },
  reason: { label: 'the reason' },
  source: { label: 'the source' },
  added_by: { label: 'who added it' },
};

const fieldOf = (name: string): Field =>
  Object.hasOwn(FIELDS, name) ? FIELDS[name]! : { label: humanize(name).toLowerCase() };

function ValueOf({ field, value, names }: { field: string; value: unknown; names: Names }) {
  const format = fieldOf(field).value;
  return <Value>{format ? format(value, names) : valueText(value)}</Value>;
}

/** "the calling window from Mon 09:00–17:00 to any time" */
function Change({ field, change, names }: { field: string; change: unknown[]; names: Names }) {
  return (
    <>
      from <ValueOf field={field} value={change[0]} names={names} /> to{' '}
      <ValueOf field={field} value={change[1]} names={names} />
    </>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Several changes of one thing, one line each: "The name from Spring to Spring outreach". */
export function ChangeList({ changes, names }: { changes: [string, unknown[]][]; names: Names }) {
  return (
    <ul className="mt-1 list-disc pl-5 text-slate-800">
      {changes.map(([field, change]) => (
        <li key={field}>
          {capitalize(fieldOf(field).label)} <Change field={field} change={change} names={names} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A change to one thing (`subject`, already phrased: "of Spring outreach"), as one sentence
 * for one field and as a list for several.
 */
function changed(
  actor: ReactNode,
  subject: { of: ReactNode; whole: ReactNode },
  changes: [string, unknown[]][],
  names: Names,
): Sentence {
  if (changes.length === 0)
    return {
      text: (
        <>
          {actor} changed {subject.whole}
        </>
      ),
    };
  if (changes.length === 1) {
    const [field, change] = changes[0]!;
    return {
      text: (
        <>
          {actor} changed {fieldOf(field).label} {subject.of}{' '}
          <Change field={field} change={change} names={names} />
        </>
      ),
    };
  }
  return {
    text: (
      <>
        {actor} changed {subject.whole}:
      </>
    ),
    list: changes,
  };
}

export type Sentence = {
  text: ReactNode;
  /** Changes said one a line under the sentence. */
  list?: [string, unknown[]][];
  /** The server's own summary, where it says what the sentence cannot (counts, numbers). */
  detail?: boolean;
};

const PAST: Record<string, string> = {
  'campaign.started': 'started',
  'campaign.paused': 'paused',
  'campaign.closed': 'closed',
};

/** One event as a sentence with names: "Demo manager key paused Spring outreach". */
export function eventSentence(event: ActivityEvent, names: Names): Sentence {
  const actor = <span className="font-semibold wrap-anywhere">{event.actor.label}</span>;
  const changes = Object.entries(event.changes ?? {}) as [string, unknown[]][];
  const campaign = event.campaign_id ? <CampaignName id={event.campaign_id} names={names} /> : null;
  const configuration = event.configuration_id ? (
    <ConfigurationName id={event.configuration_id} names={names} />
  ) : null;
  const action = event.action;

  if (campaign && Object.hasOwn(PAST, action))
    return {
      text: (
        <>
          {actor} {PAST[action]} {campaign}
        </>
      ),
    };
  if (campaign && action === 'campaign.created')
    return {
      text: (
        <>
          {actor} created {campaign}
          {configuration && <> with the configuration {configuration}</>}
        </>
      ),
    };
  if (campaign && action === 'campaign.updated')
    return changed(actor, { of: <>of {campaign}</>, whole: campaign }, changes, names);
  if (campaign && action === 'contacts.imported')
    return {
      text: (
        <>
          {actor} imported contacts into {campaign}
        </>
      ),
      detail: true,
    };
  if (campaign && action === 'contacts.deleted')
    return {
      text: (
        <>
          {actor} deleted a contact of {campaign}
        </>
      ),
      detail: true,
    };
  if (campaign && action === 'contacts.requeued')
    return {
      text: (
        <>
          {actor} set contacts of {campaign} to be called again
        </>
      ),
      detail: true,
    };
  if (configuration && action === 'configuration.created')
    return {
      text: (
        <>
          {actor} created the configuration {configuration}
        </>
      ),
    };
  if (configuration && action === 'configuration.updated')
    return changed(
      actor,
      {
        of: <>of the configuration {configuration}</>,
        whole: <>the configuration {configuration}</>,
      },
      changes,
      names,
    );
  if (configuration && action === 'configuration.deleted')
    // Once deleted, its name is only in the summary.
    return { text: <>{actor} deleted a configuration</>, detail: true };
  if (action === 'concurrency.updated') {
    const [before, after] = event.changes?.concurrency_limit ?? [];
    if (after !== undefined)
      return {
        text: (
          <>
            {actor} set the org’s concurrency limit to <Value>{count(after)}</Value>
            {before !== undefined && before !== null && <> (it was {count(before)})</>}
          </>
        ),
      };
  }
  if (action === 'suppression.added')
    return { text: <>{actor} added numbers to the suppression list</>, detail: true };
  if (action === 'suppression.removed')
    return { text: <>{actor} removed a number from the suppression list</>, detail: true };
  // An action this dashboard does not know (or a known one missing what it names): the
  // server's summary is the sentence, with the campaign named where there is one.
  return {
    text: (
      <>
        {actor}: <span className="wrap-anywhere">{event.summary}</span>
        {campaign && <> ({campaign})</>}
      </>
    ),
    list: changes.length > 0 ? changes : undefined,
  };
}
