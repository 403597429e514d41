import { describe, expect, it } from 'vitest';
import { makeCampaign, makeConfiguration, makeStats } from '../test/fixtures';
import { dialingReason, whyNotDialing } from './dialing-reason';

const idle = { total: 100, pending: 40, in_progress: 0, completed: 50, exhausted: 10 };
// Monday 23 November 2026, 15:00 UTC = 10:00 in New York.
const monday10am = new Date('2026-11-23T15:00:00Z');

describe('whyNotDialing', () => {
  const campaign = makeCampaign();

  it('says nothing while the campaign has calls in progress', () => {
    expect(whyNotDialing(campaign, makeStats(campaign.id), null, monday10am)).toBeNull();
  });

  it('explains paused and closed campaigns', () => {
    expect(
      whyNotDialing({ ...campaign, status: 'paused' }, makeStats(campaign.id), null, monday10am),
    ).toMatch(/paused/);
    expect(
      whyNotDialing({ ...campaign, status: 'closed' }, makeStats(campaign.id), null, monday10am),
    ).toMatch(/closed/);
  });

  it('explains an org at its cap', () => {
    const stats = makeStats(campaign.id, {
      contacts: idle,
      active_calls: 10,
      concurrency_limit: 10,
    });
    expect(whyNotDialing(campaign, stats, null, monday10am)).toBe(
      'Every slot is in use: the org has 10 of 10 calls in flight, so this campaign waits for a free slot.',
    );
  });

  it('does not guess at a window in a timezone the browser does not know', () => {
    const config = makeConfiguration({ timezone: 'Asia/Riyadh87' });
    const stats = makeStats(campaign.id, { contacts: idle, active_calls: 0 });
    expect(whyNotDialing(campaign, stats, config, monday10am)).toBe(
      'The calling window (09:00–17:00) is in Asia/Riyadh87, a timezone this browser does not know, so it cannot tell whether the window is open.',
    );
    // Without a window the zone does not matter.
    expect(whyNotDialing(campaign, stats, { ...config, schedule: null }, monday10am)).toMatch(
      /^Only retries are waiting/,
    );
  });

  it('explains a closed calling window and when it opens, in its timezone', () => {
    const config = makeConfiguration({
      timezone: 'America/New_York',
      schedule: { days: ['tue', 'wed'], start_time: '09:00', end_time: '17:00' },
    });
    const stats = makeStats(campaign.id, { contacts: idle, active_calls: 0 });
    expect(whyNotDialing(campaign, stats, config, monday10am)).toBe(
      'Outside the calling window (09:00–17:00, America/New_York). It opens Tuesday at 09:00 America/New_York time.',
    );
    const evening = makeConfiguration({
      timezone: 'America/New_York',
      schedule: { days: ['mon'], start_time: '17:00', end_time: '20:00' },
    });
    expect(whyNotDialing(campaign, stats, evening, monday10am)).toMatch(/It opens Monday at 17:00/);
    // Free slots would change nothing, so the window is named even at the org's cap.
    const atCap = makeStats(campaign.id, {
      contacts: idle,
      active_calls: 10,
      concurrency_limit: 10,
    });
    expect(whyNotDialing(campaign, atCap, evening, monday10am)).toMatch(
      /^Outside the calling window/,
    );
  });

  it('explains an empty or finished list and waiting retries', () => {
    const none = { total: 0, pending: 0, in_progress: 0, completed: 0, exhausted: 0 };
    expect(
      whyNotDialing(
        campaign,
        makeStats(campaign.id, { contacts: none, active_calls: 0 }),
        null,
        monday10am,
      ),
    ).toMatch(/no contacts/);
    const finished = { total: 10, pending: 0, in_progress: 0, completed: 7, exhausted: 3 };
    expect(
      whyNotDialing(
        campaign,
        makeStats(campaign.id, { contacts: finished, active_calls: 0 }),
        null,
        monday10am,
      ),
    ).toBe('Nothing left to dial: every contact is completed or exhausted.');
    expect(
      whyNotDialing(
        campaign,
        makeStats(campaign.id, { contacts: idle, active_calls: 2 }),
        null,
        monday10am,
      ),
    ).toMatch(/retry interval/);
  });

  it('gives the board a short chip, including a campaign held back at a cap while it dials', () => {
    const chip = (...args: Parameters<typeof dialingReason>) => dialingReason(...args)?.chip;
    const busy = { total: 100, pending: 40, in_progress: 3, completed: 50, exhausted: 7 };
    expect(chip({ ...campaign, status: 'paused' }, makeStats(campaign.id), null, monday10am)).toBe(
      'Paused',
    );
    const capped = { ...campaign, max_concurrent_calls: 3 };
    expect(chip(capped, makeStats(campaign.id, { contacts: busy }), null, monday10am)).toBe(
      'At its cap (3)',
    );
    // Dialing at a cap is not "nothing is dialing": the Overview's sentence stays away.
    expect(
      whyNotDialing(capped, makeStats(campaign.id, { contacts: busy }), null, monday10am),
    ).toBeNull();
    expect(
      chip(
        campaign,
        makeStats(campaign.id, { contacts: busy, active_calls: 10, concurrency_limit: 10 }),
        null,
        monday10am,
      ),
    ).toBe("Holding 3 of the org's 10 lines");
    // Waiting for a line, none of its own in flight, reads differently.
    expect(
      chip(
        campaign,
        makeStats(campaign.id, {
          contacts: { ...busy, in_progress: 0 },
          active_calls: 10,
          concurrency_limit: 10,
        }),
        null,
        monday10am,
      ),
    ).toBe('Waiting: org at cap');
    const laterToday = makeConfiguration({
      timezone: 'America/New_York',
      schedule: { days: ['mon'], start_time: '17:00', end_time: '20:00' },
    });
    expect(chip(campaign, makeStats(campaign.id, { contacts: idle }), laterToday, monday10am)).toBe(
      'Outside window until 17:00 EST',
    );
    const tomorrow = makeConfiguration({
      timezone: 'America/New_York',
      schedule: { days: ['tue'], start_time: '08:00', end_time: '17:00' },
    });
    expect(chip(campaign, makeStats(campaign.id, { contacts: idle }), tomorrow, monday10am)).toBe(
      'Outside window until Tue 08:00 EST',
    );
    // A zone the browser does not know: no guess at the window, and no crash.
    const riyadh87 = makeConfiguration({ timezone: 'Asia/Riyadh87' });
    expect(chip(campaign, makeStats(campaign.id, { contacts: idle }), riyadh87, monday10am)).toBe(
      'Window unknown',
    );
    const finished = { total: 10, pending: 0, in_progress: 0, completed: 7, exhausted: 3 };
    expect(chip(campaign, makeStats(campaign.id, { contacts: finished }), null, monday10am)).toBe(
      'Nothing left',
    );
    expect(
      chip(campaign, makeStats(campaign.id, { contacts: busy }), null, monday10am),
    ).toBeUndefined();
  });
});
