// The dialer under window_basis "contact": each contact called in its own hours, daylight
// saving changes included; a contact without a zone, or with a suppressed number, never called.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insideWindow } from '../../contract/calling-window.ts';
import { WEEKDAYS, type Schedule } from '../../contract/schemas.ts';
import { checkInvariants, dialerSetup } from '../testing/dialer-test-support.ts';

const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix', // no daylight saving
  'America/Los_Angeles',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney', // the other way round
  'Asia/Kolkata',
  'Pacific/Auckland',
];
// Daylight saving changes of 2026: the US (Mar 8, Nov 1), Europe (Mar 29, Oct 25), Sydney and
// Auckland (Apr 5, Sep 27 / Oct 4).
const BOUNDARIES = [
  '2026-03-08T07:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-04-04T16:00:00Z',
  '2026-09-26T16:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-11-01T06:00:00Z',
];
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const scenario = fc.record({
  boundary: fc.constantFrom(...BOUNDARIES),
  hoursBefore: fc.integer({ min: 0, max: 30 }),
  days: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  start: fc.integer({ min: 0, max: 20 * 60 }).map((m) => m - (m % 15)),
  length: fc.integer({ min: 30, max: 10 * 60 }).map((m) => m - (m % 15)),
  contacts: fc.array(fc.record({ zone: fc.option(fc.constantFrom(...ZONES), { freq: 6 }) }), {
    minLength: 3,
    maxLength: 25,
  }),
  suppressedEvery: fc.integer({ min: 3, max: 7 }),
  seed: fc.integer({ min: 1, max: 10_000 }),
});

describe('calling each contact in their own hours', () => {
  it('never starts a call outside the contact’s local window, across daylight saving changes', async () => {
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        const start = new Date(Date.parse(sc.boundary) - sc.hoursBefore * 3_600_000);
        const s = dialerSetup({ seed: sc.seed, speed: 1, start: start.toISOString() });
        const schedule: Schedule = {
          days: sc.days,
          start_time: hhmm(sc.start),
          end_time: hhmm(Math.min(sc.start + sc.length, 23 * 60 + 59)),
        };
        const cfg = await s.call('POST', '/campaign/configurations', {
          name: 'Own hours',
          timezone: 'UTC',
          schedule,
          window_basis: 'contact',
          max_attempts: 3,
          retry_interval_minutes: 20,
        });
        // A number whose region spans zones of different offsets (+1 without an area code
        // the mapping knows) leaves a contact without a zone, unless its data names one.
        const contacts = sc.contacts.map((k, i) => ({
          external_id: `k${i}`,
          phone_numbers: [`+1999555${String(i).padStart(4, '0')}`],
          data: k.zone ? { timezone: k.zone } : {},
        }));
        const blocked = contacts
          .filter((_, i) => i % sc.suppressedEvery === 0)
          .map((k) => k.phone_numbers[0]!);
        await s.call('POST', '/campaign/suppressions', {
          entries: blocked.map((phone_number) => ({ phone_number, reason: 'test' })),
        });
        const campaign = await s.call('POST', '/campaign/campaigns', {
          name: 'Zones',
          configuration_id: cfg.id,
          contacts,
        });
        for (let t = 0; t < 48 * 60; t += 5) {
          s.clock.advance(5 * 60_000);
          s.dialer.tick();
        }
        checkInvariants(s.db, 10);
        const attempts = s.db
          .prepare(
            `SELECT a.started_at, k.timezone, k.phone_numbers FROM attempts a
             JOIN contacts k ON k.id = a.contact_id WHERE a.campaign_id = ?`,
          )
          .all(campaign.id) as {
          started_at: string;
          timezone: string | null;
          phone_numbers: string;
        }[];
        calls += attempts.length;
        for (const a of attempts) {
          expect(a.timezone, 'a contact without a zone was called').not.toBeNull();
          expect(blocked, 'a suppressed contact was called').not.toContain(
            (JSON.parse(a.phone_numbers) as string[])[0],
          );
          expect(
            insideWindow(schedule, a.timezone!, new Date(a.started_at)),
            `call at ${a.started_at} outside ${schedule.start_time}–${schedule.end_time} in ${a.timezone}`,
          ).toBe(true);
        }
        const held = s.db
          .prepare(
            "SELECT COUNT(*) n FROM contacts WHERE campaign_id = ? AND timezone IS NULL AND status = 'pending'",
          )
          .get(campaign.id) as { n: number };
        const unzoned = sc.contacts.filter((k, i) => !k.zone && i % sc.suppressedEvery !== 0);
        expect(held.n).toBe(unzoned.length);
      }),
      { seed: 20261205, numRuns: 40 },
    );
    // The runs did call (a property of no calls at all would hold vacuously).
    expect(calls).toBeGreaterThan(200);
  }, 240_000);
});
