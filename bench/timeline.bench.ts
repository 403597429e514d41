// Timelines and the stats batch (targets < 20 ms each): a campaign with 7 days of per-minute
// rollups in an org of 200 active campaigns with 4 days each, calling windows in several
// timezones (some open, some closed at the measured moment, so forecasts read back into
// earlier days), in-process through the app.
import { createApp } from '../server/http/app.ts';
import { insertCampaign } from '../server/db/campaigns.ts';
import { createCredential, createOrg, setConcurrencyLimit } from '../server/db/orgs.ts';
import { openDatabase } from '../server/db/schema.ts';
import { createRandom } from '../server/dialer/random.ts';
import { machineLine, percentile } from './machine.ts';
import { loadavg } from 'node:os';

const NOW = Date.parse('2026-11-23T15:00:00Z'); // a Monday: 10:00 in New York, 07:00 in LA
const now = () => new Date(NOW);
const CAMPAIGNS = 200;
const random = createRandom(42);

const started = performance.now();
const db = openDatabase(':memory:');
createOrg(db, { id: 'org_bench', name: 'Bench' });
createCredential(db, 'ak_bench', {
  orgId: 'org_bench',
  scopes: ['campaigns:manage'],
  label: 'bench',
});
setConcurrencyLimit(db, 'org_bench', 200, new Date(NOW - 7 * 86_400_000));
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

const minute = (ms: number) => Math.floor(ms / 60_000);
const row = db.prepare(
  `INSERT INTO campaign_minutes (campaign_id, minute, started, completed, no_answer, busy, voicemail, failed, finished,
     active_calls_max, active_calls_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const orgRow = db.prepare(
  `INSERT INTO org_minutes (org_id, minute, active_calls_max, active_calls_end, concurrency_limit)
   VALUES ('org_bench', ?, ?, ?, 200) ON CONFLICT DO NOTHING`,
);
/** A busy minute: a few calls started and ended, a few contacts finished, some in flight. */
function history(campaignId: string, days: number) {
  for (let m = minute(NOW - days * 86_400_000); m <= minute(NOW); m++) {
    const active = random.int(0, 12);
    row.run(
      campaignId,
      m,
      random.int(2, 9),
      random.int(0, 4),
      random.int(0, 3),
      random.int(0, 1),
      random.int(0, 1),
      random.int(0, 1),
      random.int(0, 4),
      active,
      active,
    );
  }
}
const ids: string[] = [];
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
    ids.push(campaign.id);
    // Counters as thousands of contacts and calls would leave them.
    db.prepare(
      `UPDATE campaigns SET n_pending = ?, n_in_progress = ?, n_completed = ?, n_exhausted = ?, n_attempts = ?,
         n_att_completed = ?, n_att_no_answer = ? WHERE id = ?`,
    ).run(4000, 10, 3000, 1000, 9000, 3000, 6000, campaign.id);
    history(campaign.id, c === 0 ? 7 : 4);
  }
  for (let m = minute(NOW - 7 * 86_400_000); m <= minute(NOW); m++) {
    const active = random.int(100, 200);
    orgRow.run(m, active, active);
  }
})();
const rows = (db.prepare('SELECT COUNT(*) n FROM campaign_minutes').get() as { n: number }).n;
console.log(machineLine());
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )}; seeded ${CAMPAIGNS} campaigns, ${rows.toLocaleString('en')} campaign minutes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const app = createApp({ db, now });
const headers = { Authorization: 'Bearer ak_bench' };
// Wall time suffers from whatever else shares the cores; CPU time per request is what this
// process spent, closer to what an idle machine would see.
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
    `  ${label.padEnd(46)} median ${ms(50)} ms   p95 ${ms(95)} ms   CPU ${((used.user + used.system) / 1000 / runs).toFixed(2).padStart(6)} ms   (${(bytes / 1024).toFixed(0)} KB)`,
  );
}

const iso = (ms: number) => new Date(ms).toISOString();
const range = (hours: number, bucket: number) =>
  `from=${iso(NOW - hours * 3_600_000)}&to=${iso(NOW)}&bucket_seconds=${bucket}`;
const c0 = `/campaign/campaigns/${ids[0]}/timeline`;
await time('campaign timeline, 6 h in minutes (360)', 200, `${c0}?${range(6, 60)}`);
await time('campaign timeline, 24 h in 5 minutes (288)', 100, `${c0}?${range(24, 300)}`);
await time('campaign timeline, 7 d in hours (168)', 100, `${c0}?${range(168, 3600)}`);
await time('campaign timeline, 7 d in 15 minutes (672)', 100, `${c0}?${range(168, 900)}`);
await time(
  'org timeline, 6 h in minutes',
  200,
  `/campaign/concurrency-settings/timeline?${range(6, 60)}`,
);
await time(
  'org timeline, 7 d in hours',
  100,
  `/campaign/concurrency-settings/timeline?${range(168, 3600)}`,
);
const batch = (n: number) =>
  `/campaign/stats?${ids
    .slice(0, n)
    .map((id) => `campaign_id=${id}`)
    .join('&')}`;
await time('stats batch, 50 campaigns', 200, batch(50));
await time('stats batch, 200 campaigns', 200, batch(200));
