import { describe, expect, it } from 'vitest';
import { formatMinutes } from './schedule';

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
