import { describe, expect, it } from 'vitest';
import { insideWindow, localClock } from '../../contract/calling-window.ts';
import type { Schedule } from '../../contract/schemas.ts';
import {
  forecast,
  forecastRange,
  lastOpenMinutes,
  placeWork,
  type ForecastCampaign,
  type MinuteSpan,
} from './forecast.ts';
import { createRandom } from '../dialer/random.ts';

const NEW_YORK = 'America/New_York';
const office: Schedule = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start_time: '09:00',
  end_time: '17:00',
};
const campaign = (over: Partial<ForecastCampaign> = {}): ForecastCampaign => ({
  status: 'active',
  remaining: 60,
  schedule: office,
  timezone: NEW_YORK,
  ...over,
});
/** One contact finished in every minute asked about: 60 an hour. */
const oneAMinute = (spans: MinuteSpan[]) => spans.reduce((n, s) => n + s.to - s.from, 0);
const minute = (iso: string) => Date.parse(iso) / 60_000;

describe('the finish forecast', () => {
  it('counts the last 30 minutes of open window and finishes the next morning when the window closes at 17:00', () => {
    const asked: MinuteSpan[][] = [];
    const f = forecast(
      campaign(),
      (spans) => (asked.push(spans), oneAMinute(spans)),
      new Date('2026-11-25T21:30:20Z'),
    );
    // 16:30 EST on a Wednesday: the rate comes from 16:00–16:30.
    expect(asked).toEqual([
      [{ from: minute('2026-11-25T21:00:00Z'), to: minute('2026-11-25T21:30:00Z') }],
    ]);
    // An hour of work: 29m40s tonight, the rest from 09:00 on Thursday, not 17:30 tonight.
    expect(f).toEqual({
      rate_per_hour: 60,
      remaining: 60,
      finishes_at: '2026-11-26T14:30:20Z',
      basis: 'last 30 minutes',
    });
  });

  it('on a Friday evening reads the rate from the afternoon and finishes on Monday', () => {
    const asked: MinuteSpan[][] = [];
    const f = forecast(
      campaign({ remaining: 30 }),
      (spans) => (asked.push(spans), oneAMinute(spans)),
      new Date('2026-11-27T23:00:00Z'),
    );
    expect(asked).toEqual([
      [{ from: minute('2026-11-27T21:30:00Z'), to: minute('2026-11-27T22:00:00Z') }],
    ]);
    expect(f.finishes_at).toBe('2026-11-30T14:30:00Z');
  });

  it('joins the start of this morning with the end of the last open day', () => {
    // Monday 09:10: ten minutes today and the last twenty of Friday.
    expect(lastOpenMinutes(office, NEW_YORK, minute('2026-11-30T14:10:00Z'))).toEqual([
      { from: minute('2026-11-30T14:00:00Z'), to: minute('2026-11-30T14:10:00Z') },
      { from: minute('2026-11-27T21:40:00Z'), to: minute('2026-11-27T22:00:00Z') },
    ]);
  });

  it('has no finish when nothing finished, the campaign is not active, or nothing remains', () => {
    const at = new Date('2026-11-25T21:30:00Z');
    expect(forecast(campaign(), () => 0, at)).toEqual({
      rate_per_hour: 0,
      remaining: 60,
      finishes_at: null,
      basis: 'last 30 minutes',
    });
    expect(forecast(campaign({ status: 'paused' }), oneAMinute, at)).toMatchObject({
      rate_per_hour: 60,
      finishes_at: null,
    });
    expect(forecast(campaign({ status: 'closed' }), oneAMinute, at).finishes_at).toBeNull();
    expect(forecast(campaign({ remaining: 0 }), oneAMinute, at)).toMatchObject({
      rate_per_hour: 60,
      remaining: 0,
      finishes_at: null,
    });
  });

  it('is always open without a schedule', () => {
    const f = forecast(
      campaign({ schedule: null, remaining: 90 }),
      (spans) => oneAMinute(spans) / 2,
      new Date('2026-11-28T03:00:00Z'),
    );
    expect(f).toMatchObject({ rate_per_hour: 30, finishes_at: '2026-11-28T06:00:00Z' });
  });

  it('is safe across daylight saving changes in America/New_York', () => {
    // Three hours from Friday 16:00 EST: one on Friday, two from 09:00 EDT on Monday (13:00Z).
    expect(
      forecast(campaign({ remaining: 180 }), oneAMinute, new Date('2026-03-06T21:00:00Z'))
        .finishes_at,
    ).toBe('2026-03-09T15:00:00Z');
    // And back: Friday 16:00 EDT, Monday 09:00 EST is 14:00Z.
    expect(
      forecast(campaign({ remaining: 180 }), oneAMinute, new Date('2026-10-30T20:00:00Z'))
        .finishes_at,
    ).toBe('2026-11-02T16:00:00Z');
    // Monday 09:10 EDT reads back into Friday's EST afternoon.
    expect(lastOpenMinutes(office, NEW_YORK, minute('2026-03-09T13:10:00Z'))).toEqual([
      { from: minute('2026-03-09T13:00:00Z'), to: minute('2026-03-09T13:10:00Z') },
      { from: minute('2026-03-06T21:40:00Z'), to: minute('2026-03-06T22:00:00Z') },
    ]);
  });

  it('agrees with a minute-by-minute walk of the calling window, in odd timezones too', () => {
    const random = createRandom(7);
    const zones = [
      NEW_YORK,
      'Europe/London',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
    ];
    const windows: Schedule[] = [
      office,
      { days: ['sat', 'sun'], start_time: '10:30', end_time: '12:15' },
      { days: ['tue'], start_time: '00:00', end_time: '23:59' },
    ];
    for (let i = 0; i < 30; i++) {
      const zone = zones[i % zones.length]!;
      const w = windows[i % windows.length]!;
      const open = (m: number) => insideWindow(w, zone, new Date(m * 60_000));
      // A random minute of 2026 (both DST changes are in reach) and up to ten hours of work.
      const start = minute('2026-01-01T00:00:00Z') + random.int(0, 364 * 1440);
      const need = random.int(1, 600);
      let end = start;
      for (let left = need; left > 0; end++) if (open(end)) left--;
      expect(placeWork(w, zone, start * 60_000, need * 60_000), `${zone} ${i}`).toBe(end * 60_000);
      const last: number[] = [];
      for (let m = start - 1; last.length < 30 && m > start - 8 * 1440; m--)
        if (open(m)) last.push(m);
      const spans = lastOpenMinutes(w, zone, start).flatMap((s) =>
        Array.from({ length: s.to - s.from }, (_, k) => s.to - 1 - k),
      );
      expect(spans, `${zone} ${i}`).toEqual(last);
    }
  });

  it('places ten years of work a whole week at a time, still on the right evening', () => {
    // From Monday 09:00 EST at 60 an hour, 520 weeks of 40 open hours end on a Friday at 17:00.
    const f = forecast(
      campaign({ remaining: 60 * 40 * 520 }),
      oneAMinute,
      new Date('2026-11-30T14:00:00Z'),
    );
    const at = new Date(f.finishes_at!);
    expect(localClock(at, NEW_YORK)).toEqual({ day: 'fri', time: '17:00' });
    expect(new Intl.DateTimeFormat('en-CA', { timeZone: NEW_YORK }).format(at)).toBe(
      new Date(Date.UTC(2026, 10, 30 + 519 * 7 + 4)).toISOString().slice(0, 10),
    );
  });

  it('places nothing in a window that never opens', () => {
    expect(
      placeWork({ days: [], start_time: '09:00', end_time: '17:00' }, NEW_YORK, 0, 60_000),
    ).toBeNull();
  });

  it('gives a range from the last 30 minutes and the last 3 hours, and none below 20 ended calls', () => {
    const at = new Date('2026-11-28T03:00:00Z');
    // 60 an hour over the last 30 minutes, 30 an hour over the 150 before them.
    const slowerBefore = (spans: MinuteSpan[]) =>
      spans.reduce((n, s) => {
        const recent = Math.max(0, s.to - Math.max(s.from, minute('2026-11-28T02:30:00Z')));
        return n + recent + (s.to - s.from - recent) / 2;
      }, 0);
    const open = campaign({ schedule: null, remaining: 60 });
    // 3 hours: 30 + 75 = 105 finished, 35 an hour: 60 contacts in 1h 42m 51s.
    expect(forecastRange(open, slowerBefore, at, 20)).toEqual({
      earliest: '2026-11-28T04:00:00Z',
      latest: '2026-11-28T04:42:51Z',
    });
    expect(forecastRange(open, slowerBefore, at, 19)).toBeNull();
    expect(forecastRange({ ...open, status: 'paused' }, slowerBefore, at, 50)).toBeNull();
    expect(forecastRange(open, () => 0, at, 50)).toBeNull();
  });
});
