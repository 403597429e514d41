// (ext) contact-timezones and suppression through the API.
import { describe, expect, it } from 'vitest';
import { createDialer } from '../dialer/dialer.ts';
import { createApp } from './app.ts';
import { campaignRows } from '../db/campaigns.ts';
import { planRow } from '../db/plan.ts';
import { setup, TOKENS } from '../testing/test-support.ts';
import { load, recompute } from '../testing/report-test-support.ts';
import { checkCounters } from '../testing/dialer-test-support.ts';

/** A clock the test moves. */
function movable(iso: string) {
  let t = Date.parse(iso);
  return { now: () => new Date(t), set: (at: string) => (t = Date.parse(at)) };
}

// Monday 2026-12-07, 14:30 UTC: 09:30 in New York, 08:30 in Chicago, 06:30 in Los Angeles.
const MONDAY = '2026-12-07T14:30:00Z';
const NINE_TO_FIVE = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  start_time: '09:00',
  end_time: '17:00',
};

async function threeZones(basis: 'campaign' | 'contact' = 'contact') {
  const clock = movable(MONDAY);
  const s = setup(clock.now);
  const cfg = await s.call('POST', '/campaign/configurations', {
    body: {
      name: 'Own hours',
      timezone: 'America/New_York',
      schedule: NINE_TO_FIVE,
      window_basis: basis,
    },
  });
  expect(cfg.body.window_basis).toBe(basis);
  const { body: campaign } = await s.call('POST', '/campaign/campaigns', {
    body: { name: 'Zones', external_id: 'zones', configuration_id: cfg.body.id },
  });
  await s.call('POST', '/campaign/campaigns/zones/pause');
  const upsert = await s.call('POST', '/campaign/campaigns/zones/contacts', {
    body: {
      contacts: [
        { external_id: 'ny', phone_numbers: ['+12125550100'] },
        { external_id: 'chi', phone_numbers: ['+13125550100'] },
        { external_id: 'chi2', phone_numbers: ['+13125550101'] },
        {
          external_id: 'la',
          phone_numbers: ['+14155550100'],
          data: { timezone: 'America/Los_Angeles' },
        },
        // +1 999 is no area code: the mapping gives all of North America, so no zone.
        { external_id: 'nowhere', phone_numbers: ['+19995550100'] },
        { external_id: 'odd', phone_numbers: ['+14155550199'], data: { timezone: 'Mars/Olympus' } },
      ],
    },
  });
  return { ...s, clock, campaign, cfg: cfg.body, upsert: upsert.body };
}

describe('contact time zones', () => {
  it('takes a zone from data.timezone or the number, and says where it came from', async () => {
    const { call, upsert } = await threeZones();
    const zone = async (id: string) => {
      const { body } = await call('GET', `/campaign/campaigns/zones/contacts/${id}`);
      return [body.timezone, body.timezone_source];
    };
    expect(await zone('ny')).toEqual(['America/New_York', 'phone']);
    expect(await zone('chi')).toEqual(['America/Chicago', 'phone']);
    expect(await zone('la')).toEqual(['America/Los_Angeles', 'data']);
    expect(await zone('nowhere')).toEqual([null, null]);
    // An unknown name in data falls back to the number, with a warning naming the row.
    expect(await zone('odd')).toEqual(['America/Los_Angeles', 'phone']);
    expect(upsert.warnings).toContainEqual(
      expect.objectContaining({ index: 5, code: 'timezone_unknown' }),
    );
  });

  it('counts who is callable now, who opens when, and who has no zone, as the clock moves', async () => {
    const { call, clock } = await threeZones();
    const callable = async () => (await call('GET', '/campaign/campaigns/zones/callable')).body;
    // 09:30 in New York; Chicago opens at 09:00 its time (15:00 UTC), Los Angeles at 17:00 UTC.
    expect(await callable()).toEqual({
      now: 1,
      later: [
        { opens_at: '2026-12-07T15:00:00Z', timezone: 'America/Chicago', contacts: 2 },
        { opens_at: '2026-12-07T17:00:00Z', timezone: 'America/Los_Angeles', contacts: 2 },
      ],
      no_timezone: 1,
      suppressed: 0,
      generated_at: MONDAY,
    });
    clock.set('2026-12-07T17:30:00Z');
    expect((await callable()).now).toBe(5);
    // 17:30 in New York on Friday: it opens again on Monday.
    clock.set('2026-12-11T22:30:00Z');
    const friday = await callable();
    expect(friday.now).toBe(4);
    expect(friday.later).toEqual([
      { opens_at: '2026-12-14T14:00:00Z', timezone: 'America/New_York', contacts: 1 },
    ]);
  });

  it('gives the forecast and the plan the zones of the contacts left', async () => {
    const { db, campaign } = await threeZones();
    expect(campaignRows(db, 'org_a', [campaign.id])[0]!.zones!.sort()).toEqual([
      'America/Chicago',
      'America/Los_Angeles',
      'America/New_York',
    ]);
    expect(planRow(db, 'org_a', campaign.id)!.zones).toHaveLength(3);
  });

  it('under the campaign basis counts every pending contact in the campaign’s window', async () => {
    const { call } = await threeZones('campaign');
    expect((await call('GET', '/campaign/campaigns/zones/callable')).body).toMatchObject({
      now: 6,
      later: [],
      no_timezone: 0,
    });
  });

  it('filters contacts by zone, none and callable now', async () => {
    const { call, clock } = await threeZones();
    const ids = async (q: string) =>
      (await call('GET', `/campaign/campaigns/zones/contacts?${q}`)).body.contacts.map(
        (c: { external_id: string }) => c.external_id,
      );
    expect(await ids('timezone=America/Chicago')).toEqual(['chi', 'chi2']);
    expect(await ids('timezone=none')).toEqual(['nowhere']);
    expect(await ids('callable=now')).toEqual(['ny']);
    clock.set('2026-12-07T15:30:00Z');
    expect(await ids('callable=now')).toEqual(['ny', 'chi', 'chi2']);
    const report = await call('GET', '/campaign/campaigns/zones/report?callable=now');
    expect(report.body.contacts.total).toBe(3);
  });

  it('is hidden from a server without the extension', async () => {
    const { db } = await threeZones();
    const app = createApp({ db, extensions: false });
    const get = (path: string) =>
      app.request(path, { headers: { Authorization: `Bearer ${TOKENS.manage}` } });
    expect((await get('/campaign/campaigns/zones/callable')).status).toBe(404);
    const contact = await (await get('/campaign/campaigns/zones/contacts/ny')).json();
    expect(contact).not.toHaveProperty('timezone');
    expect(contact).not.toHaveProperty('suppressed');
    const configs = await (await get('/campaign/configurations')).json();
    expect(configs.configurations[0]).not.toHaveProperty('window_basis');
  });
});

