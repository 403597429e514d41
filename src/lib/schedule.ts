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

/** "90 min", "2 h", "1 day 6 h": a retry interval as people say it. */
export function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (minutes < 120 && days === 0) return `${minutes} min`;
  const parts = [
    days ? `${days} ${days === 1 ? 'day' : 'days'}` : '',
    hours ? `${hours} h` : '',
    mins ? `${mins} min` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** "Up to 3 calls, 1 day apart": how often a contact is called, as a manager would say it. */
export function formatRetries(maxAttempts: number, retryIntervalMinutes: number): string {
  if (maxAttempts <= 1) return 'One call, no retry';
  return retryIntervalMinutes === 0
    ? `Up to ${maxAttempts} calls, one straight after another`
    : `Up to ${maxAttempts} calls, ${formatMinutes(retryIntervalMinutes)} apart`;
}
