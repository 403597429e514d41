import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insideWindow } from '../../contract/calling-window.ts';
import { WEEKDAYS, type Schedule } from '../../contract/schemas.ts';
import {
  finishTimes,
  leastLines,
  planModel,
  type PlanInput,
  type PlanModel,
} from './plan-model.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;

// ---------- The same model, brute force ----------
// Waves by moving probability mass call by call; placement by walking the clock a minute at a
// time and asking the dialer's own window rule (contract/calling-window.ts) whether it is open.

function bruteWaves(input: PlanInput): number[] {
  const M = input.maxAttempts;
  const rows = input.history.byAttemptNumber;
  const ended = rows.reduce((n, r) => n + r.ended, 0);
  const completed = rows.reduce((n, r) => n + r.completed, 0);
  const miss = (n: number) => {
    const r = rows.find((x) => x.attempt === n);
    return r && r.ended > 0 ? 1 - r.completed / r.ended : 1 - completed / ended;
  };
  // mass[n]: expected contacts about to make attempt n.
  let mass = new Map<number, number>();
  for (const [made, n] of input.remainingByAttempts) {
    const next = made >= M ? 1 : made + 1;
    mass.set(next, (mass.get(next) ?? 0) + n);
  }
  const waves: number[] = [];
  while ([...mass.values()].some((m) => m > 0)) {
    waves.push([...mass.values()].reduce((a, b) => a + b, 0));
    const after = new Map<number, number>();
    for (const [n, m] of mass) if (n < M) after.set(n + 1, (after.get(n + 1) ?? 0) + m * miss(n));
    mass = after;
  }
  return waves;
}

function bruteFinish(input: PlanInput, now: Date, lines: number, open: (m: number) => boolean) {
  const h = input.history;
  const rate = h.basisCalls / (Math.max(h.basisLineSeconds, h.basisCalls) / 3600);
  const place = (from: number, need: number) => {
    let t = from;
    let left = need;
    for (let steps = 0; steps < 400 * 24 * 60; steps++) {
      const m = Math.floor(t / MINUTE) * MINUTE;
      if (open(m)) {
        const room = m + MINUTE - t;
        if (room >= left) return t + left;
        left -= room;
      }
      t = m + MINUTE;
    }
    return null;
  };
  const waves = bruteWaves(input);
  if (waves.length === 0) return null;
  let start = now.getTime();
  let due = start;
  let end = 0;
  for (let j = 0; j < waves.length; j++) {
    if (j > 0) {
      due = end + input.retryIntervalMinutes * MINUTE;
      start = Math.max(end, start + input.retryIntervalMinutes * MINUTE);
    }
    const bulk = place(start, (waves[j]! / (lines * rate)) * HOUR);
    const last = place(due, HOUR / rate);
    if (bulk === null || last === null) return null;
    end = Math.ceil((Math.max(bulk, last) - 1) / MINUTE) * MINUTE;
  }
  return end;
}

// ---------- Inputs ----------
// Windows start at 05:00 or later: no daylight-saving change falls inside one.
const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney'];
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const scheduleArb: fc.Arbitrary<Schedule | null> = fc.option(
  fc
    .record({
      days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
      start: fc.integer({ min: 5 * 4, max: 16 * 4 }).map((q) => q * 15),
      length: fc.integer({ min: 2 * 4, max: 7 * 4 }).map((q) => q * 15),
    })
    .map(({ days, start, length }) => ({
      days,
      start_time: hhmm(start),
      end_time: hhmm(Math.min(start + length, 23 * 60 + 59)),
    })),
  { freq: 4 },
);

const inputArb = fc
  .integer({ min: 1, max: 4 })
  .chain((maxAttempts) =>
    fc.record({
      maxAttempts: fc.constant(maxAttempts),
      schedule: scheduleArb,
      timezone: fc.constantFrom(...ZONES),
      retryIntervalMinutes: fc.integer({ min: 0, max: 1440 }),
      remaining: fc.array(
        fc.tuple(fc.integer({ min: 0, max: maxAttempts + 1 }), fc.integer({ min: 0, max: 80 })),
        { maxLength: 4 },
      ),
      ended: fc.integer({ min: 20, max: 5000 }),
      basisCalls: fc.integer({ min: 20, max: 400 }),
      secondsPerCall: fc.integer({ min: 20, max: 120 }),
      byNumber: fc.array(
        fc
          .tuple(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 1, noNaN: true }))
          .map(([ended, share]) => ({ ended, completed: Math.floor(ended * share) })),
        { minLength: 1, maxLength: maxAttempts },
      ),
      now: fc.integer({
        min: Date.parse('2026-01-01T00:00:00Z') / 1000,
        max: Date.parse('2026-12-31T00:00:00Z') / 1000,
      }),
    }),
  )
  .map((r) => ({
    now: new Date(r.now * 1000),
    input: {
      schedule: r.schedule,
      timezone: r.timezone,
      maxAttempts: r.maxAttempts,
      retryIntervalMinutes: r.retryIntervalMinutes,
      remainingByAttempts: r.remaining.reduce(
        (m, [made, n]) => m.set(made, (m.get(made) ?? 0) + n),
        new Map<number, number>(),
      ),
      history: {
        ended: r.ended,
        basisCalls: r.basisCalls,
        basisLineSeconds: r.basisCalls * r.secondsPerCall,
        basis: 'last 6 hours of calls',
        // At least one ended call in all, so the pooled chance exists.
        byAttemptNumber: r.byNumber.map((row, i) => ({
          attempt: i + 1,
          ended: i === 0 ? Math.max(1, row.ended) : row.ended,
          completed: row.completed,
        })),
      },
    } satisfies PlanInput,
  }));

