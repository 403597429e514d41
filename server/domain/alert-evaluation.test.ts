import { describe, expect, it } from 'vitest';
import { alertsSetup, times, WEBHOOK } from '../testing/alerts-test-support.ts';

// Each condition on a manual clock: never fires while false, fires once when it becomes true
// (one delivery per channel), resolves once when it stops being true.

type S = ReturnType<typeof alertsSetup>;

async function rule(s: S, condition: unknown, campaign_id: string | null = null) {
  const res = await s.call('POST', '/campaign/alerts/rules', {
    name: 'Watch',
    campaign_id,
    condition,
    channels: [WEBHOOK, { type: 'slack', url: 'https://hooks.slack.com/services/T0/B0/xyz' }],
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** Evaluates every 15 s for `minutes`, delivering what is due each time. */
async function evaluateFor(s: S, minutes: number, between: () => void = () => {}) {
  for (let t = 0; t < minutes * 4; t++) {
    s.clock.advance(15_000);
    between();
    s.alerts.evaluate();
    await s.alerts.deliverDue();
  }
}

const states = (s: S) => s.sent.map((r) => JSON.parse(r.body).state ?? 'slack');
const webhookStates = (s: S) =>
  s.sent.filter((r) => r.headers['X-Headroom-Signature']).map((r) => JSON.parse(r.body).state);

async function campaign(s: S, n: number, extra: Record<string, unknown> = {}) {
  const res = await s.call('POST', '/campaign/campaigns', {
    name: 'Spring outreach',
    contacts: s.contacts(n),
    ...extra,
  });
  return res.body.id as string;
}

describe('alert conditions', () => {
  it('finished: fires once when nothing is left to call, resolves once when contacts arrive', async () => {
    const s = alertsSetup();
    const cfg = await s.call('POST', '/campaign/configurations', { name: 'Once', max_attempts: 1 });
    const id = await campaign(s, 3, { configuration_id: cfg.body.id });
    await rule(s, { kind: 'finished' }, id);
    // The dialer works through the contacts; never fires while any is pending or in flight.
    for (let i = 0; i < 400; i++) {
      s.clock.advance(15_000);
      s.dialer.tick();
      const stats = (await s.call('GET', `/campaign/campaigns/${id}/stats`)).body;
      s.alerts.evaluate();
      await s.alerts.deliverDue();
      const left = stats.contacts.pending + stats.contacts.in_progress;
      if (left > 0) expect(s.sent).toHaveLength(0);
      else break;
    }
    expect(webhookStates(s)).toEqual(['firing']);
    await evaluateFor(s, 5);
    expect(webhookStates(s)).toEqual(['firing']);
    const [event] = await s.events();
    expect(event).toMatchObject({ state: 'firing', campaign_id: id, resolved_at: null });
    expect(event.message).toMatch(/^Spring outreach finished: \d of 3 contacts completed/);
    expect(event.deliveries).toEqual([
      expect.objectContaining({
        channel: { type: 'webhook', host: 'hooks.example.com' },
        status: 'delivered',
        attempts: 1,
      }),
      expect.objectContaining({
        channel: { type: 'slack', host: 'hooks.slack.com' },
        status: 'delivered',
      }),
    ]);
    // Slack gets its own body.
    expect(JSON.parse(s.sent[1]!.body)).toEqual({ text: expect.stringContaining('finished') });

    await s.call('POST', `/campaign/campaigns/${id}/contacts`, { contacts: s.contacts(1, 'new') });
    await evaluateFor(s, 1);
    expect(webhookStates(s)).toEqual(['firing', 'resolved']);
    expect((await s.events())[0]).toMatchObject({
      state: 'resolved',
      resolved_at: expect.any(String),
    });
  });

  it('stalled: fires after for_minutes without a call while contacts wait, resolves on the next call', async () => {
    const s = alertsSetup();
    const id = await campaign(s, 20);
    await s.call('POST', `/campaign/campaigns/${id}/pause`);
    await rule(s, { kind: 'stalled', for_minutes: 5 }, id);
    // Paused: not stalled, however long.
    await evaluateFor(s, 30);
    expect(s.sent).toHaveLength(0);
    await s.call('POST', `/campaign/campaigns/${id}/start`);
    // Waiting counts from the first evaluation that sees it (15 s later).
    await evaluateFor(s, 5);
    expect(s.sent).toHaveLength(0);
    await evaluateFor(s, 0.25);
    expect(webhookStates(s)).toEqual(['firing']);
    await evaluateFor(s, 10);
    expect(webhookStates(s)).toEqual(['firing']);
    const [event] = await s.events();
    expect(event).toMatchObject({ value: 5, threshold: 5 });
    // The dialer calls: resolved once, and not fired again while it keeps calling.
    await evaluateFor(s, 3, () => s.dialer.tick());
    expect(webhookStates(s)).toEqual(['firing', 'resolved']);
  });

  it('at_cap: fires when the org holds its limit for for_minutes, resolves when it has room', async () => {
    const s = alertsSetup();
    await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 2 });
    const id = await campaign(s, 20);
    await rule(s, { kind: 'at_cap', for_minutes: 2 });
    await evaluateFor(s, 5);
    expect(s.sent).toHaveLength(0);
    s.dialer.tick(); // two calls in flight: the org is at its limit (calls do not end: no ticks)
    await evaluateFor(s, 2);
    expect(s.sent).toHaveLength(0);
    await evaluateFor(s, 0.25);
    expect(webhookStates(s)).toEqual(['firing']);
    const [event] = await s.events();
    expect(event).toMatchObject({ campaign_id: null, value: 2, threshold: 2 });
    await evaluateFor(s, 5);
    await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 5 });
    await evaluateFor(s, 5);
    expect(webhookStates(s)).toEqual(['firing', 'resolved']);
    expect(id).toBeTruthy();
  });

  it('rate_below (answer rate): only over window_calls ended calls, once, and resolves once', async () => {
    const s = alertsSetup();
    const id = await campaign(s, 5);
    await rule(s, { kind: 'rate_below', metric: 'answer_rate', threshold: 30, window_calls: 20 });
    // 19 unanswered calls are not yet a window.
    s.endedCalls(id, times(19, 'no_answer'));
    await evaluateFor(s, 1);
    expect(s.sent).toHaveLength(0);
    s.clock.advance(60_000);
    s.endedCalls(id, ['completed', 'no_answer', 'no_answer', 'no_answer', 'no_answer']);
    await evaluateFor(s, 3);
    expect(webhookStates(s)).toEqual(['firing']);
    // The last 20: 1 completed out of 20 (the oldest minute pro rata).
    expect((await s.events())[0]).toMatchObject({ value: 5, threshold: 30 });
    s.clock.advance(60_000);
    s.endedCalls(id, times(10, 'completed'));
    await evaluateFor(s, 3);
    expect(webhookStates(s)).toEqual(['firing', 'resolved']);
    // Just under again, with fewer fresh calls than a window: no new episode (no flapping).
    s.clock.advance(60_000);
    s.endedCalls(id, times(6, 'no_answer'));
    await evaluateFor(s, 3);
    expect(webhookStates(s)).toEqual(['firing', 'resolved']);
  });

  it('rate_below (conversion rate): the goal’s conversions among contacts answered', async () => {
    const s = alertsSetup();
    const id = await campaign(s, 30);
    await rule(
      s,
      { kind: 'rate_below', metric: 'conversion_rate', threshold: 30, window_calls: 20 },
      id,
    );
    const contacts = s.db
      .prepare('SELECT id FROM contacts WHERE campaign_id = ? ORDER BY seq')
      .all(id) as { id: string }[];
    const answered = (from: number, to: number, interested: boolean) => {
      const at = s.clock.now().toISOString();
      for (const k of contacts.slice(from, to))
        s.db
          .prepare(
            `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, started_at, ended_at, status, result)
             VALUES (?, 'org_a', ?, ?, '+14155550100', ?, ?, 'completed', ?)`,
          )
          .run(
            `${k.id}-${at}`,
            id,
            k.id,
            at,
            at,
            JSON.stringify({ 'qualification.interested': interested }),
          );
    };
    answered(0, 20, false);
    answered(20, 25, true);
    // No goal: no conversion rate, whatever the calls.
    await evaluateFor(s, 2);
    expect(s.sent).toHaveLength(0);
    await s.call('PATCH', `/campaign/campaigns/${id}`, {
      goal: { results: ['qualification.interested:true'] },
    });
    await evaluateFor(s, 2);
    expect(webhookStates(s)).toEqual(['firing']);
    expect((await s.events())[0]).toMatchObject({ value: 20, threshold: 30 });
    s.clock.advance(60_000);
    answered(0, 10, true); // 15 of 25 converted
    await evaluateFor(s, 2);
    expect(webhookStates(s)).toEqual(['firing', 'resolved']);
  });

  it('failed_share_above: failed and busy share of the last window_calls', async () => {
    const s = alertsSetup();
    const id = await campaign(s, 5);
    await rule(s, { kind: 'failed_share_above', threshold: 40, window_calls: 20 }, id);
    s.endedCalls(id, [...times(8, 'failed'), ...times(12, 'completed')]);
    await evaluateFor(s, 2);
    expect(s.sent).toHaveLength(0); // 40% is not above 40%
    s.clock.advance(60_000);
    s.endedCalls(id, [...times(5, 'busy'), ...times(5, 'failed')]);
    await evaluateFor(s, 2);
    expect(webhookStates(s)).toEqual(['firing']);
    expect((await s.events())[0]).toMatchObject({ value: 70, threshold: 40 });
    s.clock.advance(60_000);
    s.endedCalls(id, times(20, 'completed'));
    await evaluateFor(s, 2);
    expect(webhookStates(s)).toEqual(['firing', 'resolved']);
  });

  it('answer_rate_drop: the last hour against the same hour on earlier days', async () => {
    const s = alertsSetup({ start: '2026-11-30T14:30:00Z' });
    const id = await campaign(s, 5);
    // Yesterday at these hours: 30 of 40 answered (75%).
    s.endedCalls(id, [...times(30, 'completed'), ...times(10, 'no_answer')]);
    s.clock.set('2026-12-01T14:00:00Z');
    await rule(s, { kind: 'answer_rate_drop', threshold: 50 }, id);
    // Today so far: 12 of 20 (60%): not below half of 75%.
    s.clock.set('2026-12-01T14:29:00Z');
    s.endedCalls(id, [...times(12, 'completed'), ...times(8, 'no_answer')]);
    await evaluateFor(s, 5);
    expect(s.sent).toHaveLength(0);
    s.endedCalls(id, times(20, 'no_answer')); // 12 of 40: 30% < 37.5%
    await evaluateFor(s, 5);
    expect(webhookStates(s)).toEqual(['firing']);
    expect((await s.events())[0]).toMatchObject({ value: 30, threshold: 37.5 });
    await evaluateFor(s, 20);
    expect(webhookStates(s)).toEqual(['firing']);
    s.endedCalls(id, times(40, 'completed')); // 52 of 80
    await evaluateFor(s, 2);
    expect(webhookStates(s)).toEqual(['firing', 'resolved']);
  });

  it('an org-wide rule watches each campaign apart; a closed campaign resolves its episode', async () => {
    const s = alertsSetup();
    const a = await campaign(s, 2);
    const b = await campaign(s, 2, { name: 'Autumn push' });
    await rule(s, { kind: 'failed_share_above', threshold: 10, window_calls: 10 });
    s.endedCalls(a, times(10, 'failed'));
    s.endedCalls(b, times(10, 'completed'));
    await evaluateFor(s, 1);
    expect((await s.events()).map((e) => e.campaign_id)).toEqual([a]);
    await s.call('POST', `/campaign/campaigns/${a}/close`);
    await evaluateFor(s, 1);
    expect((await s.events())[0]).toMatchObject({ state: 'resolved', campaign_id: a });
    expect(JSON.parse(s.sent.at(-2)!.body)).toMatchObject({
      state: 'resolved',
      campaign: { id: a, name: 'Spring outreach' },
      message: 'Spring outreach is closed',
    });
  });

  it('a disabled rule never fires, and disabling closes an open episode quietly', async () => {
    const s = alertsSetup();
    const id = await campaign(s, 2);
    const ruleId = await rule(s, { kind: 'failed_share_above', threshold: 10, window_calls: 10 });
    s.endedCalls(id, times(10, 'failed'));
    await evaluateFor(s, 1);
    expect(states(s)).toHaveLength(2);
    await s.call('PATCH', `/campaign/alerts/rules/${ruleId}`, { enabled: false });
    expect(await s.events('?state=firing')).toEqual([]);
    await evaluateFor(s, 5);
    expect(states(s)).toHaveLength(2);
  });
});
