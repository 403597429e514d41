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
  return `${days.map((d) => DAY[d] ?? d).join(', ')} ${start_time}–${end_time}`;
}
