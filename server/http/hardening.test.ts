import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { findCredential, removeCredentials } from '../db/orgs.ts';
import { openDatabase } from '../db/schema.ts';
import { DEMO_CREDENTIALS, seedDemo } from '../demo/seed.ts';
import { createDialer } from '../dialer/dialer.ts';
import { manualClock } from '../testing/dialer-test-support.ts';
import { setup, TOKENS } from '../testing/test-support.ts';

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('hardening', () => {
  it('gzips API answers for clients that accept it, and only for them', async () => {
    const { call, app } = setup();
    const names = Array.from({ length: 40 }, (_, i) => ({
      name: `Configuration ${i}`,
      timezone: 'UTC',
    }));
    for (const body of names)
      expect((await call('POST', '/campaign/configurations', { body })).status).toBe(201);
    const ask = (acceptEncoding?: string) =>
      app.request('/campaign/configurations', {
        headers: {
          Authorization: `Bearer ${TOKENS.manage}`,
          ...(acceptEncoding && { 'Accept-Encoding': acceptEncoding }),
        },
      });
    const zipped = await ask('gzip, deflate, br');
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    const json = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString());
    expect(json.configurations).toHaveLength(40);
    const plain = await ask();
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect((await plain.json()).configurations).toHaveLength(40);
  });

  it('sends security headers on every response: no framing, no sniffing, no referrer, a strict CSP', async () => {
    const { db } = setup();
    const app = createApp({ db, publicConfig: { apiBaseUrl: 'https://api.example.com' } });
    for (const path of ['/campaign/timezones', '/config.json', '/campaign/campaigns', '/nowhere']) {
      const res = await app.request(path);
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("connect-src 'self' https://api.example.com");
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    }
  });

  it('offers the demo credential in /config.json to this machine only, unless DEMO_PUBLIC', async () => {
    const { db } = setup();
    const config = async (address: string, demoPublic = false) => {
      const app = createApp({
        db,
        demoCredentials: { token: 'ak_demo_manage' },
        demoPublic,
        clientAddress: () => address,
      });
      return (await app.request('/config.json')).json();
    };
    for (const loopback of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(await config(loopback)).toMatchObject({
        demoCredentials: { token: 'ak_demo_manage' },
      });
    }
    expect(await config('192.168.1.20')).not.toHaveProperty('demoCredentials');
    expect(await config('203.0.113.9', true)).toMatchObject({
      demoCredentials: { token: 'ak_demo_manage' },
    });
  });

  it('serves neither build metadata, dotfiles nor source maps from the SPA folder', async () => {
    dir = mkdtempSync(join(tmpdir(), 'headroom-dist-'));
    mkdirSync(join(dir, '.vite'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Headroom</title>');
    writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'index-abc.js.map'), '{}');
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    const app = createApp({ db: openDatabase(':memory:'), staticDir: dir });
    expect((await app.request('/assets/index-abc.js')).status).toBe(200);
    for (const path of ['/.vite/manifest.json', '/assets/index-abc.js.map', '/.env']) {
      expect((await app.request(path)).status, path).toBe(404);
    }
    expect((await app.request('/campaigns/x')).status).toBe(200);
  });

  it('rate-limits bad tokens per address, never a valid credential nor a public route', async () => {
    const { db } = setup();
    let address = '198.51.100.7';
    const app = createApp({
      db,
      clientAddress: () => address,
      // A stopped clock: the bucket refills by time, and a slow machine must not count twice.
      now: () => new Date('2026-11-23T12:00:00Z'),
      rateLimit: { perSecond: 1000, burst: 1000, failedAuth: { perSecond: 1, burst: 20 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const res = await app.request('/campaign/campaigns', {
        headers: { Authorization: `Bearer ak_guess_${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2980);
    const limited = await app.request('/campaign/campaigns');
    expect(limited.headers.get('Retry-After')).toBe('1');
    // Everyone behind that address (one NAT) with a valid key, and public routes, still work.
    const valid = await app.request('/campaign/campaigns', {
      headers: { Authorization: `Bearer ${TOKENS.read}` },
    });
    expect(valid.status).toBe(200);
    expect((await app.request('/campaign/timezones')).status).toBe(200);
    expect((await app.request('/config.json')).status).toBe(200);
    expect(
      (
        await app.request('/campaign/campaigns', {
          headers: { Authorization: 'Bearer ak_guess_again' },
        })
      ).status,
    ).toBe(429);
    // A valid key from another address is untouched.
    address = '198.51.100.8';
    const ok = await app.request('/campaign/campaigns', {
      headers: { Authorization: `Bearer ${TOKENS.manage}` },
    });
    expect(ok.status).toBe(200);
  });

  it('DEMO_DATA=off revokes the demo credentials of an existing database', async () => {
    const db = openDatabase(':memory:');
    const now = () => new Date('2026-11-23T12:00:00Z');
    await seedDemo(db, { now, speed: 30 });
    expect(findCredential(db, 'ak_demo_manage')).not.toBeNull();
    expect(
      removeCredentials(
        db,
        DEMO_CREDENTIALS.map((c) => c.token),
      ),
    ).toBe(DEMO_CREDENTIALS.length);
    for (const c of DEMO_CREDENTIALS) expect(findCredential(db, c.token)).toBeNull();
    const res = await createApp({ db }).request('/campaign/campaigns', {
      headers: { Authorization: 'Bearer ak_demo_manage' },
    });
    expect(res.status).toBe(401);
  }, 120_000);

  it('restarts on the same database file twice without a dialer tick failing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'headroom-restart-'));
    const path = join(dir, 'headroom.db');
    const clock = manualClock();
    for (let run = 0; run < 3; run++) {
      const db = openDatabase(path);
      if (run === 0) await seedDemo(db, { now: clock.now, speed: 30 });
      // The same seed every run: call outcomes repeat, ids must not.
      const dialer = createDialer({ db, now: clock.now, seed: 1, speed: 60 });
      dialer.recover();
      for (let i = 0; i < 40; i++) {
        clock.advance(5000);
        expect(() => dialer.tick()).not.toThrow();
      }
      db.close();
    }
  }, 120_000);
});
