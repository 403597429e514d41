// The forecast and the planner under window_basis "contact": work is placed in the hours the
// window is open in any of the contacts' zones, checked against a minute-by-minute walk.
import { describe, expect, it } from 'vitest';
import { insideWindow } from '../../contract/calling-window.ts';
import type { Schedule } from '../../contract/schemas.ts';
import { createRandom } from '../dialer/random.ts';
import { lastOpenMinutes, placeWork } from './forecast.ts';
import { Placer } from './plan-model.ts';

const MINUTE = 60_000;
const office: Schedule = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start_time: '09:00',
  end_time: '17:00',
};
const ZONES = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney'];
const openAnywhere = (w: Schedule, zones: readonly string[], ms: number) =>
  zones.some((z) => insideWindow(w, z, new Date(ms)));

/** The brute force: walk minute by minute, counting open ones, until `need` minutes passed. */
function walk(w: Schedule, zones: readonly string[], from: number, need: number): number {
  let t = from;
  while (need > 0) {
    if (openAnywhere(w, zones, t)) need--;
    t += MINUTE;
  }
  return t;
}

describe('windows read in each contact’s zone', () => {
  it('place work in the hours open in any zone: New York then Los Angeles', () => {
    // Monday 2026-12-07 14:00 UTC is 09:00 in New York; Los Angeles closes at 01:00 UTC.
    const from = Date.parse('2026-12-07T14:00:00Z');
    const zones = ['America/New_York', 'America/Los_Angeles'];
    expect(new Date(placeWork(office, zones, from, 11 * 3_600_000)!).toISOString()).toBe(
      '2026-12-08T01:00:00.000Z',
    );
    // One zone alone: 8 hours a day.
    expect(
      new Date(placeWork(office, 'America/New_York', from, 11 * 3_600_000)!).toISOString(),
    ).toBe('2026-12-08T17:00:00.000Z');
    expect(placeWork(office, [], from, 60_000)).toBeNull();
  });

  it('agree with a minute-by-minute walk, across daylight saving changes', () => {
    const random = createRandom(36);
    for (let i = 0; i < 40; i++) {
      const zones = ZONES.filter(() => random.next() < 0.6);
      if (zones.length === 0) zones.push('Europe/London');
      // Around Europe's and the US's autumn changes of 2026.
      const from =
        Date.parse(random.pick(['2026-10-22T00:00:00Z', '2026-10-29T12:00:00Z'])) +
        random.int(0, 48 * 60) * MINUTE;
      const need = random.int(1, 3000);
      const expected = walk(office, zones, Math.ceil(from / MINUTE) * MINUTE, need);
      const placed = placeWork(office, zones, Math.ceil(from / MINUTE) * MINUTE, need * MINUTE)!;
      expect(
        Math.abs(placed - expected),
        `${zones} from ${new Date(from).toISOString()}`,
      ).toBeLessThanOrEqual(MINUTE);
      const placer = new Placer(office, zones, Math.ceil(from / MINUTE) * MINUTE);
      expect(placer.place(Math.ceil(from / MINUTE) * MINUTE, need * MINUTE)).toBe(placed);
    }
  });

  it('take the forecast’s basis from the minutes open in any zone', () => {
    const end = Date.parse('2026-12-08T02:00:00Z') / MINUTE; // after Los Angeles closed
    const spans = lastOpenMinutes(office, ['America/New_York', 'America/Los_Angeles'], end, 90);
    expect(spans).toEqual([{ from: end - 60 - 90, to: end - 60 }]);
    for (const s of spans)
      for (let m = s.from; m < s.to; m++)
        expect(openAnywhere(office, ['America/New_York', 'America/Los_Angeles'], m * MINUTE)).toBe(
          true,
        );
  });
});
