import { describe, expect, it } from 'vitest';
import { instantOf, wallClockIn } from './zoned-time';

describe('wall-clock times in a zone', () => {
  it('reads a wall-clock time in the zone named, winter and summer', () => {
    expect(new Date(instantOf('2026-11-27T17:00', 'America/New_York')!).toISOString()).toBe(
      '2026-11-27T22:00:00.000Z',
    );
    expect(new Date(instantOf('2026-07-03T17:00', 'America/New_York')!).toISOString()).toBe(
      '2026-07-03T21:00:00.000Z',
    );
    expect(new Date(instantOf('2026-11-27T17:00', 'Asia/Kolkata')!).toISOString()).toBe(
      '2026-11-27T11:30:00.000Z',
    );
  });

  it('writes an instant back as the same wall-clock text', () => {
    const at = Date.parse('2026-11-27T22:00:00Z');
    expect(wallClockIn(at, 'America/New_York')).toBe('2026-11-27T17:00');
    expect(instantOf(wallClockIn(at, 'Europe/London'), 'Europe/London')).toBe(at);
  });

  it('refuses text that is not a wall-clock time', () => {
    expect(instantOf('', 'UTC')).toBeNull();
    expect(instantOf('friday', 'UTC')).toBeNull();
    expect(instantOf('2026-13-40T25:00', 'UTC')).toBeNull();
  });
});
