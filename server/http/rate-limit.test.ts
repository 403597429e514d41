import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { setup, TOKENS } from '../testing/test-support.ts';

describe('rate limiting', () => {
  it('answers 429 with Retry-After once a credential spends its burst, per credential, and refills with time', async () => {
    let t = Date.parse('2026-11-23T15:00:00Z');
    const { db } = setup();
    const app = createApp({ db, now: () => new Date(t), rateLimit: { perSecond: 2, burst: 3 } });
    const get = (token: string) =>
      app.request('/campaign/campaigns', { headers: { Authorization: `Bearer ${token}` } });

    for (let i = 0; i < 3; i++) expect((await get(TOKENS.manage)).status).toBe(200);
    const limited = await get(TOKENS.manage);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('1');
    const body = (await limited.json()) as { detail: string };
    expect(body.detail).toMatch(/^Too many requests for this credential: at most 2 per second/);
    expect(body.detail).not.toContain(TOKENS.manage);

    // Another credential has its own bucket.
    expect((await get(TOKENS.read)).status).toBe(200);
    // Half a second refills one request, not two.
    t += 500;
    expect((await get(TOKENS.manage)).status).toBe(200);
    expect((await get(TOKENS.manage)).status).toBe(429);
    t += 5000;
    for (let i = 0; i < 3; i++) expect((await get(TOKENS.manage)).status).toBe(200);
    // A clock set back by days (NTP, or an end-to-end test's clock) locks no key out.
    t -= 3 * 86_400_000;
    expect((await get(TOKENS.manage)).status).toBe(429);
    t += 1000;
    expect((await get(TOKENS.manage)).status).toBe(200);
  });

  it('limits nothing without a configured limit; unknown credentials still get 401', async () => {
    const { app } = setup();
    for (let i = 0; i < 50; i++) {
      const res = await app.request('/campaign/campaigns', {
        headers: { Authorization: `Bearer ${TOKENS.manage}` },
      });
      expect(res.status).toBe(200);
    }
    const unknown = await app.request('/campaign/campaigns', {
      headers: { Authorization: 'Bearer ak_nope' },
    });
    expect(unknown.status).toBe(401);
  });
});
