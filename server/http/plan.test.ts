import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { createDialer } from '../dialer/dialer.ts';
import { manualClock } from '../testing/dialer-test-support.ts';
import { setup, TOKENS } from '../testing/test-support.ts';

type Plan = {
  campaign_id: string;
  remaining: { contacts: number; attempts_expected: number | null };
  attempts_per_line_hour: number | null;
  basis: string;
  lines_now: number;
  at_lines: { lines: number; finishes_at: string | null }[];
  deadline: { at: string; lines_needed: number | null; within_org_limit: boolean } | null;
  cost_to_finish: number | null;
};

/** Org A with a campaign of 300 contacts (three tries, 10 minutes apart) dialed for an hour. */
async function dialed() {
  const clock = manualClock('2026-11-23T15:00:00Z');
  const s = setup(clock.now);
  const dialer = createDialer({ db: s.db, now: clock.now, seed: 3, speed: 1 });
  const cfg = await s.call('POST', '/campaign/configurations', {
    body: { name: 'Three tries', max_attempts: 3, retry_interval_minutes: 10 },
  });
  const contacts = Array.from({ length: 300 }, (_, i) => ({
    external_id: `k${i}`,
    phone_numbers: [`+1415555${String(i).padStart(4, '0')}`],
  }));
  const campaign = await s.call('POST', '/campaign/campaigns', {
    body: { name: 'Spring', external_id: 'spring', configuration_id: cfg.body.id, contacts },
  });
  for (let t = 0; t < 60 * 60_000; t += 5000) {
    clock.advance(5000);
    dialer.tick();
  }
  return { ...s, clock, id: campaign.body.id as string };
}

/**
 * Org A with a campaign of 40 contacts (two tries) whose first 20 were called once at `now`
 * less an hour: 5 completed (talk 60..300 s, 180 s on average), 15 unanswered; 20 are fresh.
 * By hand: attempt 1 and the pooled rate both miss 15 / 20 = 0.75, so the 20 fresh contacts
 * make 20 + 15 calls and complete 5 + 3.75, the 15 waiting make 15 and complete 3.75: 50 calls
 * and 12.5 completions to come.
 */
async function seeded(rateCard: { currency: string; per_minute: number; per_call: number } | null) {
  const s = setup(() => new Date('2026-11-23T15:00:00Z'));
  const cfg = await s.call('POST', '/campaign/configurations', {
    body: { name: 'Two tries', max_attempts: 2, retry_interval_minutes: 60, rate_card: rateCard },
  });
  const contacts = Array.from({ length: 40 }, (_, i) => ({
    external_id: `k${i}`,
    phone_numbers: [`+1415555${String(i).padStart(4, '0')}`],
  }));
  const campaign = await s.call('POST', '/campaign/campaigns', {
    body: { name: 'Priced', external_id: 'priced', configuration_id: cfg.body.id, contacts },
  });
  const id = campaign.body.id as string;
  const attempt = s.db.prepare(
    `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, started_at, ended_at, status)
     SELECT ?, 'org_a', ?, id, '+14155550000', ?, ?, ? FROM contacts WHERE campaign_id = ? AND external_id = ?`,
  );
  for (let i = 0; i < 20; i++) {
    const completed = i < 5;
    const talk = completed ? 60 * (i + 1) : 30;
    attempt.run(
      `a${i}`,
      id,
      '2026-11-23T14:00:00Z',
      new Date(Date.parse('2026-11-23T14:00:00Z') + talk * 1000).toISOString(),
      completed ? 'completed' : 'no_answer',
      id,
      `k${i}`,
    );
    if (completed) {
      s.db
        .prepare(
          "UPDATE contacts SET status = 'completed' WHERE campaign_id = ? AND external_id = ?",
        )
        .run(id, `k${i}`);
    }
  }
  return { ...s, id };
}

