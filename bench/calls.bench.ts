// The call log (ext calls) at 1,000,000 contacts (BENCH_SIZES to choose): pages of 200 at the
// top, deep down by cursor, by one status and by several, within a time range, in-process
// through the app. Target (api-contract): under 50 ms at any depth.
import { createApp } from '../server/http/app.ts';
import { insertCampaign } from '../server/db/campaigns.ts';
import { createCredential, createOrg } from '../server/db/orgs.ts';
import { openDatabase } from '../server/db/schema.ts';
import { machineLine, percentile } from './machine.ts';

const sizes = (process.env.BENCH_SIZES ?? '1000000').split(',').map(Number);
const STAMP = '2026-11-23T15:00:00Z';
const EPOCH = Date.parse(STAMP) / 1000;
const headers = { Authorization: 'Bearer ak_bench' };

/**
 * One campaign of `contacts` contacts, one attempt each and a second for every other one,
 * a second apart back from STAMP, in the five outcomes by turn, written in bulk SQL (the
 * triggers still run).
 */
function seedCallLog(contacts: number) {
  const db = openDatabase(':memory:');
  createOrg(db, { id: 'org_bench', name: 'Bench' });
  createCredential(db, 'ak_bench', {
    orgId: 'org_bench',
    scopes: ['campaigns:read'],
    label: 'bench',
  });
  const campaign = insertCampaign(
    db,
    'org_bench',
    { name: 'Calls', external_id: 'calls', configuration_id: null },
    STAMP,
  );
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
       INSERT INTO contacts (id, org_id, campaign_id, external_id, phone_numbers, data, created_at, updated_at)
       SELECT lower(hex(randomblob(16))), 'org_bench', ?, 'k' || i, '["+12125550100"]', '{}', ?, ? FROM n`,
    ).run(contacts, campaign.id, STAMP, STAMP);
    const attempts = (offset: number, where: string) =>
      db
        .prepare(
          `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, started_at, ended_at, status)
           SELECT lower(hex(randomblob(16))), org_id, campaign_id, id, '+12125550100',
             strftime('%Y-%m-%dT%H:%M:%SZ', ? - seq * 2 + ?, 'unixepoch'),
             strftime('%Y-%m-%dT%H:%M:%SZ', ? - seq * 2 + ? + 60, 'unixepoch'),
             CASE (seq + ?) % 5 WHEN 0 THEN 'completed' WHEN 1 THEN 'no_answer' WHEN 2 THEN 'busy'
               WHEN 3 THEN 'voicemail' ELSE 'failed' END
           FROM contacts WHERE campaign_id = ? ${where}`,
        )
        .run(EPOCH - 2 * contacts, offset, EPOCH - 2 * contacts, offset, offset, campaign.id);
    attempts(0, '');
    attempts(2 * contacts + 1, 'AND seq % 2 = 0');
  })();
  return { db, campaignId: campaign.id, app: createApp({ db }) };
}

async function time(label: string, runs: number, path: () => string) {
  const samples: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const c = process.cpuUsage();
    const res = await app.request(path(), { headers });
    const body = (await res.json()) as { attempts: unknown[] };
    if (!res.ok) throw new Error(`${label}: HTTP ${res.status}`);
    samples.push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    rows = body.attempts.length;
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const ms = (p: number) => percentile(samples, p).toFixed(2).padStart(7);
  // CPU time is this process's own work: on a shared, loaded machine it is the steadier figure.
  console.log(
    `  ${label.padEnd(52)} ${String(rows).padStart(3)} rows  median ${ms(50)} ms   p95 ${ms(95)} ms   CPU median ${percentile(cpu, 50).toFixed(2).padStart(6)} ms`,
  );
}

const cursorAt = (db: ReturnType<typeof seedCallLog>['db'], depth: number, status?: string) => {
  const row = db
    .prepare(
      `SELECT started_at, seq FROM attempts ${status ? 'WHERE status = ?' : ''}
       ORDER BY started_at DESC, seq DESC LIMIT 1 OFFSET ?`,
    )
    .get(...(status ? [status, depth] : [depth])) as { started_at: string; seq: number };
  return Buffer.from(`att:${row.started_at}|${row.seq}`).toString('base64url');
};

let app: ReturnType<typeof seedCallLog>['app'];
console.log(machineLine());
for (const size of sizes) {
  const started = performance.now();
  const seeded = seedCallLog(size);
  app = seeded.app;
  const { db, campaignId: id } = seeded;
  const { n } = db.prepare('SELECT COUNT(*) n FROM attempts').get() as { n: number };
  console.log(
    `\n${size.toLocaleString('en')} contacts, ${n.toLocaleString('en')} attempts (seeded in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const base = `/campaign/campaigns/${id}/attempts?limit=200`;
  const deep = Math.floor(n * 0.95);
  const deepCursor = cursorAt(db, deep);
  const deepFailed = cursorAt(db, Math.floor((n / 5) * 0.95), 'failed');
  const midTime = new Date((Date.parse(STAMP) + (Date.parse(STAMP) - 2 * 2 * size * 1000)) / 2);
  const hourBefore = new Date(midTime.getTime() - 3600_000).toISOString();
  await time('page of 200, newest', 50, () => base);
  await time(
    `page of 200 after ${deep.toLocaleString('en')} attempts (cursor)`,
    50,
    () => `${base}&cursor=${deepCursor}`,
  );
  await time('page of 200, failed, newest', 50, () => `${base}&status=failed`);
  await time(
    'page of 200, failed, 95% deep (cursor)',
    50,
    () => `${base}&status=failed&cursor=${deepFailed}`,
  );
  await time(
    'page of 200, failed or busy or no_answer',
    50,
    () => `${base}&status=failed&status=busy&status=no_answer`,
  );
  await time(
    'page of 200, one hour in the middle of the history',
    50,
    () => `${base}&from=${hourBefore}&to=${midTime.toISOString()}`,
  );
  await time(
    'page of 200, failed, same hour',
    50,
    () => `${base}&status=failed&from=${hourBefore}&to=${midTime.toISOString()}`,
  );
  await time('page of 200, in_progress (none at all)', 50, () => `${base}&status=in_progress`);
  // Walking the whole log page by page.
  let cursor: string | null = null;
  let pages = 0;
  const walkStart = performance.now();
  do {
    const res = await app.request(`${base}&status=busy${cursor ? `&cursor=${cursor}` : ''}`, {
      headers,
    });
    cursor = ((await res.json()) as { next_cursor: string | null }).next_cursor;
    pages++;
  } while (cursor && pages < 500);
  console.log(
    `  walking 500 pages of busy calls: ${((performance.now() - walkStart) / pages).toFixed(2)} ms a page on average`,
  );
  db.close();
}