const openMinutes = (input: PlanInput) => {
  const memo = new Map<number, boolean>();
  return (m: number) => {
    let open = memo.get(m);
    if (open === undefined) {
      open = insideWindow(input.schedule, input.timezone, new Date(m));
      memo.set(m, open);
    }
    return open;
  };
};
const model = (input: PlanInput, now: Date) => planModel(input, now) as PlanModel;

describe('the planner against a brute-force simulation of the same model', () => {
  it('finishes when the minute-by-minute walk does, never later with more lines, inside the window and after the retries', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 4, max: 1000 }), ({ input, now }, some) => {
        const m = model(input, now);
        const waves = bruteWaves(input);
        expect(m.waves.length).toBe(waves.length);
        m.waves.forEach((w, i) => expect(w).toBeCloseTo(waves[i]!, 6));
        let previous = Infinity;
        const every: (number | null)[] = [];
        for (let lines = 1; lines <= 1000; lines++) {
          every.push(m.finish(lines));
          const at = every.at(-1) ?? Infinity;
          expect(at).toBeLessThanOrEqual(previous);
          previous = at;
        }
        // The plan's at_lines ask finish sparingly: the same answers as asking every count.
        expect(finishTimes(m.finish, 1000)).toEqual(every);
        expect(finishTimes(m.finish, some)).toEqual(every.slice(0, some));
        const open = openMinutes(input);
        for (const lines of [1, 2, 3, some]) {
          const at = m.finish(lines);
          expect(at).toBe(bruteFinish(input, now, lines, open));
          if (at === null) continue;
          // The last call ended in an open minute, and every wave waited out its interval.
          expect(open(at - MINUTE)).toBe(true);
          expect(at - now.getTime()).toBeGreaterThanOrEqual(
            (waves.length - 1) * input.retryIntervalMinutes * MINUTE,
          );
        }
      }),
      { numRuns: 80, seed: 34 },
    );
  });

  it('answers a deadline with the least line count that meets it', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.integer({ min: 1, max: 40 * 24 * 60 }),
        ({ input, now }, minutesAhead) => {
          const m = model(input, now);
          const deadline = now.getTime() + minutesAhead * MINUTE;
          const open = openMinutes(input);
          const meets = (lines: number) => {
            const at = bruteFinish(input, now, lines, open);
            return at !== null && at <= deadline;
          };
          const least = leastLines(m.finish, deadline);
          if (least === null) {
            expect(meets(1000)).toBe(false);
          } else {
            expect(meets(least)).toBe(true);
            if (least > 1) expect(meets(least - 1)).toBe(false);
          }
        },
      ),
      { numRuns: 80, seed: 3434 },
    );
  });

  it('honours weekends: work left on a Friday evening finishes on Monday', () => {
    const input: PlanInput = {
      schedule: {
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        start_time: '09:00',
        end_time: '17:00',
      },
      timezone: 'America/New_York',
      maxAttempts: 1,
      retryIntervalMinutes: 60,
      remainingByAttempts: new Map([[0, 60]]),
      history: {
        ended: 100,
        basisCalls: 60,
        basisLineSeconds: 3600, // a minute a call: 60 calls a line-hour
        basis: 'last 6 hours of calls',
        byAttemptNumber: [{ attempt: 1, ended: 100, completed: 50 }],
      },
    };
    // Friday 2026-11-27 16:30 in New York: 30 minutes of window left, an hour of work at one line.
    const m = model(input, new Date('2026-11-27T21:30:00Z'));
    expect(new Date(m.finish(1)!).toISOString()).toBe('2026-11-30T14:30:00.000Z');
    expect(new Date(m.finish(2)!).toISOString()).toBe('2026-11-27T22:00:00.000Z');
  });

  it('waits out the retry interval even with lines to spare', () => {
    const input: PlanInput = {
      schedule: null,
      timezone: 'UTC',
      maxAttempts: 3,
      retryIntervalMinutes: 120,
      remainingByAttempts: new Map([[0, 10]]),
      history: {
        ended: 100,
        basisCalls: 60,
        basisLineSeconds: 3600,
        basis: 'last 6 hours of calls',
        byAttemptNumber: [{ attempt: 1, ended: 100, completed: 50 }],
      },
    };
    const now = new Date('2026-11-23T15:00:00Z');
    // Three waves: 10, 5, 2.5 calls. At 1000 lines each takes its one-minute last call, two
    // hours after the wave before ended.
    const m = model(input, now);
    expect(m.waves).toEqual([10, 5, 2.5]);
    expect(m.attemptsExpected).toBe(17.5);
    expect(new Date(m.finish(1000)!).toISOString()).toBe('2026-11-23T19:03:00.000Z');
  });

  it('has no figures without 20 ended calls, and says why', () => {
    const result = planModel(
      {
        schedule: null,
        timezone: 'UTC',
        maxAttempts: 3,
        retryIntervalMinutes: 60,
        remainingByAttempts: new Map([[0, 10]]),
        history: {
          ended: 19,
          basisCalls: 19,
          basisLineSeconds: 1900,
          basis: 'last 20 calls',
          byAttemptNumber: [{ attempt: 1, ended: 19, completed: 4 }],
        },
      },
      new Date('2026-11-23T15:00:00Z'),
    );
    expect(result).toEqual({
      reason: 'fewer than 20 ended calls (19 so far): not enough history to plan',
    });
  });
});
