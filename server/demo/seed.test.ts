import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../http/app.ts';
import { openDatabase } from '../db/schema.ts';
import { createDialer, DIALER_TICK_MS } from '../dialer/dialer.ts';
import { manualClock } from '../testing/dialer-test-support.ts';
import { DEMO_CAMPAIGN, DEMO_CREDENTIALS, seedDemo } from './seed.ts';

describe('demo data', () => {
  // One demo for both tests (a seed takes seconds): the first only reads, the second runs on.
  const db = openDatabase(':memory:');
  const clock = manualClock('2026-11-23T12:00:00Z');
  const start = clock.now().getTime();
  const speed = 30; // the default DIALER_SPEED
  const app = createApp({ db, now: clock.now });
  beforeAll(async () => {
    await seedDemo(db, { now: clock.now, speed });
    await seedDemo(db, { now: clock.now, speed }); // idempotent
  }, 120_000);

  it('creates the contract credentials, campaigns in every status and a long history, once', async () => {
    const get = async (
      path: string,
      token = 'ak_demo_manage',
      headers: Record<string, string> = {},
    ) => {
      const res = await app.request(path, {
        headers: { Authorization: `Bearer ${token}`, ...headers },
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    expect(DEMO_CREDENTIALS.map((c) => c.token)).toEqual([
      'ak_demo_manage',
      'ak_demo_read',
      'ak_demo_concurrency',
      'ak_other_manage',
      'pat_demo_admin',
    ]);
    const campaigns = (await get('/campaign/campaigns')).body.campaigns as any[];
    expect(new Set(campaigns.map((c) => c.status))).toEqual(
      new Set(['active', 'paused', 'closed']),
    );
    expect(campaigns).toHaveLength(4);
    expect((await get('/campaign/campaigns', 'ak_demo_read')).status).toBe(200);
    expect((await get('/campaign/campaigns', 'ak_demo_concurrency')).status).toBe(403);
    expect(
      (await get('/campaign/campaigns', 'ak_other_manage')).body.campaigns.map((c: any) => c.name),
    ).toEqual(['Clinic reminders']);
    expect(
      (await get('/campaign/campaigns', 'pat_demo_admin', { 'X-Anyreach-Org': 'org_other' }))
        .status,
    ).toBe(200);

    const spring = (await get(`/campaign/campaigns/${DEMO_CAMPAIGN}`)).body;
    const stats = (await get(`/campaign/campaigns/${spring.id}/stats`)).body;
    expect(stats.contacts.total).toBeGreaterThanOrEqual(5000);
    expect(stats.attempts.total).toBeGreaterThan(2000);
    expect(stats.contacts.completed).toBeGreaterThan(500);
    // The history ends mid-stride, under the limit: its calls in flight are the live dialer's to end.
    expect(stats.active_calls).toBeGreaterThan(0);
    expect(stats.active_calls).toBeLessThanOrEqual(10);
    expect(stats.concurrency_limit).toBe(10);
    const completed = (
      await get(`/campaign/campaigns/${spring.id}/contacts?status=completed&limit=5`)
    ).body.contacts;
    const withResult = completed.flatMap((c: any) => c.attempts).filter((a: any) => a.result);
    expect(withResult.length).toBeGreaterThan(0);
    expect(Object.keys(withResult[0].result)).toContain('qualification.interested');
    // It has a goal and a rate card, so the demo shows conversions and spend.
    const report = (await get(`/campaign/campaigns/${spring.id}/report`)).body;
    expect(report.goal).toMatchObject({ results: ['next_step.action:book_demo'] });
    expect(report.goal.conversions).toBeGreaterThan(0);
    expect(report.cost).toMatchObject({ currency: 'USD' });
    expect(report.cost.total).toBeGreaterThan(0);
    const firstAttempt = completed[0].attempts[0];
    expect(Date.parse(firstAttempt.started_at)).toBeGreaterThan(Date.parse(spring.created_at) - 1);
    expect(Date.parse(firstAttempt.started_at)).toBeLessThan(start);
  });

  it('writes its history at the live pace: the forecast holds for what the dialer does next, and nothing steps at the start', async () => {
    const get = async (path: string) =>
      (await (
        await app.request(path, { headers: { Authorization: 'Bearer ak_demo_manage' } })
      ).json()) as any;
    const spring = await get(`/campaign/campaigns/${DEMO_CAMPAIGN}`);
    const finished = async () => {
      const { contacts } = await get(`/campaign/campaigns/${spring.id}/stats`);
      return contacts.completed + contacts.exhausted;
    };
    const forecast = (await get(`/campaign/campaigns/${spring.id}/timeline`)).forecast;
    const finishedAtStart = await finished();

    // What main.ts runs next: the dialer at the same speed, ticking on its own interval.
    const live = createDialer({ db, now: clock.now, seed: 1, speed });
    const minutes = 10;
    for (let t = 0; t < minutes * 60_000; t += DIALER_TICK_MS) {
      clock.advance(DIALER_TICK_MS);
      live.tick();
    }
    const livePerHour = ((await finished()) - finishedAtStart) * (60 / minutes);
    const ratio = livePerHour / forecast.rate_per_hour;
    expect(ratio).toBeGreaterThanOrEqual(0.5);
    expect(ratio).toBeLessThanOrEqual(2);

    // Calls started per minute, the ten before the start and the ten after.
    const from = new Date(start - minutes * 60_000).toISOString();
    const to = new Date(start + minutes * 60_000).toISOString();
    const points = (
      await get(`/campaign/campaigns/${spring.id}/timeline?from=${from}&to=${to}&bucket_seconds=60`)
    ).points as {
      started: number;
    }[];
    expect(points).toHaveLength(2 * minutes);
    const [before, after] = [points.slice(0, minutes), points.slice(minutes)].map((p) =>
      p.map((x) => x.started),
    );
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(before!)).toBeGreaterThan(0);
    const band = (x: number) =>
      expect(x / mean(before!)).toSatisfy((r: number) => r >= 0.5 && r <= 2);
    band(mean(after!));
    band(before!.at(-1)!);
    band(after![0]!);
  });
});
