// An upsert of 1,000 contacts with the org's do-not-call list empty and at 100,000 numbers
// (target: under 100 ms more), in-process through the app, on a file database as the server
// runs it. Two orgs, one with an empty list and one with 100,000 numbers, upserted into in
// turn (so a busy machine's drift falls on both alike); each run upserts 1,000 new contacts,
// and at 100,000 numbers one row in 20 holds a listed number. Median and p95 of 15 runs each,
// after a warm-up (the phone library's zone mapping is decoded once per process). On a server
// without the list (before migration 013) only the first column is measured.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/http/app.ts';
import { createCredential, createOrg } from '../server/db/orgs.ts';
import { openDatabase } from '../server/db/schema.ts';
import { machineLine, percentile } from './machine.ts';

const RUNS = 15;
const LISTED = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'headroom-suppression-'));
const db = openDatabase(join(dir, 'bench.db'));
const app = createApp({ db });
const withList = !!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'suppressions'").get();

// Numbers across eight area codes; the listed ones are every 20th of the same space.
const AREAS = ['212', '312', '415', '617', '206', '512', '303', '404'];
const numberAt = (i: number) =>
  `+1${AREAS[i % AREAS.length]}${String(200 + (Math.floor(i / 8) % 800))}${String(Math.floor(i / 6400) % 10000).padStart(4, '0')}`;

async function org(id: string) {
  createOrg(db, { id, name: id });
  createCredential(db, `ak_${id}`, { orgId: id, scopes: ['campaigns:manage'], label: 'bench' });
  const request = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { Authorization: `Bearer ak_${id}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ id: string; warnings: unknown[] }>;
  };
  const campaign = await request('POST', '/campaign/campaigns', { name: 'Bench' });
  await request('POST', `/campaign/campaigns/${campaign.id}/pause`);
  let next = 0;
  const samples: number[] = [];
  let warned = 0;
  return {
    /** Upserts the next 1,000 contacts, timed. */
    async upsert() {
      const contacts = Array.from({ length: 1000 }, () => {
        const i = next++;
        return { external_id: `k${i}`, phone_numbers: [numberAt(i)], data: { first_name: 'Ada' } };
      });
      const t = performance.now();
      const result = await request('POST', `/campaign/campaigns/${campaign.id}/contacts`, {
        contacts,
      });
      samples.push(performance.now() - t);
      warned += result.warnings.length;
    },
    list(n: number) {
      const insert = db.prepare(
        `INSERT OR IGNORE INTO suppressions (org_id, phone_number, reason, source, added_by, added_at)
         VALUES (?, ?, 'bench', 'import', 'bench', '2026-12-05T00:00:00Z')`,
      );
      db.transaction(() => {
        for (let k = 0; k < n; k++) insert.run(id, numberAt(1000 + k * 20));
      })();
    },
    /** Forgets what was timed so far (the warm-up). */
    reset() {
      samples.length = 0;
      warned = 0;
    },
    result() {
      samples.sort((a, b) => a - b);
      return { median: percentile(samples, 50), p95: percentile(samples, 95), warned };
    },
  };
}

const empty = await org('org_empty');
const listed = withList ? await org('org_listed') : null;
listed?.list(LISTED);
await empty.upsert(); // warm-up
await listed?.upsert();
empty.reset();
listed?.reset();
for (let r = 0; r < RUNS; r++) {
  await empty.upsert();
  await listed?.upsert();
}
const ms = (n: number) => `${n.toFixed(1)} ms`;
const a = empty.result();
console.log(`Machine: ${machineLine()}, load ${loadavg()[0]!.toFixed(2)}`);
console.log('| Suppressed numbers | median | p95 | rows warned of |');
console.log('| --- | --- | --- | --- |');
console.log(`| 0 | ${ms(a.median)} | ${ms(a.p95)} | ${a.warned} |`);
if (listed) {
  const b = listed.result();
  console.log(
    `| ${LISTED.toLocaleString('en-US')} | ${ms(b.median)} | ${ms(b.p95)} | ${b.warned} |`,
  );
  console.log(`Difference of medians: ${ms(b.median - a.median)}`);
}
db.close();
rmSync(dir, { recursive: true, force: true });
