import { describe, expect, it } from 'vitest';
import type { ContactFilters, ContactQuery } from '../../contract/extensions.ts';
import { CONTACT_BUCKETS } from '../../contract/schemas.ts';
import { createApp } from './app.ts';
import { createRandom, type Random } from '../dialer/random.ts';
import { dialerSetup, run } from '../testing/dialer-test-support.ts';
import { load, matches, recompute, type Loaded } from '../testing/report-test-support.ts';
import { setup } from '../testing/test-support.ts';

/** A random filter over the values this campaign actually has. */
function randomFilter(random: Random, all: Loaded[]): ContactFilters {
  const f: ContactFilters = {};
  const statuses = ['completed', 'no_answer', 'busy', 'voicemail', 'failed', 'none'] as const;
  if (random.next() < 0.3) f.last_status = [random.pick(statuses), random.pick(statuses)];
  if (random.next() < 0.3) f.first_status = [random.pick(statuses)];
  if (random.next() < 0.3) f.attempts = [random.int(0, 3)];
  if (random.next() < 0.3) {
    const withResults = all.filter((c) => c.latest.size > 0);
    const c = withResults.length ? random.pick(withResults) : null;
    const key = c ? random.pick([...c.latest.keys()]) : null;
    if (c && key) f.result = [`${key}:${String(c.latest.get(key))}`];
  }
  if (random.next() < 0.25)
    f.search = random.pick(['k1', '555', 'ADA', 'zzz', '4155550', '(415) 555', 'a"b']);
  return f;
}

/** Sometimes the bucket status too, AND-combined with the rest, as the Contacts tab sends it. */
const withStatus = (random: Random, f: ContactFilters): ContactQuery =>
  random.next() < 0.4
    ? { ...f, status: [random.pick(CONTACT_BUCKETS), random.pick(CONTACT_BUCKETS)] }
    : f;

const toQuery = (f: ContactQuery) => {
  const params = new URLSearchParams();
  if (f.search) params.set('search', f.search);
  for (const key of ['status', 'last_status', 'first_status', 'attempts', 'result'] as const)
    for (const v of f[key] ?? []) params.append(key, String(v));
  return params.toString();
};

