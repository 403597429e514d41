import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { checkInvariants, dialerSetup, run } from '../testing/dialer-test-support.ts';
import { setup, TOKENS } from '../testing/test-support.ts';
import { callsOf, recountTimeline, type CallRecord } from '../testing/timeline-test-support.ts';

type Point = {
  at: string;
  started: number;
  ended: Record<string, number>;
  active_calls_max: number;
};

/** A campaign of 400 contacts dialed for 90 simulated minutes at a limit of 6, lowered to 3 after an hour. */
async function dialedCampaign() {
  const s = dialerSetup({ seed: 5 });
  await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 6 });
  const cfg = await s.call('POST', '/campaign/configurations', {
    name: 'Three tries',
    max_attempts: 3,
    retry_interval_minutes: 10,
  });
  const campaign = await s.call('POST', '/campaign/campaigns', {
    name: 'T',
    external_id: 't',
    configuration_id: cfg.id,
    contacts: s.contacts(400),
  });
  run(s, 60);
  await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 3 });
  run(s, 30);
  checkInvariants(s.db, 6);
  return { ...s, campaign };
}

const FROM = '2026-11-23T14:30:00Z';
const TO = '2026-11-23T17:00:00Z';
const nowIso = (s: { clock: { now: () => Date } }) => s.clock.now().toISOString();