describe('plan (ext)', () => {
  it('places the work left at every line count up to the org limit, never later with more lines', async () => {
    const s = await dialed();
    const { status, body } = await s.call<Plan>('GET', '/campaign/campaigns/spring/plan');
    expect(status).toBe(200);
    const stats = (await s.call('GET', `/campaign/campaigns/${s.id}/stats`)).body;
    expect(body.campaign_id).toBe(s.id);
    expect(body.remaining.contacts).toBe(stats.contacts.pending + stats.contacts.in_progress);
    expect(body.remaining.attempts_expected).toBeGreaterThan(body.remaining.contacts);
    expect(body.attempts_per_line_hour).toBeGreaterThan(0);
    expect(body.basis).toBe('last 100 calls');
    expect(body.lines_now).toBe(10);
    expect(body.at_lines.map((a) => a.lines)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const times = body.at_lines.map((a) => Date.parse(a.finishes_at!));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1]!);
    expect(times[0]).toBeGreaterThan(times[9]!);
    expect(times[9]).toBeGreaterThan(s.clock.now().getTime());
    expect(body.deadline).toBeNull();
  });

  it('answers a deadline with the least lines that meet it, beyond the org limit too', async () => {
    const s = await dialed();
    const { body: plain } = await s.call<Plan>('GET', `/campaign/campaigns/${s.id}/plan`);
    const at5 = plain.at_lines[4]!.finishes_at!;
    const { body } = await s.call<Plan>(
      'GET',
      `/campaign/campaigns/${s.id}/plan?deadline=${encodeURIComponent(at5)}`,
    );
    const least = plain.at_lines.find((a) => a.finishes_at! <= at5)!.lines;
    expect(body.deadline).toEqual({ at: at5, lines_needed: least, within_org_limit: true });

    // Just after the 10-line finish less 1 ms: more than the limit of 10 is needed.
    const tight = new Date(Date.parse(plain.at_lines[9]!.finishes_at!) - 60_000).toISOString();
    const { body: over } = await s.call<Plan>(
      'GET',
      `/campaign/campaigns/${s.id}/plan?deadline=${tight}`,
    );
    expect(over.deadline!.within_org_limit).toBe(false);
    expect(over.deadline!.lines_needed === null || over.deadline!.lines_needed > 10).toBe(true);
  });

  it('caps lines_now at the campaign cap', async () => {
    const s = await dialed();
    await s.call('PATCH', `/campaign/campaigns/${s.id}`, { body: { max_concurrent_calls: 4 } });
    const { body } = await s.call<Plan>('GET', `/campaign/campaigns/${s.id}/plan`);
    expect(body.lines_now).toBe(4);
    expect(body.at_lines).toHaveLength(10);
  });

  it('refuses a deadline in the past or not a timestamp with 422 and a detail', async () => {
    const s = await dialed();
    const past = await s.call(
      'GET',
      `/campaign/campaigns/${s.id}/plan?deadline=2026-11-23T15:59:00Z`,
    );
    expect(past.status).toBe(422);
    expect(past.body.detail[0]).toMatchObject({
      loc: ['query', 'deadline'],
      msg: 'The deadline is in the past',
    });
    const junk = await s.call('GET', `/campaign/campaigns/${s.id}/plan?deadline=friday`);
    expect(junk.status).toBe(422);
    expect(junk.body.detail[0].loc).toEqual(['query', 'deadline']);
  });

  it('gives null figures and says why without 20 ended calls', async () => {
    const s = setup();
    await s.call('POST', '/campaign/campaigns', {
      body: {
        name: 'New',
        external_id: 'new',
        contacts: [{ external_id: 'a', phone_numbers: ['+14155550100'] }],
      },
    });
    const { body } = await s.call<Plan>(
      'GET',
      '/campaign/campaigns/new/plan?deadline=2026-11-30T17:00:00Z',
    );
    expect(body).toMatchObject({
      remaining: { contacts: 1, attempts_expected: null },
      attempts_per_line_hour: null,
      at_lines: [],
      deadline: { at: '2026-11-30T17:00:00Z', lines_needed: null, within_org_limit: false },
      cost_to_finish: null,
    });
    expect(body.basis).toMatch(/fewer than 20 ended calls \(0 so far\)/);
  });

  it('plans every active campaign of the org in one answer, none of another org', async () => {
    const s = await dialed();
    const paused = await s.call('POST', '/campaign/campaigns', { body: { name: 'Paused' } });
    await s.call('POST', `/campaign/campaigns/${paused.body.id}/pause`);
    await s.call('POST', '/campaign/campaigns', { token: TOKENS.other, body: { name: 'B' } });
    const org = await s.call<{ concurrency_limit: number; campaigns: Plan[] }>(
      'GET',
      '/campaign/plan',
    );
    expect(org.status).toBe(200);
    expect(org.body.concurrency_limit).toBe(10);
    expect(org.body.campaigns.map((p) => p.campaign_id)).toEqual([s.id]);
    const single = await s.call<Plan>('GET', `/campaign/campaigns/${s.id}/plan`);
    expect(org.body.campaigns[0]).toEqual(single.body);
  });

  it('is read with campaigns:read, and 404 without the extension or for another org', async () => {
    const s = await dialed();
    expect(
      (await s.call('GET', `/campaign/campaigns/${s.id}/plan`, { token: TOKENS.read })).status,
    ).toBe(200);
    expect((await s.call('GET', '/campaign/plan', { token: TOKENS.concurrency })).status).toBe(403);
    expect(
      (await s.call('GET', `/campaign/campaigns/${s.id}/plan`, { token: TOKENS.other })).status,
    ).toBe(404);
    const off = createApp({ db: s.db, extensions: false });
    for (const path of [`/campaign/campaigns/${s.id}/plan`, '/campaign/plan']) {
      const res = await off.request(path, {
        headers: { Authorization: `Bearer ${TOKENS.manage}` },
      });
      expect(res.status).toBe(404);
    }
  });
  it('prices the calls still to come with the configuration’s rate card', async () => {
    const s = await seeded({ currency: 'USD', per_minute: 0.0875, per_call: 0.0125 });
    const { body } = await s.call<Plan>('GET', `/campaign/campaigns/${s.id}/plan`);
    expect(body.remaining).toEqual({ contacts: 35, attempts_expected: 50 });
    // 50 calls × 0.0125 + 12.5 completions × 180 s / 60 × 0.0875 = 0.625 + 3.28125 = 3.90625.
    expect(body.cost_to_finish).toBe(3.91);
  });

  it('has no cost to finish without a rate card, or without enough history', async () => {
    const s = await seeded(null);
    const { body } = await s.call<Plan>('GET', `/campaign/campaigns/${s.id}/plan`);
    expect(body.remaining.attempts_expected).toBe(50);
    expect(body.cost_to_finish).toBeNull();

    const cfg = await s.call('POST', '/campaign/configurations', {
      body: { name: 'Priced', rate_card: { currency: 'EUR', per_minute: 0.1, per_call: 0.01 } },
    });
    await s.call('POST', '/campaign/campaigns', {
      body: {
        name: 'New',
        external_id: 'new',
        configuration_id: cfg.body.id,
        contacts: [{ external_id: 'a', phone_numbers: ['+14155550100'] }],
      },
    });
    const fresh = await s.call<Plan>('GET', '/campaign/campaigns/new/plan');
    expect(fresh.body.attempts_per_line_hour).toBeNull();
    expect(fresh.body.cost_to_finish).toBeNull();
  });

  it('gives each campaign of the org plan its own cost to finish', async () => {
    const s = await seeded({ currency: 'USD', per_minute: 0.0875, per_call: 0.0125 });
    const unpriced = await s.call('POST', '/campaign/campaigns', {
      body: { name: 'Unpriced', contacts: [{ phone_numbers: ['+14155550100'] }] },
    });
    const org = await s.call<{ concurrency_limit: number; campaigns: Plan[] }>(
      'GET',
      '/campaign/plan',
    );
    expect(org.body.campaigns.map((p) => [p.campaign_id, p.cost_to_finish])).toEqual([
      [s.id, 3.91],
      [unpriced.body.id, null],
    ]);
  });
});
