import type { Schedule } from '../../src/api/contract.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The weekday ('mon'…) and "HH:MM" of an instant in a timezone. */
export function localClock(at: Date, timeZone: string): { day: string; time: string } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return { day: String(parts.weekday).slice(0, 3).toLowerCase(), time: `${parts.hour}:${parts.minute}` };
}

/** Whether the schedule allows dialing at `at` (no schedule: any time). */
export function insideWindow(schedule: Schedule | null, timeZone: string, at: Date): boolean {
  if (!schedule) return true;
  const { day, time } = localClock(at, timeZone);
  return (schedule.days as string[]).includes(day) && time >= schedule.start_time && time < schedule.end_time;
}
