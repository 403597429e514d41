import type { ReactNode } from 'react';
import type { CampaignStatus } from '../../../contract/schemas';
import { ENOUGH_ENDED_CALLS, type Forecast } from '../../../contract/extensions';
import { ZonedTime } from '../../components/zoned-time';
import { formatDuration, formatInZone, formatNumber } from '../../lib/format';
import { roundFinish } from '../../lib/round-finish';

function waitText(ms: number): string {
  const seconds = Math.max(0, ms / 1000);
  // A minute is honest an hour out; beyond that, ten minutes.
  if (seconds < 86_400)
    return formatDuration(
      Math.round(seconds / (seconds < 3600 ? 60 : 600)) * (seconds < 3600 ? 60 : 600),
    );
  const totalHours = Math.round(seconds / 3600);
  const days = Math.floor(totalHours / 24);
  const hours = totalHours % 24;
  return `${days} day${days === 1 ? '' : 's'}${hours ? ` ${hours}h` : ''}`;
}

const rate = (perHour: number) =>
  perHour >= 10 ? formatNumber(Math.round(perHour)) : String(Math.round(perHour * 10) / 10);

/**
 * The Overview's finish estimate from the server's forecast, in the campaign's timezone (UTC
 * when the browser does not know it), the zone's short name said and its full name on hover:
 * "Finishes Tue 14:20 EST (in about 3h 20m), at 120 contacts/hour over the last 30 minutes."
 */
export function forecastText(
  forecast: Forecast,
  {
    status,
    total,
    timeZone,
    now,
  }: { status: CampaignStatus; total: number; timeZone: string; now: number },
): ReactNode {
  if (total === 0) return 'No contacts yet: import contacts to get an estimate.';
  if (forecast.remaining === 0) return 'Every contact is finished.';
  const left = `${formatNumber(forecast.remaining)} contacts left`;
  if (status !== 'active') return `No estimate while the campaign is ${status} (${left}).`;
  if (forecast.finishes_at === null || forecast.rate_per_hour <= 0) {
    return `No contact finished over the ${forecast.basis} of calling window, so no finish time yet (${left}).`;
  }
  const at = roundFinish(Date.parse(forecast.finishes_at), now);
  const withDate = at - now > 6 * 86_400_000;
  return (
    <>
      Finishes{' '}
      <ZonedTime at={at} zone={timeZone} style={withDate ? 'date-clock' : 'weekday-clock'} /> (in
      about {waitText(at - now)}), at {rate(forecast.rate_per_hour)} contacts/hour over the{' '}
      {forecast.basis}.
    </>
  );
}

/**
 * The finish as a short range that holds still between polls: each end rounded (ten minutes
 * today, the hour beyond), "Tue 14:20–16:00", or why there is none. The server's range when it
 * gives one (the last 30 minutes' rate and the last 3 hours'), else its single time.
 */
export function finishRange(
  forecast: Pick<Forecast, 'remaining' | 'finishes_at' | 'ended_calls' | 'finishes_range'>,
  {
    status,
    total,
    timeZone,
    now,
  }: { status: CampaignStatus; total: number; timeZone: string; now: number },
): { text: string; known: boolean; range: boolean; at?: number } {
  const none = (text: string) => ({ text, known: false, range: false });
  if (total === 0) return none('No contacts yet');
  if (forecast.remaining === 0) return none('Every contact is finished');
  if (status !== 'active') return none(`No estimate while ${status}`);
  if (forecast.ended_calls !== undefined && forecast.ended_calls < ENOUGH_ENDED_CALLS)
    return none('Not enough calls yet');
  const range = forecast.finishes_range;
  // A timestamp this browser cannot read is no finish time.
  const ends = (
    range
      ? [Date.parse(range.earliest), Date.parse(range.latest)]
      : forecast.finishes_at
        ? [Date.parse(forecast.finishes_at)]
        : []
  ).filter(Number.isFinite);
  if (ends.length === 0) return none('No finish time yet');
  const [from, to] = ends.map((at) => roundFinish(at, now)) as [number, number | undefined];
  const far = (to ?? from) - now > 6 * 86_400_000;
  const style = far ? 'date-clock' : 'weekday-clock';
  const start = formatInZone(from, timeZone, style);
  if (to === undefined || to === from) return { text: start, known: true, range: false, at: from };
  const end = formatInZone(to, timeZone, style);
  // The same day once: "Tue 14:20–16:00".
  const [startDay, endDay] = [start, end].map((s) => s.slice(0, s.lastIndexOf(' ')));
  const endShown = startDay === endDay ? end.slice(end.lastIndexOf(' ') + 1) : end;
  return { text: `${start}–${endShown}`, known: true, range: true, at: from };
}
