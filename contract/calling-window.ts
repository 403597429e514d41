// Calling windows in a configuration's timezone. Shared by the dialer (which obeys them) and
// the Overview (which explains them), so both read a schedule the same way.
import { WEEKDAYS, type Schedule, type Weekday } from './schemas.ts';
import { zonedFormatter } from './zoned-formatter.ts';

const CLOCK = { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** The weekday ('mon'…) and "HH:MM" of an instant in a timezone. */
export function localClock(at: Date, timeZone: string): { day: Weekday; time: string } {
  const parts = Object.fromEntries(
    zonedFormatter(timeZone, CLOCK)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    day: String(parts.weekday).slice(0, 3).toLowerCase() as Weekday,
    time: `${parts.hour}:${parts.minute}`,
  };
}

type Window = Pick<Schedule, 'start_time' | 'end_time'> & { days: readonly string[] };

/** Whether the schedule allows dialing at `at` (no schedule: any time). */
export function insideWindow(schedule: Window | null, timeZone: string, at: Date): boolean {
  if (!schedule) return true;
  const { day, time } = localClock(at, timeZone);
  return schedule.days.includes(day) && time >= schedule.start_time && time < schedule.end_time;
}

/** When the window next opens, as a local weekday and time in its timezone. */
export function nextOpening(
  schedule: Window,
  timeZone: string,
  at: Date,
): { day: Weekday; time: string } | null {
  const { day, time } = localClock(at, timeZone);
  const today = WEEKDAYS.indexOf(day);
  for (let offset = 0; offset < 8; offset++) {
    const candidate = WEEKDAYS[(today + offset) % 7]!;
    if (!schedule.days.includes(candidate)) continue;
    if (offset === 0 && time >= schedule.start_time) continue;
    return { day: candidate, time: schedule.start_time };
  }
  return null;
}
