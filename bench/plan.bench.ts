// The org plan (target < 100 ms for 200 campaigns): an org of 200 active campaigns of 1,000
// contacts each, 300 calls ended in the last 6 hours (some contacts on their second or third
// try), calling windows in several timezones, in-process through the app, at org limits of
// 10, 100 and 1,000 lines (at_lines has one entry per line: the answer grows with the limit).
import { loadavg } from 'node:os';
import { createApp } from '../server/http/app.ts';
import { insertCampaign } from '../server/db/campaigns.ts';
import { createCredential, createOrg, setConcurrencyLimit } from '../server/db/orgs.ts';
import { openDatabase } from '../server/db/schema.ts';
import { createRandom } from '../server/dialer/random.ts';
import { machineLine, percentile } from './machine.ts';

const NOW = Date.parse('2026-11-23T15:00:00Z'); // a Monday: 10:00 in New York
const now = () => new Date(NOW);
const CAMPAIGNS = 200;
const CONTACTS = 1000;
const CALLS = 300;
const random = createRandom(34);

const started = performance.now();
const db = openDatabase(':memory:');
createOrg(db, { id: 'org_bench', name: 'Bench' });
createCredential(db, 'ak_bench', { orgId: 'org_bench', scopes: ['campaigns:read'], label: 'b' });
const schedules = [
  null,
  {
    tz: 'America/New_York',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: '09:00',
    end: '17:00',
  },
  {
    tz: 'America/Los_Angeles',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: '09:00',
    end: '18:00',
  },
  { tz: 'Europe/London', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:30' },
  { tz: 'Asia/Kolkata', days: ['sat', 'sun'], start: '10:00', end: '14:00' },
];
const configs = schedules.map((s, i) => {
  const id = `cfg-${i}`;
  db.prepare(
    `INSERT INTO configurations (id, org_id, name, timezone, schedule, max_attempts, retry_interval_minutes, created_at, updated_at)
     VALUES (?, 'org_bench', ?, ?, ?, 3, 60, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
  ).run(
    id,
    `Config ${i}`,
    s?.tz ?? 'UTC',
    s ? JSON.stringify({ days: s.days, start_time: s.start, end_time: s.end }) : null,
  );
  return id;
});

const contact = db.prepare(
  `INSERT INTO contacts (id, org_id, campaign_id, phone_numbers, created_at, updated_at)
   VALUES (?, 'org_bench', ?, '["+14155550100"]', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
);
const attempt = db.prepare(
  `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, started_at, ended_at, status)
   VALUES (?, 'org_bench', ?, ?, '+14155550100', ?, ?, ?)`,
);
const STATUSES = ['completed', 'no_answer', 'no_answer', 'busy', 'voicemail', 'failed'];
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
db.transaction(() => {
  for (let c = 0; c < CAMPAIGNS; c++) {
    const campaign = insertCampaign(
      db,
      'org_bench',
      {
        name: `Campaign ${c}`,
        external_id: `c-${c}`,
        configuration_id: configs[c % configs.length]!,
      },
      '2026-11-01T00:00:00Z',
    );
    for (let k = 0; k < CONTACTS; k++) contact.run(`${campaign.id}-${k}`, campaign.id);
    for (let a = 0; a < CALLS; a++) {
      const end = NOW - random.int(0, 6 * 3600) * 1000;
      attempt.run(
        `${campaign.id}-a${a}`,
        campaign.id,
        `${campaign.id}-${a % 200}`,
        iso(end - random.int(10, 240) * 1000),
        iso(end),
        STATUSES[random.int(0, STATUSES.length - 1)]!,
      );
    }
  }
})();
console.log(machineLine());
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )}; seeded ${CAMPAIGNS} campaigns × ${CONTACTS} contacts, ${CALLS} calls each, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const app = createApp({ db, now });
const headers = { Authorization: 'Bearer ak_bench' };
async function time(label: string, runs: number, path: string) {
  const samples: number[] = [];
  let bytes = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const res = await app.request(path, { headers });
    bytes = (await res.arrayBuffer()).byteLength;
    if (!res.ok) throw new Error(`${label}: HTTP ${res.status}`);
    samples.push(performance.now() - s);
  }
  const used = process.cpuUsage(cpu);
  samples.sort((a, b) => a - b);
  const ms = (p: number) => percentile(samples, p).toFixed(2).padStart(6);
  console.log(
    `  ${label.padEnd(40)} median ${ms(50)} ms   p95 ${ms(95)} ms   CPU ${((used.user + used.system) / 1000 / runs).toFixed(2).padStart(6)} ms   (${(bytes / 1024).toFixed(0)} KB)`,
  );
}

const one = db.prepare('SELECT id FROM campaigns ORDER BY seq LIMIT 1 OFFSET 1').get() as {
  id: string;
};
for (const limit of [10, 100, 1000]) {
  setConcurrencyLimit(db, 'org_bench', limit, new Date(NOW - 86_400_000));
  await time(`org plan, 200 campaigns, limit ${limit}`, limit === 1000 ? 10 : 50, '/campaign/plan');
  await time(
    `campaign plan with a deadline, limit ${limit}`,
    100,
    `/campaign/campaigns/${one.id}/plan?deadline=2026-11-27T22:00:00Z`,
  );
}
