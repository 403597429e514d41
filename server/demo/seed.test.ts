import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openDatabase } from '../db/schema.ts';
import { DEMO_CAMPAIGN, DEMO_CREDENTIALS, DEMO_HISTORY_MS, seedDemo } from './seed.ts';

describe('demo data', () => {
  it('creates the contract credentials, campaigns in every status and a long history, once', async () => {
    const db = openDatabase(':memory:');
    const now = new Date('2026-11-23T12:00:00Z');
    const app = createApp({ db, now: () => now });
    const seedApp = createApp({ db, now: () => new Date(now.getTime() - DEMO_HISTORY_MS) });
    await seedDemo(db, { app: seedApp, now: () => now });
    await seedDemo(db, { app: seedApp, now: () => now }); // idempotent

    const get = async (path: string, token = 'ak_demo_manage', headers: Record<string, string> = {}) => {
      const res = await app.request(path, { headers: { Authorization: `Bearer ${token}`, ...headers } });
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
    expect(new Set(campaigns.map((c) => c.status))).toEqual(new Set(['active', 'paused', 'closed']));
    expect(campaigns).toHaveLength(4);
    expect((await get('/campaign/campaigns', 'ak_demo_read')).status).toBe(200);
    expect((await get('/campaign/campaigns', 'ak_demo_concurrency')).status).toBe(403);
    expect((await get('/campaign/campaigns', 'ak_other_manage')).body.campaigns.map((c: any) => c.name)).toEqual(['Clinic reminders']);
    expect((await get('/campaign/campaigns', 'pat_demo_admin', { 'X-Anyreach-Org': 'org_other' })).status).toBe(200);

    const spring = (await get(`/campaign/campaigns/${DEMO_CAMPAIGN}`)).body;
    const stats = (await get(`/campaign/campaigns/${spring.id}/stats`)).body;
    expect(stats.contacts.total).toBeGreaterThanOrEqual(5000);
    expect(stats.attempts.total).toBeGreaterThan(2000);
    expect(stats.contacts.completed).toBeGreaterThan(500);
    // No call of the history is left running past it.
    expect(stats.active_calls).toBe(0);
    expect(stats.concurrency_limit).toBe(10);
    const completed = (await get(`/campaign/campaigns/${spring.id}/contacts?status=completed&limit=5`)).body.contacts;
    const withResult = completed.flatMap((c: any) => c.attempts).filter((a: any) => a.result);
    expect(withResult.length).toBeGreaterThan(0);
    expect(Object.keys(withResult[0].result)).toContain('qualification.interested');
    const firstAttempt = completed[0].attempts[0];
    expect(Date.parse(firstAttempt.started_at)).toBeGreaterThan(Date.parse(spring.created_at) - 1);
    expect(Date.parse(firstAttempt.started_at)).toBeLessThan(now.getTime());
  }, 60_000);
});
