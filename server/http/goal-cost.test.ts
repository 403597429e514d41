import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactQuery } from '../../contract/extensions.ts';
import { createApp } from './app.ts';
import { dialerSetup, run } from '../testing/dialer-test-support.ts';
import { cardHistory, load, recompute, type TestCard } from '../testing/report-test-support.ts';
import { setup } from '../testing/test-support.ts';

const CARDS: (TestCard | null)[] = [
  { currency: 'USD', per_minute: 0.09, per_call: 0.01 },
  { currency: 'USD', per_minute: 0.1234, per_call: 0 },
  { currency: 'EUR', per_minute: 0, per_call: 0.0125 },
  null,
];
const GOALS = [
  { results: ['next_step.action:book_demo'] },
  { results: ['qualification.interested:true', 'next_step.action:send_pricing'] },
  { results: ['next_step.action:book_demo', 'next_step.action:callback'] },
  null,
];
const FILTERS: ContactQuery[] = [
  {},
  { result: ['next_step.action:book_demo'] },
  { last_status: ['completed'] },
  { status: ['completed', 'pending'] },
  { first_status: ['no_answer', 'busy'], attempts: [2, 3] },
  { result: ['qualification.interested:false'] },
];
const qs = (f: ContactQuery) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) for (const x of [v].flat()) p.append(k, String(x));
  return p.toString();
};

const step = fc.oneof(
  fc.record({ kind: fc.constant('dial' as const), minutes: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('card' as const), card: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('goal' as const), goal: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('import' as const), n: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(9) }),
  fc.record({ kind: fc.constant('requeue' as const) }),
);

