import type { Campaign, Configuration, Stats } from '../../../contract/schemas';
import { insideWindow, nextOpening } from '../../../contract/calling-window';

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
 * One line saying why the campaign is making no calls, from what the dashboard knows;
 * null while it is dialing.
 */
export function whyNotDialing(
  campaign: Campaign,
  stats: Stats,
  configuration: Configuration | null,
  now: Date,
): string | null {
  if (campaign.status === 'closed') return 'The campaign is closed: it will not dial again.';
  if (campaign.status === 'paused') return 'The campaign is paused. Start it to resume dialing.';
  const { contacts } = stats;
  if (contacts.in_progress > 0) return null;
  if (contacts.total === 0) return 'There are no contacts to dial yet. Import contacts to start.';
  if (contacts.pending === 0)
    return 'Nothing left to dial: every contact is completed or exhausted.';
  // A closed window is the root cause even when the org is at its cap: free slots would not help.
  const schedule = configuration?.schedule ?? null;
  if (configuration && schedule && !insideWindow(schedule, configuration.timezone, now)) {
    const opening = nextOpening(schedule, configuration.timezone, now);
    const when = opening ? ` It opens ${DAY_NAMES[opening.day]} at ${opening.time}` : '';
    return `Outside the calling window (${schedule.start_time}–${schedule.end_time}, ${configuration.timezone}).${when}${when ? ` ${configuration.timezone} time.` : ''}`;
  }
  if (stats.active_calls >= stats.concurrency_limit) {
    return `Every slot is in use: the org has ${stats.active_calls} of ${stats.concurrency_limit} calls in flight, so this campaign waits for a free slot.`;
  }
  return 'Only retries are waiting: the pending contacts are waiting for their retry interval to pass.';
}