describe('the suppression list', () => {
  it('suppresses a listed number’s contacts: exhausted, last status unchanged, flagged, counted', async () => {
    const { call, db, campaign } = await threeZones();
    const add = await call('POST', '/campaign/suppressions', {
      body: { entries: [{ phone_number: '(312) 555-0100', reason: 'Asked by email' }] },
    });
    expect(add.body).toEqual({ added: 1, unchanged: 0, contacts_suppressed: 1 });
    const { body: chi } = await call('GET', '/campaign/campaigns/zones/contacts/chi');
    expect(chi).toMatchObject({ status: 'exhausted', suppressed: true, attempts: [] });
    expect(
      (
        db.prepare("SELECT last_status FROM contacts WHERE external_id = 'chi'").get() as {
          last_status: null;
        }
      ).last_status,
    ).toBeNull();
    const report = (await call('GET', '/campaign/campaigns/zones/report')).body;
    expect(report.contacts).toMatchObject({ exhausted: 1, suppressed: 1 });
    expect((await call('GET', '/campaign/campaigns/zones/callable')).body.suppressed).toBe(1);
    // The filtered report counts as a recount does.
    const filtered = (await call('GET', '/campaign/campaigns/zones/report?suppressed=true')).body;
    const { campaign_id: _c, generated_at: _g, ...rest } = filtered;
    expect(rest).toEqual(recompute(load(db, campaign.id), { suppressed: 'true' }));
    checkCounters(db);
    // Requeue leaves it where it is.
    const requeued = await call('POST', '/campaign/campaigns/zones/contacts/requeue', {
      body: { status: ['exhausted'] },
    });
    expect(requeued.body.requeued).toBe(0);
  });

  it('names the rows of an upsert whose number is suppressed', async () => {
    const { call } = await threeZones();
    await call('POST', '/campaign/suppressions', {
      body: { entries: [{ phone_number: '+16175550100', reason: 'DNC' }] },
    });
    const { body } = await call('POST', '/campaign/campaigns/zones/contacts', {
      body: {
        contacts: [
          { external_id: 'new', phone_numbers: ['+16175550101'] },
          { external_id: 'blocked', phone_numbers: ['+16175550102', '+16175550100'] },
        ],
      },
    });
    expect(body.warnings).toEqual([
      expect.objectContaining({ index: 1, code: 'suppressed', phone_number: '+16175550100' }),
    ]);
    const { body: blocked } = await call('GET', '/campaign/campaigns/zones/contacts/blocked');
    expect(blocked).toMatchObject({ status: 'exhausted', suppressed: true });
  });

  it('lists by number with search and cursor, who added each and from where', async () => {
    const { call } = await threeZones();
    await call('POST', '/campaign/suppressions', {
      body: {
        entries: [
          { phone_number: '+12125550199', reason: 'Complaint' },
          { phone_number: '+12125550198', reason: 'Lawyer', source: 'import' },
          { phone_number: '+13125550199', reason: 'Moved' },
        ],
      },
    });
    const first = await call('GET', '/campaign/suppressions?limit=2');
    expect(first.body.total).toBe(3);
    expect(first.body.suppressions.map((e: { phone_number: string }) => e.phone_number)).toEqual([
      '+12125550198',
      '+12125550199',
    ]);
    expect(first.body.suppressions[0]).toMatchObject({
      reason: 'Lawyer',
      source: 'import',
      added_by: 'manage',
      added_at: MONDAY,
    });
    const next = await call(
      'GET',
      `/campaign/suppressions?limit=2&cursor=${first.body.next_cursor}`,
    );
    expect(next.body).toMatchObject({
      next_cursor: null,
      suppressions: [{ phone_number: '+13125550199' }],
    });
    const found = await call('GET', '/campaign/suppressions?search=312%20555');
    expect(found.body.suppressions).toHaveLength(1);
    expect((await call('GET', '/campaign/suppressions?search=lawyer')).body.total).toBe(1);
    expect((await call('GET', '/campaign/suppressions?cursor=bogus')).status).toBe(422);
  });

  it('refuses what is not a number, naming the entry, and writes nothing', async () => {
    const { call } = await threeZones();
    const res = await call('POST', '/campaign/suppressions', {
      body: { entries: [{ phone_number: '+12125550100' }, { phone_number: 'call me' }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(['body', 'entries', 1, 'phone_number']);
    expect((await call('GET', '/campaign/suppressions')).body.total).toBe(0);
    expect(
      (
        await call('POST', '/campaign/suppressions', {
          token: TOKENS.read,
          body: { entries: [{ phone_number: '+12125550100' }] },
        })
      ).status,
    ).toBe(403);
  });

  it('removes with a reason: the contact loses its flag, and both changes are in the activity log', async () => {
    const { call } = await threeZones();
    await call('POST', '/campaign/suppressions', {
      body: { entries: [{ phone_number: '+12125550100', reason: 'By mistake' }] },
    });
    expect(
      (await call('DELETE', '/campaign/suppressions/+12125550100', { body: { reason: '' } }))
        .status,
    ).toBe(422);
    const removed = await call('DELETE', '/campaign/suppressions/+12125550100', {
      body: { reason: 'Wrong number typed' },
    });
    expect(removed.status).toBe(204);
    expect(
      (await call('DELETE', '/campaign/suppressions/+12125550100', { body: { reason: 'again' } }))
        .status,
    ).toBe(404);
    const { body: ny } = await call('GET', '/campaign/campaigns/zones/contacts/ny');
    expect(ny).toMatchObject({ suppressed: false, status: 'exhausted' });
    const activity = (
      await call('GET', '/campaign/activity?action=suppression.added&action=suppression.removed')
    ).body.events;
    expect(activity.map((e: { summary: string }) => e.summary)).toEqual([
      'Removed +12125550100 from the suppression list: "Wrong number typed"',
      'Added 1 number to the suppression list (manual): +12125550100; 1 contact suppressed',
    ]);
  });

  it('lists the number a conversation’s evaluation reports as an opt-out', async () => {
    const clock = movable(MONDAY);
    const { call, db } = setup(clock.now);
    const dialer = createDialer({ db, now: clock.now, seed: 3, speed: 1, optOuts: true });
    await call('POST', '/campaign/campaigns', {
      body: {
        name: 'Busy list',
        contacts: Array.from({ length: 60 }, (_, i) => ({
          phone_numbers: [`+1212555${String(1000 + i)}`],
        })),
      },
    });
    for (let t = 0; t < 6 * 60; t++) {
      clock.set(new Date(clock.now().getTime() + 60_000).toISOString());
      dialer.tick();
    }
    const optOuts = db
      .prepare(
        'SELECT DISTINCT phone_number FROM attempts WHERE json_extract(result, \'$."compliance.opt_out"\') = 1',
      )
      .pluck()
      .all() as string[];
    expect(optOuts.length).toBeGreaterThan(0);
    const listed = (await call('GET', '/campaign/suppressions?limit=200')).body.suppressions;
    expect(listed.map((e: { phone_number: string }) => e.phone_number).sort()).toEqual(
      optOuts.sort(),
    );
    expect(listed[0]).toMatchObject({
      source: 'conversation',
      added_by: 'Conversation evaluation',
    });
    const flagged = db.prepare('SELECT COUNT(*) FROM contacts WHERE suppressed = 1').pluck().get();
    expect(flagged).toBe(optOuts.length);
    checkCounters(db);
  });
});
