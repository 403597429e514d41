// An upsert of 1,000 contacts with the org's do-not-call list empty and at 100,000 numbers
// (target: under 100 ms more), in-process through the app, on a file database as the server
// runs it. Each run upserts 1,000 new contacts (new external_ids) into the same campaign; at
// 100,000 numbers one row in 20 holds a listed number. Median and p95 of 9 runs each, after a
// warm-up (the phone library's zone mapping is decoded once per process).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/http/app.ts';
import { createCredential, createOrg } from '../server/db/orgs.ts';
import { openDatabase } from '../server/db/schema.ts';
import { machineLine, percentile } from './machine.ts';

const RUNS = 9;
const LISTED = 100_000;
const dir = mkdtempSync(join(tmpdir(), 'headroom-suppression-'));
const db = openDatabase(join(dir, 'bench.db'));
createOrg(db, { id: 'org_bench', name: 'Bench' });
createCredential(db, 'ak_bench', {
  orgId: 'org_bench',
  scopes: ['campaigns:manage'],
  label: 'bench',
});
const app = createApp({ db });
const request = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { Authorization: 'Bearer ak_bench', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>;
};
const campaign = await request('POST', '/campaign/campaigns', { name: 'Bench', external_id: 'b' });
await request('POST', '/campaign/campaigns/b/pause');

// Numbers across eight area codes; the listed ones are every 20th of the same space.
const AREAS = ['212', '312', '415', '617', '206', '512', '303', '404'];
const numberAt = (i: number) =>
  `+1${AREAS[i % AREAS.length]}${String(200 + (Math.floor(i / 8) % 800))}${String(Math.floor(i / 6400) % 10000).padStart(4, '0')}`;
let next = 0;
const batch = () =>
  Array.from({ length: 1000 }, () => {
    const i = next++;
    return { external_id: `k${i}`, phone_numbers: [numberAt(i)], data: { first_name: 'Ada' } };
  });

async function measure(): Promise<{ median: number; p95: number; warnings: number }> {
  const samples: number[] = [];
  let warnings = 0;
  for (let r = 0; r < RUNS; r++) {
    const contacts = batch();
    const t = performance.now();
    const result = await request('POST', `/campaign/campaigns/${campaign.id}/contacts`, {
      contacts,
    });
    samples.push(performance.now() - t);
    warnings += result.warnings.length;
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95), warnings };
}

await request('POST', `/campaign/campaigns/${campaign.id}/contacts`, { contacts: batch() });
const empty = await measure();
const insert = db.prepare(
  `INSERT OR IGNORE INTO suppressions (org_id, phone_number, reason, source, added_by, added_at)
   VALUES ('org_bench', ?, 'bench', 'import', 'bench', '2026-12-05T00:00:00Z')`,
);
db.transaction(() => {
  for (let i = 0, n = 0; n < LISTED; i += 20, n++) insert.run(numberAt(next + i));
})();
const listed = await measure();
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`Machine: ${machineLine()}, load ${loadavg()[0]!.toFixed(2)}`);
console.log('| Suppressed numbers | median | p95 | rows warned of |');
console.log('| --- | --- | --- | --- |');
console.log(`| 0 | ${ms(empty.median)} | ${ms(empty.p95)} | ${empty.warnings} |`);
console.log(
  `| ${LISTED.toLocaleString('en-US')} | ${ms(listed.median)} | ${ms(listed.p95)} | ${listed.warnings} |`,
);
console.log(`Difference of medians: ${ms(listed.median - empty.median)}`);
db.close();
rmSync(dir, { recursive: true, force: true });
