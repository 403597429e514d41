// A wall-clock time typed in a zone (a datetime-local field's "2026-11-27T17:00") and the
// instant it names, both ways: a deadline is picked in the campaign's zone, sent as UTC.
import { zonedFormatter } from '../../contract/zoned-formatter';

const WALL = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
} as const;

/** "2026-11-27T17:00": the wall clock of `zone` at `at`, to the minute. */
export function wallClockIn(at: number, zone: string): string {
  const p = Object.fromEntries(
    zonedFormatter(zone, WALL)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const asUtc = (wall: string) => Date.parse(`${wall}:00Z`);

/**
 * The instant a wall-clock time names in `zone`, or null for text that is not one. A time the
 * clocks skip (a spring-forward hour) comes out an hour later, as the clocks show it.
 */
export function instantOf(wall: string, zone: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(wall)) return null;
  const target = asUtc(wall);
  if (Number.isNaN(target)) return null;
  // Two rounds: the zone's offset at a first guess, then at the instant that guess gives.
  let at = target;
  for (let i = 0; i < 2; i++) at = target - (asUtc(wallClockIn(at, zone)) - at);
  return at;
}
