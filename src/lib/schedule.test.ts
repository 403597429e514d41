import { describe, expect, it } from 'vitest';
import { formatMinutes, formatRetries, formatSchedule } from './schedule';

describe('formatMinutes', () => {
  it('says retry intervals as people do', () => {
    expect(formatMinutes(5)).toBe('5 min');
    expect(formatMinutes(90)).toBe('90 min');
    expect(formatMinutes(120)).toBe('2 h');
    expect(formatMinutes(150)).toBe('2 h 30 min');
    expect(formatMinutes(1440)).toBe('1 day');
    expect(formatMinutes(2 * 1440 + 360)).toBe('2 days 6 h');
  });
});

describe('formatSchedule', () => {
  it('names the contract days and shows any other day as it came, never a prototype member', () => {
    const window = { start_time: '09:00', end_time: '17:00' };
    expect(formatSchedule({ days: ['mon', 'fri'], ...window })).toBe('Mon, Fri 09:00–17:00');
    expect(formatSchedule({ days: ['toString', 'constructor'], ...window })).toBe(
      'toString, constructor 09:00–17:00',
    );
    expect(formatSchedule(null)).toBe('Any time');
  });
});

describe('formatRetries', () => {
  it('says how often a contact is called', () => {
    expect(formatRetries(3, 1440)).toBe('Up to 3 calls, 1 day apart');
    expect(formatRetries(2, 60)).toBe('Up to 2 calls, 60 min apart');
    expect(formatRetries(4, 0)).toBe('Up to 4 calls, one straight after another');
    expect(formatRetries(1, 60)).toBe('One call, no retry');
  });
});