describe('timelines (ext)', () => {
  it('equal a recount from the calls after a dialer run, in any bucket size, by UUID or external_id', async () => {
    const s = await dialedCampaign();
    for (const bucket of [60, 300, 3600]) {
      const res = await s.call(
        'GET',
        `/campaign/campaigns/t/timeline?from=${FROM}&to=${TO}&bucket_seconds=${bucket}`,
      );
      // Buckets are aligned to their size: an hour's begins at 14:00.
      const from = bucket === 3600 ? '2026-11-23T14:00:00Z' : FROM;
      const expected = recountTimeline(
        callsOf(s.db, 'campaign_id', s.campaign.id),
        from,
        TO,
        bucket,
        nowIso(s),
      );
      expect(res.points).toEqual(expected);
      expect(res).toMatchObject({ bucket_seconds: bucket, from, to: TO });
      const org = await s.call(
        'GET',
        `/campaign/concurrency-settings/timeline?from=${FROM}&to=${TO}&bucket_seconds=${bucket}`,
      );
      expect(org.points.map((p: { active_calls_max: number }) => p.active_calls_max)).toEqual(
        recountTimeline(callsOf(s.db, 'org_id', 'org_a'), from, TO, bucket, nowIso(s)).map(
          (p) => p.active_calls_max,
        ),
      );
    }
    const byId = await s.call(
      'GET',
      `/campaign/campaigns/${s.campaign.id}/timeline?from=${FROM}&to=${TO}`,
    );
    const points = byId.points as Point[];
    // The run happened: 15:00 to 16:30, at most 6 then 3 calls in flight, nothing before or after.
    expect(
      points
        .filter((p) => p.at < '2026-11-23T15:00:00Z')
        .every((p) => p.started === 0 && p.active_calls_max === 0),
    ).toBe(true);
    expect(Math.max(...points.map((p) => p.active_calls_max))).toBe(6);
    expect(
      points.find((p) => p.at === '2026-11-23T16:20:00Z')!.active_calls_max,
    ).toBeLessThanOrEqual(3);
    expect(
      points.filter((p) => p.at > '2026-11-23T16:30:00Z').every((p) => p.active_calls_max === 0),
    ).toBe(true);
    const total = points.reduce((n, p) => n + p.started, 0);
    expect(total).toBe((s.db.prepare('SELECT COUNT(*) n FROM attempts').get() as { n: number }).n);
  });

  it('show the limit in force on the org timeline, and what changed it', async () => {
    const s = await dialedCampaign();
    const org = await s.call(
      'GET',
      `/campaign/concurrency-settings/timeline?from=${FROM}&to=${TO}&bucket_seconds=600`,
    );
    const limits = Object.fromEntries(
      org.points.map((p: { at: string; concurrency_limit: number }) => [
        p.at.slice(11, 16),
        p.concurrency_limit,
      ]),
    );
    // Set to 6 at 15:00, before the first call; lowered to 3 at 16:00.
    expect(limits).toMatchObject({
      '14:30': 6,
      '15:00': 6,
      '15:50': 6,
      '16:00': 3,
      '16:20': 3,
      '16:50': 3,
    });
  });

  it('keep a deleted contact’s calls as history, and stop counting its call in flight', async () => {
    const s = await dialedCampaign();
    await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 6 });
    run(s, 1);
    s.clock.advance(1000);
    const calls = callsOf(s.db, 'campaign_id', s.campaign.id);
    const inFlight = s.db
      .prepare("SELECT contact_id FROM attempts WHERE campaign_id = ? AND status = 'in_progress'")
      .all(s.campaign.id) as { contact_id: string }[];
    const done = s.db
      .prepare("SELECT id FROM contacts WHERE campaign_id = ? AND status = 'completed' LIMIT 3")
      .all(s.campaign.id) as { id: string }[];
    expect(inFlight.length).toBeGreaterThan(1);
    const before = await s.call('GET', `/campaign/campaigns/t/timeline?from=${FROM}&to=${TO}`);
    for (const { contact_id } of inFlight.slice(0, 2))
      await s.call('DELETE', `/campaign/campaigns/t/contacts/${contact_id}`);
    for (const { id } of done) await s.call('DELETE', `/campaign/campaigns/t/contacts/${id}`);
    const gone = new Set(inFlight.slice(0, 2).map((c) => c.contact_id));
    const goneAt = nowIso(s);
    const after = await s.call('GET', `/campaign/campaigns/t/timeline?from=${FROM}&to=${TO}`);
    // The deletes changed nothing that happened.
    expect(after.points).toEqual(before.points);
    run(s, 20);
    const history: CallRecord[] = [
      ...callsOf(s.db, 'campaign_id', s.campaign.id),
      ...calls
        .filter((c) => !s.db.prepare('SELECT 1 FROM attempts WHERE seq = ?').get(c.seq))
        .map((c) => (c.status === 'in_progress' ? { ...c, gone_at: goneAt } : c)),
    ];
    expect(gone.size).toBe(2);
    const later = await s.call('GET', `/campaign/campaigns/t/timeline?from=${FROM}&to=${TO}`);
    expect(later.points).toEqual(recountTimeline(history, FROM, TO, 60, nowIso(s)));
  });

  it('keep a requeued contact’s finish, and count it again when it finishes again', async () => {
    const s = await dialedCampaign();
    const finished = () =>
      (
        s.db
          .prepare('SELECT SUM(finished) n FROM campaign_minutes WHERE campaign_id = ?')
          .get(s.campaign.id) as { n: number }
      ).n;
    const done = () =>
      (
        s.db
          .prepare(
            "SELECT COUNT(*) n FROM contacts WHERE campaign_id = ? AND status IN ('completed', 'exhausted')",
          )
          .get(s.campaign.id) as { n: number }
      ).n;
    expect(finished()).toBe(done());
    const before = await s.call('GET', `/campaign/campaigns/t/timeline?from=${FROM}&to=${TO}`);
    const { requeued } = await s.call('POST', '/campaign/campaigns/t/contacts/requeue', {
      status: ['exhausted', 'completed'],
    });
    expect(requeued).toBeGreaterThan(0);
    expect(await s.call('GET', `/campaign/campaigns/t/timeline?from=${FROM}&to=${TO}`)).toEqual(
      expect.objectContaining({ points: before.points }),
    );
    expect(finished()).toBe(done() + requeued);
    run(s, 20);
    expect(finished()).toBe(done() + requeued);
  });

  it('forecast from the contacts finished in the last 30 minutes, and not for a paused campaign', async () => {
    const s = await dialedCampaign();
    const res = await s.call('GET', '/campaign/campaigns/t/timeline');
    const stats = await s.call('GET', `/campaign/campaigns/${s.campaign.id}/stats`);
    const finished = (
      s.db
        .prepare(
          `SELECT COUNT(*) n FROM contacts WHERE campaign_id = ? AND status IN ('completed', 'exhausted')
       AND last_ended_at >= '2026-11-23T16:00:00Z' AND last_ended_at < '2026-11-23T16:30:00Z'`,
        )
        .get(s.campaign.id) as { n: number }
    ).n;
    expect(finished).toBeGreaterThan(0);
    expect(res.forecast).toMatchObject({
      rate_per_hour: finished * 2,
      remaining: stats.contacts.pending + stats.contacts.in_progress,
      basis: 'last 30 minutes',
    });
    const hours = res.forecast.remaining / res.forecast.rate_per_hour;
    expect(Date.parse(res.forecast.finishes_at) - s.clock.now().getTime()).toBeCloseTo(
      hours * 3_600_000,
      -4,
    );
    // The default range: the 6 hours before now in minutes; the current minute once it has begun.
    expect(res.points).toHaveLength(360);
    expect(res).toMatchObject({
      bucket_seconds: 60,
      from: '2026-11-23T10:30:00Z',
      to: '2026-11-23T16:30:00Z',
    });
    s.clock.advance(20_000);
    const partial = await s.call('GET', '/campaign/campaigns/t/timeline');
    expect(partial.points).toHaveLength(361);
    expect(partial.points.at(-1).at).toBe('2026-11-23T16:30:00Z');
    await s.call('POST', '/campaign/campaigns/t/pause');
    expect((await s.call('GET', '/campaign/campaigns/t/timeline')).forecast).toMatchObject({
      rate_per_hour: finished * 2,
      finishes_at: null,
    });
  });

  it('refuse a bad range with the contract’s 422 detail', async () => {
    const { call } = setup();
    await call('POST', '/campaign/campaigns', { body: { name: 'R', external_id: 'r' } });
    const cases: [string, string, string][] = [
      ['from=2026-11-22T10:00:00Z&to=2026-11-22T09:00:00Z', 'from', 'range_invalid'],
      ['from=2026-11-14T09:00:00Z&to=2026-11-22T09:00:00Z', 'from', 'range_too_long'],
      [
        'from=2026-11-15T08:00:00Z&to=2026-11-22T09:00:00Z&bucket_seconds=3600',
        'from',
        'range_too_long',
      ],
      [
        'from=2026-11-21T09:00:00Z&to=2026-11-22T09:00:00Z&bucket_seconds=60',
        'bucket_seconds',
        'too_many_buckets',
      ],
      ['bucket_seconds=90', 'bucket_seconds', 'not_multiple_of'],
      ['bucket_seconds=0', 'bucket_seconds', 'too_small'],
      ['from=yesterday', 'from', 'invalid_format'],
    ];
    for (const path of [
      '/campaign/campaigns/r/timeline',
      '/campaign/concurrency-settings/timeline',
    ]) {
      for (const [q, field, type] of cases) {
        const res = await call('GET', `${path}?${q}`);
        expect(res.status, q).toBe(422);
        expect(res.body.detail, q).toEqual([
          expect.objectContaining({ loc: ['query', field], type }),
        ]);
      }
      // Seven days is allowed, and a client's "now minus 7 days" a little behind our clock too.
      expect(
        (
          await call(
            'GET',
            `${path}?from=2026-11-15T09:00:00Z&to=2026-11-22T09:00:00Z&bucket_seconds=3600`,
          )
        ).body.points,
      ).toHaveLength(168);
      expect(
        (await call('GET', `${path}?from=2026-11-15T09:29:59.250Z&bucket_seconds=3600`)).body
          .points,
      ).toHaveLength(169);
    }
  });

  it('need campaigns:read and concurrency:read, and never show another org', async () => {
    const { call } = setup();
    const campaign = (
      await call('POST', '/campaign/campaigns', { body: { name: 'R', external_id: 'r' } })
    ).body;
    expect(
      (await call('GET', `/campaign/campaigns/${campaign.id}/timeline`, { token: TOKENS.read }))
        .status,
    ).toBe(200);
    expect(
      (
        await call('GET', `/campaign/campaigns/${campaign.id}/timeline`, {
          token: TOKENS.concurrencyRead,
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('GET', `/campaign/campaigns/${campaign.id}/timeline`, { token: TOKENS.other }))
        .status,
    ).toBe(404);
    expect(
      (
        await call('GET', '/campaign/concurrency-settings/timeline', {
          token: TOKENS.concurrencyRead,
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('GET', '/campaign/concurrency-settings/timeline', { token: TOKENS.read })).status,
    ).toBe(200);
    const empty = await call('GET', '/campaign/concurrency-settings/timeline?bucket_seconds=3600', {
      token: TOKENS.other,
    });
    expect(
      empty.body.points.every(
        (p: { active_calls_max: number; concurrency_limit: number }) =>
          p.active_calls_max === 0 && p.concurrency_limit === 10,
      ),
    ).toBe(true);
    expect(
      (await call('GET', `/campaign/campaigns/${campaign.id}/timeline`)).body.forecast,
    ).toEqual({
      rate_per_hour: 0,
      remaining: 0,
      finishes_at: null,
      basis: 'last 30 minutes',
      ended_calls: 0,
      finishes_range: null,
    });
  });

  it('are absent with EXTENSIONS=off, and listed by the session otherwise', async () => {
    const { db, call } = setup();
    const campaign = (await call('POST', '/campaign/campaigns', { body: { name: 'R' } })).body;
    expect((await call('GET', '/campaign/session')).body.extensions).toEqual(
      expect.arrayContaining(['timeline', 'stats-batch']),
    );
    const off = createApp({ db, extensions: false });
    for (const path of [
      `/campaign/campaigns/${campaign.id}/timeline`,
      '/campaign/concurrency-settings/timeline',
      `/campaign/stats?campaign_id=${campaign.id}`,
    ]) {
      const res = await off.request(path, {
        headers: { Authorization: `Bearer ${TOKENS.manage}` },
      });
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({ detail: expect.any(String) });
    }
  });
});

describe('stats for many campaigns (ext)', () => {
  it('answer each known campaign’s snapshot with its answer rate and finish, in the order asked', async () => {
    const s = await dialedCampaign();
    const other = await s.call('POST', '/campaign/campaigns', {
      name: 'Idle',
      contacts: s.contacts(5, 'idle'),
    });
    await s.call('POST', `/campaign/campaigns/${other.id}/pause`);
    const ids = [other.id, 'not-a-campaign', s.campaign.id, other.id];
    const res = await s.call(
      'GET',
      `/campaign/stats?${ids.map((id) => `campaign_id=${id}`).join('&')}`,
    );
    expect(res.stats.map((x: { campaign_id: string }) => x.campaign_id)).toEqual([
      other.id,
      s.campaign.id,
    ]);
    const [idle, busy] = res.stats;
    const single = (id: string) => s.call('GET', `/campaign/campaigns/${id}/stats`);
    // No goal and no rate card: no conversion rate and no spend, rather than zeros.
    expect(idle).toEqual({
      ...(await single(other.id)),
      answer_rate: null,
      finishes_at: null,
      ended_calls: 0,
      finishes_range: null,
      conversion_rate: null,
      cost: null,
    });
    const report = await s.call('GET', '/campaign/campaigns/t/report');
    const timeline = await s.call('GET', '/campaign/campaigns/t/timeline');
    expect(busy).toEqual({
      ...(await single(s.campaign.id)),
      answer_rate: report.rates.answer_rate,
      finishes_at: timeline.forecast.finishes_at,
      // The board's range is the Overview's.
      ended_calls: timeline.forecast.ended_calls,
      finishes_range: timeline.forecast.finishes_range,
      conversion_rate: null,
      cost: null,
    });
    expect(busy.finishes_at).not.toBeNull();
    expect(busy.ended_calls).toBe(report.attempts.total - report.attempts.in_progress);
  });

  it('refuse none or more than 200 ids, and leave out what the key may not see', async () => {
    const { call } = setup();
    const mine = (await call('POST', '/campaign/campaigns', { body: { name: 'Mine' } })).body;
    const theirs = (
      await call('POST', '/campaign/campaigns', { body: { name: 'Theirs' }, token: TOKENS.other })
    ).body;
    const none = await call('GET', '/campaign/stats', { token: TOKENS.read });
    expect(none.status).toBe(422);
    expect(none.body.detail).toEqual([expect.objectContaining({ loc: ['query', 'campaign_id'] })]);
    const many = Array.from(
      { length: 201 },
      (_, i) => `campaign_id=${i === 0 ? mine.id : `x${i}`}`,
    ).join('&');
    const over = await call('GET', `/campaign/stats?${many}`, { token: TOKENS.read });
    expect(over.status).toBe(422);
    expect(over.body.detail).toEqual([
      expect.objectContaining({
        loc: ['query', 'campaign_id'],
        msg: 'At most 200 campaign_id values',
      }),
    ]);
    const most = Array.from(
      { length: 200 },
      (_, i) => `campaign_id=${i === 199 ? mine.id : `x${i}`}`,
    ).join('&');
    expect(
      (await call('GET', `/campaign/stats?${most}`, { token: TOKENS.read })).body.stats,
    ).toHaveLength(1);
    const res = await call(
      'GET',
      `/campaign/stats?campaign_id=${theirs.id}&campaign_id=${mine.id}`,
      { token: TOKENS.read },
    );
    expect(res.body.stats.map((x: { campaign_id: string }) => x.campaign_id)).toEqual([mine.id]);
    expect(
      (
        await call('GET', `/campaign/stats?campaign_id=${mine.id}`, {
          token: TOKENS.concurrencyRead,
        })
      ).status,
    ).toBe(403);
  });
});