describe('campaign report (ext)', () => {
  it('equals a from-scratch recount, whole and filtered (bucket status too), after random dialing, imports, deletes and requeues, for many seeds', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const s = dialerSetup({ seed, speed: 1 });
      const random = createRandom(seed * 31);
      const cfg = await s.call('POST', '/campaign/configurations', {
        name: 'Quick',
        max_attempts: random.int(1, 4),
        retry_interval_minutes: random.int(0, 3),
      });
      const contacts = s
        .contacts(random.int(10, 40), `s${seed}-`)
        .map((c, i) => ({ ...c, data: { first_name: i % 3 ? 'Ada' : 'Grace' } }));
      const campaign = await s.call('POST', '/campaign/campaigns', {
        name: 'R',
        configuration_id: cfg.id,
        contacts,
      });
      for (let step = 0; step < 25; step++) {
        const op = random.int(0, 5);
        if (op === 0) {
          await s.call('POST', `/campaign/campaigns/${campaign.id}/contacts`, {
            contacts: s.contacts(random.int(1, 4), `up${seed}-${step}-`),
          });
        } else if (op === 1) {
          const page = await s.call('GET', `/campaign/campaigns/${campaign.id}/contacts?limit=10`);
          const victim = page.contacts[random.int(0, Math.max(0, page.contacts.length - 1))];
          if (victim)
            await s.call('DELETE', `/campaign/campaigns/${campaign.id}/contacts/${victim.id}`);
        } else if (op === 2 && random.next() < 0.5) {
          const filter = random.next() < 0.5 ? randomFilter(random, load(s.db, campaign.id)) : {};
          const status = random.pick([['exhausted'], ['completed'], ['exhausted', 'completed']]);
          await s.call('POST', `/campaign/campaigns/${campaign.id}/contacts/requeue`, {
            status,
            ...filter,
          });
        }
        run(s, random.int(1, 6), 5000);
        const all = load(s.db, campaign.id);
        const filters = [
          {},
          withStatus(random, {}),
          withStatus(random, randomFilter(random, all)),
          randomFilter(random, all),
        ];
        for (const f of filters) {
          const qs = toQuery(f);
          const {
            campaign_id: _c,
            generated_at: _g,
            ...report
          } = await s.call('GET', `/campaign/campaigns/${campaign.id}/report${qs ? `?${qs}` : ''}`);
          expect(report, `seed ${seed} step ${step} filter ${qs}`).toEqual(recompute(all, f));
          const page = await s.call(
            'GET',
            `/campaign/campaigns/${campaign.id}/contacts?limit=200${qs ? `&${qs}` : ''}`,
          );
          const expected = all.filter((c) => matches(c, f)).map((c) => c.id);
          expect(page.total, `seed ${seed} list ${qs}`).toBe(expected.length);
          // "Stats for these contacts" count exactly what the list shows.
          expect(report.contacts.total, `seed ${seed} report and list ${qs}`).toBe(page.total);
          expect(page.contacts.map((c: { id: string }) => c.id)).toEqual(expected.slice(0, 200));
        }
      }
    }
  }, 120_000);

  it('counts history written already ended, results included, like calls the dialer ended', async () => {
    const { db, call } = setup();
    const { body: campaign } = await call('POST', '/campaign/campaigns', {
      body: {
        name: 'Imported',
        contacts: [{ phone_numbers: ['+14155550100'] }, { phone_numbers: ['+14155550101'] }],
      },
    });
    const [a, b] = (
      db.prepare('SELECT id FROM contacts ORDER BY seq').all() as { id: string }[]
    ).map((r) => r.id);
    const insert = db.prepare(
      `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, started_at, ended_at, status, result)
       VALUES (?, 'org_a', ?, ?, '+14155550100', ?, ?, ?, ?)`,
    );
    insert.run(
      'h1',
      campaign.id,
      a,
      '2026-11-20T09:00:00Z',
      '2026-11-20T09:00:30Z',
      'no_answer',
      null,
    );
    insert.run(
      'h2',
      campaign.id,
      a,
      '2026-11-20T10:00:00Z',
      '2026-11-20T10:03:00Z',
      'completed',
      '{"q.score":7,"q.ok":true}',
    );
    insert.run('h3', campaign.id, b, '2026-11-20T11:00:00Z', null, 'in_progress', null);
    db.prepare("UPDATE contacts SET status = 'completed' WHERE id = ?").run(a);
    const {
      campaign_id: _c,
      generated_at: _g,
      ...report
    } = (await call('GET', `/campaign/campaigns/${campaign.id}/report`)).body;
    expect(report).toEqual(recompute(load(db, campaign.id), {}));
    expect(report.talk_time).toEqual({ total_seconds: 180, average_seconds: 180 });
    expect(report.by_attempt_number).toEqual([
      { attempt: 1, ended: 1, completed: 0 },
      { attempt: 2, ended: 1, completed: 1 },
    ]);
  });

  it('answers every field for a new campaign, 404 for another org, 422 for a bad filter', async () => {
    const { call } = setup();
    const { body: campaign } = await call('POST', '/campaign/campaigns', {
      body: { name: 'Empty', external_id: 'empty' },
    });
    const res = await call('GET', '/campaign/campaigns/empty/report');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      campaign_id: campaign.id,
      started_at: null,
      completed_at: null,
      contacts: { total: 0, reached: 0, completed: 0, exhausted: 0 },
      rates: { answer_rate: null, success_rate: null, reach_rate: null },
      talk_time: { total_seconds: 0, average_seconds: null },
      by_attempt_number: [],
      results: [],
    });
    expect(
      (await call('GET', `/campaign/campaigns/${campaign.id}/report`, { token: 'ak_other_manage' }))
        .status,
    ).toBe(404);
    for (const bad of [
      'last_status=ringing',
      'attempts=two',
      'result=novalue',
      `search=${'x'.repeat(201)}`,
    ]) {
      const r = await call('GET', `/campaign/campaigns/empty/report?${bad}`);
      expect(r.status, bad).toBe(422);
      expect(r.body.detail[0].loc[0]).toBe('query');
      expect((await call('GET', `/campaign/campaigns/empty/contacts?${bad}`)).status, bad).toBe(
        422,
      );
    }
  });

  it('is absent with EXTENSIONS=off, where the contacts list ignores the filters', async () => {
    const { db, call } = setup();
    await call('POST', '/campaign/campaigns', {
      body: {
        name: 'A',
        external_id: 'a',
        contacts: [
          { external_id: 'k1', phone_numbers: ['+14155550100'] },
          { external_id: 'k2', phone_numbers: ['+14155550101'] },
        ],
      },
    });
    const off = createApp({ db, extensions: false });
    const get = (path: string) =>
      off.request(path, { headers: { Authorization: 'Bearer ak_test_manage' } });
    expect((await get('/campaign/campaigns/a/report')).status).toBe(404);
    const list = await get('/campaign/campaigns/a/contacts?search=k1&last_status=bogus');
    expect(list.status).toBe(200);
    expect((await list.json()).total).toBe(2);
  });
});
