import { describe, expect, it } from 'vitest';
import { insideWindow, localClock, nextOpening } from './calling-window.ts';
import { knownTimeZone, zonedFormatter } from './zoned-formatter.ts';

// Monday 23 November 2026, 15:00 UTC = 10:00 in New York.
const monday = new Date('2026-11-23T15:00:00Z');
const window = { days: ['mon'], start_time: '09:00', end_time: '12:00' };

describe('zonedFormatter', () => {
  it('knows the zones of the runtime and not one dropped from tzdata', () => {
    expect(knownTimeZone('America/New_York')).toBe(true);
    expect(knownTimeZone('UTC')).toBe(true);
    expect(knownTimeZone('Asia/Riyadh87')).toBe(false);
    expect(knownTimeZone('not a zone')).toBe(false);
  });

  it('formats a zone it does not know in UTC instead of throwing', () => {
    const clock = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    expect(zonedFormatter('America/New_York', clock).format(monday)).toBe('10:00');
    expect(zonedFormatter('Asia/Riyadh87', clock).format(monday)).toBe('15:00');
    expect(zonedFormatter('Asia/Riyadh87', clock).resolvedOptions().timeZone).toBe('UTC');
  });

  it('keeps the calling-window rules working for every zone', () => {
    expect(localClock(monday, 'America/New_York')).toEqual({ day: 'mon', time: '10:00' });
    expect(insideWindow(window, 'America/New_York', monday)).toBe(true);
    expect(localClock(monday, 'Asia/Riyadh87')).toEqual({ day: 'mon', time: '15:00' });
    expect(insideWindow(window, 'Asia/Riyadh87', monday)).toBe(false);
    expect(nextOpening(window, 'Asia/Riyadh87', monday)).toEqual({ day: 'mon', time: '09:00' });
  });
});
