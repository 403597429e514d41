// The API at 10,000 / 100,000 / 1,000,000 contacts (BENCH_SIZES=10000,100000 to choose),
// in-process and over HTTP on loopback: stats, report, contact pages (filtered too), upsert,
// and the campaign list.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { machineLine, percentile } from './machine.ts';
import { seedCampaigns, seedHistory } from './seed-large.ts';

const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const now = () => new Date('2026-11-23T15:00:00Z');
const headers = { Authorization: 'Bearer ak_bench', 'Content-Type': 'application/json' };
type Send = (path: string, init?: RequestInit) => Promise<Response>;

async function time(label: string, runs: number, request: () => Promise<Response>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const res = await request();
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${label}: HTTP ${res.status}`);
    samples.push(performance.now() - s);
  }
  samples.sort((a, b) => a - b);
  const ms = (p: number) => percentile(samples, p).toFixed(2).padStart(7);
  console.log(`  ${label.padEnd(46)} median ${ms(50)} ms   p95 ${ms(95)} ms`);
}

/** Runs `fn` with one sender calling the app in-process and one going through a real socket. */
async function bothWays(
  app: ReturnType<typeof seedHistory>['app'],
  fn: (send: Send, how: string) => Promise<void>,
) {
  await fn((path, init) => Promise.resolve(app.request(path, { headers, ...init })), 'in-process');
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await fn((path, init) => fetch(base + path, { headers, ...init }), 'HTTP loopback');
  await new Promise((r) => server.close(r));
}

console.log(machineLine());
for (const size of sizes) {
  const started = performance.now();
  const { app, campaignId: id, db } = seedHistory(size, now);
  const { n: attempts } = db.prepare('SELECT COUNT(*) n FROM attempts').get() as { n: number };
  console.log(
    `\n${size.toLocaleString('en')} contacts, ${attempts.toLocaleString('en')} attempts (seeded in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const deep = Math.floor(size * 0.9);
  const deepCompleted = Math.floor((size / 3) * 0.9);
  let batch = 0;
  await bothWays(app, async (send, how) => {
    console.log(` ${how}`);
    await time('stats', 200, () => send(`/campaign/campaigns/${id}/stats`));
    await time('page of 200, offset 0', 50, () =>
      send(`/campaign/campaigns/${id}/contacts?limit=200`),
    );
    await time(`page of 200, offset ${deep.toLocaleString('en')}`, 50, () =>
      send(`/campaign/campaigns/${id}/contacts?limit=200&offset=${deep}`),
    );
    await time(`page of 200, completed, offset ${deepCompleted.toLocaleString('en')}`, 50, () =>
      send(`/campaign/campaigns/${id}/contacts?limit=200&status=completed&offset=${deepCompleted}`),
    );
    await time('report', 100, () => send(`/campaign/campaigns/${id}/report`));
    await time('report, last call completed (a third)', 10, () =>
      send(`/campaign/campaigns/${id}/report?last_status=completed`),
    );
    await time('report, result interested:true (a third)', 10, () =>
      send(`/campaign/campaigns/${id}/report?result=qualification.interested:true`),
    );
    await time('report, first call no answer (all)', 10, () =>
      send(`/campaign/campaigns/${id}/report?first_status=no_answer`),
    );
    await time('page of 200, last call voicemail', 20, () =>
      send(`/campaign/campaigns/${id}/contacts?limit=200&last_status=voicemail`),
    );
    await time('page of 200, result interested:true, offset 1,000', 20, () =>
      send(
        `/campaign/campaigns/${id}/contacts?limit=200&offset=1000&result=qualification.interested:true`,
      ),
    );
    await time('page of 200, search "k99" (substring)', 20, () =>
      send(`/campaign/campaigns/${id}/contacts?limit=200&search=k99`),
    );
    await time('upsert of 1,000 new contacts', 20, () => {
      batch++;
      const contacts = Array.from({ length: 1000 }, (_, i) => ({
        external_id: `u${batch}-${i}`,
        phone_numbers: ['(212) 555-0100'],
      }));
      return send(`/campaign/campaigns/${id}/contacts`, {
        method: 'POST',
        body: JSON.stringify({ contacts }),
      });
    });
    await time('upsert of 1,000 existing contacts', 20, () => {
      const contacts = Array.from({ length: 1000 }, (_, i) => ({
        external_id: `k${(batch * 1000 + i) % size}`,
        phone_numbers: ['+12125550101'],
      }));
      batch++;
      return send(`/campaign/campaigns/${id}/contacts`, {
        method: 'POST',
        body: JSON.stringify({ contacts }),
      });
    });
  });
  if (size === sizes[0]) {
    seedCampaigns(db, 10_000);
    console.log('\n10,000 campaigns');
    await bothWays(app, async (send, how) => {
      console.log(` ${how}`);
      await time('list, name filter "spring", 50 per page', 100, () =>
        send('/campaign/campaigns?name=spring&limit=50'),
      );
      await time('list, name filter, status active, page 2', 100, async () => {
        const first = (await (
          await send('/campaign/campaigns?name=renewals&status=active&limit=50')
        ).json()) as { next_cursor: string };
        return send(
          `/campaign/campaigns?name=renewals&status=active&limit=50&cursor=${encodeURIComponent(first.next_cursor)}`,
        );
      });
    });
  }
  db.close();
}
