import type { Configuration } from '../../contract/schemas';

const DAY: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** "Mon, Tue 09:00–17:00", or "Any time" without a calling window. */
export function formatSchedule(schedule: Configuration['schedule']): string {
  if (!schedule) return 'Any time';
  const { days, start_time, end_time } = schedule;
  // Own keys only: a day the contract does not know ("toString") is shown as it came.
  const label = (d: string) => (Object.hasOwn(DAY, d) ? DAY[d] : d);
  return `${days.map(label).join(', ')} ${start_time}–${end_time}`;
}

const counted = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "90 minutes", "2 hours", "1 day 6 hours": a retry interval as people say it. */
export function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  // 90 minutes, not 1 hour 30 minutes; but 60 is an hour.
  if (minutes < 120 && minutes % 60 !== 0) return counted(minutes, 'minute');
  const parts = [
    days ? counted(days, 'day') : '',
    hours ? counted(hours, 'hour') : '',
    mins ? counted(mins, 'minute') : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** "Up to 3 calls, 1 day apart", or "One call, no retries": what a configuration's retries mean. */
export function formatRetries(maxAttempts: number, retryIntervalMinutes: number): string {
  if (maxAttempts <= 1) return 'One call, no retries';
  const apart =
    retryIntervalMinutes === 0
      ? 'as soon as the window allows'
      : `${formatMinutes(retryIntervalMinutes)} apart`;
  return `Up to ${maxAttempts} calls, ${apart}`;
}

export const INTERVAL_UNITS = { minutes: 1, hours: 60, days: 1440 } as const;
export type IntervalUnit = keyof typeof INTERVAL_UNITS;

/** An interval in the largest unit that says it exactly: 1440 → 1 day, 90 → 90 minutes. */
export function intervalInUnits(minutes: number): { amount: number; unit: IntervalUnit } {
  if (minutes > 0 && minutes % 1440 === 0) return { amount: minutes / 1440, unit: 'days' };
  if (minutes > 0 && minutes % 60 === 0) return { amount: minutes / 60, unit: 'hours' };
  return { amount: minutes, unit: 'minutes' };
}
