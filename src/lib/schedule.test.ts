import { describe, expect, it } from 'vitest';
import { formatMinutes, formatRetries, formatSchedule, intervalInUnits } from './schedule';

describe('formatMinutes', () => {
  it('says retry intervals as people do', () => {
    expect(formatMinutes(1)).toBe('1 minute');
    expect(formatMinutes(90)).toBe('90 minutes');
    expect(formatMinutes(120)).toBe('2 hours');
    expect(formatMinutes(150)).toBe('2 hours 30 minutes');
    expect(formatMinutes(1440)).toBe('1 day');
    expect(formatMinutes(2 * 1440 + 360)).toBe('2 days 6 hours');
  });
});

describe('formatRetries', () => {
  it('counts calls, not attempts, and says how far apart', () => {
    expect(formatRetries(3, 1440)).toBe('Up to 3 calls, 1 day apart');
    expect(formatRetries(2, 60)).toBe('Up to 2 calls, 1 hour apart');
    expect(formatRetries(5, 0)).toBe('Up to 5 calls, as soon as the window allows');
    expect(formatRetries(1, 60)).toBe('One call, no retries');
  });
});

describe('intervalInUnits', () => {
  it('picks the largest unit that says the interval exactly', () => {
    expect(intervalInUnits(1440)).toEqual({ amount: 1, unit: 'days' });
    expect(intervalInUnits(10080)).toEqual({ amount: 7, unit: 'days' });
    expect(intervalInUnits(180)).toEqual({ amount: 3, unit: 'hours' });
    expect(intervalInUnits(90)).toEqual({ amount: 90, unit: 'minutes' });
    expect(intervalInUnits(0)).toEqual({ amount: 0, unit: 'minutes' });
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
