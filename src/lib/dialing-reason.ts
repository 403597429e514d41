import type { Campaign, Configuration, Stats } from '../../contract/schemas';
import { insideWindow, localClock, nextOpening } from '../../contract/calling-window';
import { knownTimeZone } from '../../contract/zoned-formatter';
import { zoneAbbreviation } from './format';

const DAY_NAMES: Record<string, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/**
 * What holds a campaign back: a short `chip` for the board, a sentence for the Overview.
 * `idle` when no call of the campaign is in flight; a campaign dialing at a cap is held
 * back but not idle.
 */
export type DialingReason = {
  chip: string;
  text: string;
  idle: boolean;
  /** The zone a chip's clock is in, named in full where the chip is shown. */
  zone?: string;
};

export function dialingReason(
  campaign: Pick<Campaign, 'status' | 'max_concurrent_calls'>,
  stats: Stats,
  configuration: Configuration | null,
  now: Date,
): DialingReason | null {
  const idle = (chip: string, text: string) => ({ chip, text, idle: true });
  if (campaign.status === 'closed')
    return idle('Closed', 'The campaign is closed: it will not dial again.');
  if (campaign.status === 'paused')
    return idle('Paused', 'The campaign is paused. Start it to resume dialing.');
  const { contacts } = stats;
  if (contacts.total === 0)
    return idle('No contacts', 'There are no contacts to dial yet. Import contacts to start.');
  if (contacts.pending === 0)
    return contacts.in_progress > 0
      ? null
      : idle('Nothing left', 'Nothing left to dial: every contact is completed or exhausted.');
  const atOrgCap = stats.active_calls >= stats.concurrency_limit;
  const cap = campaign.max_concurrent_calls ?? null;
  if (contacts.in_progress > 0) {
    if (cap !== null && contacts.in_progress >= cap)
      return {
        chip: `At its cap (${cap})`,
        text: `The campaign is at its own cap: ${contacts.in_progress} of ${cap} calls in flight.`,
        idle: false,
      };
    // Dialing, throttled by the org's cap: not the same as waiting for a line.
    if (atOrgCap)
      return {
        chip: `Holding ${contacts.in_progress} of the org's ${stats.concurrency_limit} lines`,
        text: `The org has ${stats.active_calls} of ${stats.concurrency_limit} calls in flight.`,
        idle: false,
      };
    return null;
  }
  // A closed window is the root cause even when the org is at its cap: free slots would not help.
  const schedule = configuration?.schedule ?? null;
  if (configuration && schedule && !knownTimeZone(configuration.timezone)) {
    // The window's hours are on a clock this browser cannot read: UTC would answer wrongly.
    return idle(
      'Window unknown',
      `The calling window (${schedule.start_time}–${schedule.end_time}) is in ${configuration.timezone}, a timezone this browser does not know, so it cannot tell whether the window is open.`,
    );
  }
  if (configuration && schedule && !insideWindow(schedule, configuration.timezone, now)) {
    const opening = nextOpening(schedule, configuration.timezone, now);
    const when = opening ? ` It opens ${DAY_NAMES[opening.day]} at ${opening.time}` : '';
    const sameDay = opening?.day === localClock(now, configuration.timezone).day;
    const reason = idle(
      opening
        ? `Outside window until ${sameDay ? '' : `${DAY_NAMES[opening.day]!.slice(0, 3)} `}${opening.time} ${zoneAbbreviation(now, configuration.timezone)}`
        : 'Outside window',
      `Outside the calling window (${schedule.start_time}–${schedule.end_time}, ${configuration.timezone}).${when}${when ? ` ${configuration.timezone} time.` : ''}`,
    );
    return { ...reason, zone: configuration.timezone };
  }
  if (atOrgCap) {
    return idle(
      'Waiting: org at cap',
      `Every slot is in use: the org has ${stats.active_calls} of ${stats.concurrency_limit} calls in flight, so this campaign waits for a free slot.`,
    );
  }
  return idle(
    'Waiting for retries',
    'Only retries are waiting: the pending contacts are waiting for their retry interval to pass.',
  );
}

/** The Overview's "Why is nothing dialing?": only while none of its calls is in flight. */
export function whyNotDialing(...args: Parameters<typeof dialingReason>): string | null {
  const reason = dialingReason(...args);
  return reason?.idle ? reason.text : null;
}