describe('goal and cost in the report (ext)', () => {
  it('equal a recount, whole and filtered, as calls end under changing rate cards and goals, over many seeds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(step, { minLength: 4, maxLength: 12 }),
        async (seed, firstCard, firstGoal, steps) => {
          const s = dialerSetup({ seed });
          const cards = cardHistory();
          cards.set(CARDS[firstCard]!);
          const cfg = await s.call('POST', '/campaign/configurations', {
            name: 'Priced',
            max_attempts: 2,
            retry_interval_minutes: 1,
            rate_card: CARDS[firstCard],
          });
          let goal = GOALS[firstGoal]!;
          const campaign = await s.call('POST', '/campaign/campaigns', {
            name: 'G',
            configuration_id: cfg.id,
            goal,
            contacts: s.contacts(25, `s${seed}-`),
          });
          expect(campaign.goal).toEqual(goal);
          for (const [i, st] of steps.entries()) {
            if (st.kind === 'dial') run(s, st.minutes);
            if (st.kind === 'card') {
              cards.note(s.db);
              cards.set(CARDS[st.card]!);
              await s.call('PATCH', `/campaign/configurations/${cfg.id}`, {
                rate_card: CARDS[st.card],
              });
            }
            if (st.kind === 'goal') {
              goal = GOALS[st.goal]!;
              const patched = await s.call('PATCH', `/campaign/campaigns/${campaign.id}`, { goal });
              expect(patched.goal).toEqual(goal);
            }
            if (st.kind === 'import')
              await s.call('POST', `/campaign/campaigns/${campaign.id}/contacts`, {
                contacts: s.contacts(st.n, `i${i}-`),
              });
            if (st.kind === 'delete') {
              const page = await s.call('GET', `/campaign/campaigns/${campaign.id}/contacts`);
              const victim = page.contacts[st.at % Math.max(1, page.contacts.length)];
              if (victim)
                await s.call('DELETE', `/campaign/campaigns/${campaign.id}/contacts/${victim.id}`);
            }
            if (st.kind === 'requeue')
              await s.call('POST', `/campaign/campaigns/${campaign.id}/contacts/requeue`, {
                status: ['completed', 'exhausted'],
              });
            cards.note(s.db);
            const all = load(s.db, campaign.id);
            const outlook = { goal, card: cards.current, cardOf: cards.cardOf };
            for (const f of FILTERS) {
              const q = qs(f);
              const report = await s.call(
                'GET',
                `/campaign/campaigns/${campaign.id}/report${q ? `?${q}` : ''}`,
              );
              const expected = recompute(all, f, outlook);
              expect(
                { goal: report.goal, cost: report.cost },
                `seed ${seed} step ${i} ${q}`,
              ).toEqual({ goal: expected.goal, cost: expected.cost });
            }
            const { stats } = await s.call('GET', `/campaign/stats?campaign_id=${campaign.id}`);
            const whole = recompute(all, {}, outlook);
            expect(stats[0].conversion_rate).toBe(whole.goal ? whole.goal.conversion_rate : null);
            expect(stats[0].cost).toEqual(
              whole.cost && { currency: whole.cost.currency, total: whole.cost.total },
            );
          }
        },
      ),
      { numRuns: 25, seed: 3131 },
    );
  }, 120_000);

  it('counts a conversion once when the contact meets two of the goal results', async () => {
    const { db, call } = setup();
    const { body: campaign } = await call('POST', '/campaign/campaigns', {
      body: {
        name: 'Two ways',
        goal: { results: ['q.ok:true', 'next.action:book'] },
        contacts: [{ phone_numbers: ['+14155550100'] }, { phone_numbers: ['+14155550101'] }],
      },
    });
    const [a] = (db.prepare('SELECT id FROM contacts ORDER BY seq').all() as { id: string }[]).map(
      (r) => r.id,
    );
    db.prepare(
      `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, started_at, ended_at, status, result)
       VALUES ('h1', 'org_a', ?, ?, '+14155550100', '2026-11-20T10:00:00Z', '2026-11-20T10:02:00Z', 'completed', ?)`,
    ).run(campaign.id, a, JSON.stringify({ 'q.ok': true, 'next.action': 'book' }));
    const { body: report } = await call('GET', `/campaign/campaigns/${campaign.id}/report`);
    expect(report.goal).toEqual({
      results: ['q.ok:true', 'next.action:book'],
      conversions: 1,
      conversion_rate: 100,
      answered: 1,
    });
    // The rate card is absent: no cost, rather than a cost of 0.
    expect(report.cost).toBeNull();
  });

  it('refuses a bad goal or rate card with 422 and the field, and writes nothing', async () => {
    const { call } = setup();
    const { body: campaign } = await call('POST', '/campaign/campaigns', {
      body: { name: 'Kept', external_id: 'kept' },
    });
    for (const goal of [
      { results: [] },
      { results: ['a:1', 'b:2', 'c:3', 'd:4', 'e:5', 'f:6'] },
      { results: ['novalue'] },
      { results: 'a:b' },
    ]) {
      const res = await call('PATCH', '/campaign/campaigns/kept', { body: { goal } });
      expect(res.status, JSON.stringify(goal)).toBe(422);
      expect(res.body.detail[0].loc.slice(0, 2)).toEqual(['body', 'goal']);
    }
    expect((await call('GET', '/campaign/campaigns/kept')).body.goal).toBeNull();
    for (const rate_card of [
      { currency: 'usd', per_minute: 0.1, per_call: 0 },
      { currency: 'USD', per_minute: 100.01, per_call: 0 },
      { currency: 'USD', per_minute: 0.00001, per_call: 0 },
      { currency: 'USD', per_minute: -1, per_call: 0 },
      { currency: 'USD', per_minute: 0.1 },
    ]) {
      const res = await call('POST', '/campaign/configurations', {
        body: { name: 'Bad', rate_card },
      });
      expect(res.status, JSON.stringify(rate_card)).toBe(422);
      expect(res.body.detail[0].loc.slice(0, 2)).toEqual(['body', 'rate_card']);
    }
    expect((await call('GET', '/campaign/configurations')).body.configurations).toEqual([]);
    expect(campaign.goal).toBeNull();
  });

  it('stores and returns the rate card and the goal, and records them in the activity log', async () => {
    const { call } = setup();
    const card = { currency: 'GBP', per_minute: 0.0725, per_call: 0.015 };
    const { body: cfg } = await call('POST', '/campaign/configurations', {
      body: { name: 'Priced', rate_card: card },
    });
    expect(cfg.rate_card).toEqual(card);
    const { body: patched } = await call('PATCH', `/campaign/configurations/${cfg.id}`, {
      body: { rate_card: null },
    });
    expect(patched.rate_card).toBeNull();
    const { body: campaign } = await call('POST', '/campaign/campaigns', {
      body: { name: 'C', goal: { results: ['next_step.action:book_demo'] } },
    });
    expect(campaign.goal).toEqual({ results: ['next_step.action:book_demo'] });
    await call('PATCH', `/campaign/campaigns/${campaign.id}`, { body: { goal: null } });
    const { body: log } = await call('GET', '/campaign/activity');
    expect(log.events[0]).toMatchObject({
      action: 'campaign.updated',
      changes: { goal: [{ results: ['next_step.action:book_demo'] }, null] },
    });
    expect(
      log.events.find((e: { action: string }) => e.action === 'configuration.updated'),
    ).toMatchObject({ changes: { rate_card: [card, null] } });
  });

  it('lists finished campaigns apart: active or paused, with contacts, none left to call', async () => {
    const { db, call } = setup();
    const make = async (name: string, contacts: number) =>
      (
        await call('POST', '/campaign/campaigns', {
          body: {
            name,
            contacts: Array.from({ length: contacts }, (_, i) => ({
              phone_numbers: [`+1415555010${i}`],
            })),
          },
        })
      ).body;
    const done = await make('Done', 2);
    const empty = await make('Empty', 0);
    const open = await make('Open', 2);
    const closed = await make('Closed', 1);
    db.prepare("UPDATE contacts SET status = 'exhausted' WHERE campaign_id IN (?, ?)").run(
      done.id,
      closed.id,
    );
    db.prepare(
      "UPDATE contacts SET status = 'completed' WHERE seq = (SELECT MIN(seq) FROM contacts WHERE campaign_id = ?)",
    ).run(open.id);
    await call('POST', `/campaign/campaigns/${closed.id}/close`);
    const names = async (q: string) =>
      (await call('GET', `/campaign/campaigns?${q}`)).body.campaigns.map(
        (c: { name: string; finished: boolean }) => [c.name, c.finished],
      );
    expect(await names('finished=true')).toEqual([['Done', true]]);
    expect(await names('finished=false')).toEqual([
      ['Closed', false],
      ['Open', false],
      ['Empty', false],
    ]);
    await call('POST', `/campaign/campaigns/${done.id}/pause`);
    expect(await names('finished=true&status=paused')).toEqual([['Done', true]]);
    expect((await call('GET', '/campaign/campaigns?finished=maybe')).status).toBe(422);
    expect((await call('GET', `/campaign/campaigns/${empty.id}`)).body.finished).toBe(false);
  });

  it('are absent with EXTENSIONS=off: unknown keys, neither checked nor kept, never sent', async () => {
    const { db } = setup();
    const off = createApp({ db, extensions: false });
    const send = async (method: string, path: string, body?: unknown) => {
      const res = await off.request(path, {
        method,
        headers: { Authorization: 'Bearer ak_test_manage', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    const cfg = await send('POST', '/campaign/configurations', {
      name: 'Plain',
      rate_card: { currency: 'nope' },
    });
    expect(cfg.status).toBe(201);
    expect(cfg.body).not.toHaveProperty('rate_card');
    const campaign = await send('POST', '/campaign/campaigns', {
      name: 'Plain',
      goal: { results: ['bad'] },
    });
    expect(campaign.status).toBe(201);
    expect(campaign.body).not.toHaveProperty('goal');
    expect(campaign.body).not.toHaveProperty('finished');
    expect(db.prepare('SELECT goal FROM campaigns').get()).toEqual({ goal: null });
    const list = await send('GET', '/campaign/campaigns?finished=true');
    expect(list.body.campaigns).toHaveLength(1);
  });
});
