// Alert evaluation (target < 50 ms): 1,000 enabled rules over 200 active campaigns with 4 to
// 7 days of per-minute rollups each, every condition represented, org-wide and per-campaign
// rules, calling windows in several time zones. One evaluation reads counters, rollups and the
// attempts' started_at index only.
import { loadavg } from 'node:os';
import type { AlertCondition } from '../contract/alerts.ts';
import { insertCampaign } from '../server/db/campaigns.ts';
import { createOrg, setConcurrencyLimit } from '../server/db/orgs.ts';
import { openDatabase } from '../server/db/schema.ts';
import { createRule } from '../server/domain/alert-rules.ts';
import { evaluateAlerts } from '../server/domain/alert-evaluation.ts';
import { createRandom } from '../server/dialer/random.ts';
import { machineLine, percentile } from './machine.ts';

const NOW = Date.parse('2026-12-01T15:00:00Z'); // a Tuesday
const CAMPAIGNS = 200;
const RULES = 1000;
const random = createRandom(7);
const started = performance.now();
const db = openDatabase(':memory:');
createOrg(db, { id: 'org_bench', name: 'Bench' });
setConcurrencyLimit(db, 'org_bench', 200, new Date(NOW - 7 * 86_400_000));
const zones = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata'];
const configs = [null, ...zones].map((tz, i) => {
  const id = `cfg-${i}`;
  db.prepare(
    `INSERT INTO configurations (id, org_id, name, timezone, schedule, max_attempts, retry_interval_minutes, created_at, updated_at)
     VALUES (?, 'org_bench', ?, ?, ?, 3, 60, '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z')`,
  ).run(
    id,
    `Config ${i}`,
    tz ?? 'UTC',
    tz
      ? JSON.stringify({
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          start_time: '09:00',
          end_time: '17:00',
        })
      : null,
  );
  return id;
});

const minute = (ms: number) => Math.floor(ms / 60_000);
const row = db.prepare(
  `INSERT INTO campaign_minutes (campaign_id, minute, started, completed, no_answer, busy, voicemail, failed, finished,
     active_calls_max, active_calls_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
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
        max_concurrent_calls: null,
      },
      '2026-11-01T00:00:00Z',
    );
    ids.push(campaign.id);
    // Counters as thousands of contacts and calls would leave them (some finished).
    db.prepare(
      `UPDATE campaigns SET n_pending = ?, n_in_progress = ?, n_completed = ?, n_exhausted = ?, n_attempts = ?,
         n_att_completed = ?, n_att_no_answer = ? WHERE id = ?`,
    ).run(
      c % 10 === 0 ? 0 : 4000,
      c % 10 === 0 ? 0 : 10,
      3000,
      1000,
      9000,
      3000,
      6000,
      campaign.id,
    );
    for (let m = minute(NOW - (c === 0 ? 7 : 4) * 86_400_000); m <= minute(NOW); m++) {
      const active = random.int(0, 12);
      row.run(
        campaign.id,
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
})();

const conditions: AlertCondition[] = [
  { kind: 'rate_below', metric: 'answer_rate', threshold: 30, window_calls: 200 },
  { kind: 'failed_share_above', threshold: 20, window_calls: 500 },
  { kind: 'answer_rate_drop', threshold: 60 },
  { kind: 'stalled', for_minutes: 10 },
  { kind: 'finished' },
  { kind: 'at_cap', for_minutes: 5 },
];
const at = new Date(NOW - 3_600_000);
db.transaction(() => {
  for (let i = 0; i < RULES; i++) {
    // One rule in 50 watches every campaign of the org (200 campaigns each), the rest one.
    const orgWide = i % 50 === 0 ? null : ids[i % CAMPAIGNS]!;
    createRule(
      db,
      'org_bench',
      {
        name: `Rule ${i}`,
        campaign_id: orgWide,
        condition: conditions[i % conditions.length]!,
        channels: [],
      },
      [{ type: 'slack', url: 'https://hooks.slack.com/services/T/B/x' }],
      at,
    );
  }
})();
const rows = (db.prepare('SELECT COUNT(*) n FROM campaign_minutes').get() as { n: number }).n;
const pairs = (
  db
    .prepare(
      `SELECT SUM(CASE WHEN campaign_id IS NULL THEN ${CAMPAIGNS} ELSE 1 END) n FROM alert_rules`,
    )
    .get() as { n: number }
).n;
console.log(machineLine());
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(
      ' ',
    )}; seeded ${CAMPAIGNS} campaigns, ${rows.toLocaleString('en')} campaign minutes, ${RULES} rules (${pairs.toLocaleString('en')} rule × campaign pairs) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// Every 15 s of the clock, as the server does: the first evaluation opens the episodes.
const samples: number[] = [];
let fired = 0;
const cpu = process.cpuUsage();
for (let i = 0; i < 40; i++) {
  const t = performance.now();
  const result = evaluateAlerts(db, new Date(NOW + i * 15_000));
  samples.push(performance.now() - t);
  fired += result.fired;
}
const used = process.cpuUsage(cpu);
const first = samples[0]!;
const steady = samples.slice(1).sort((a, b) => a - b);
console.log(
  `first evaluation ${first.toFixed(1)} ms (${fired} episodes fired); then median ${percentile(steady, 50).toFixed(1)} ms, p95 ${percentile(steady, 95).toFixed(1)} ms, max ${steady.at(-1)!.toFixed(1)} ms; CPU ${((used.user + used.system) / 1000 / samples.length).toFixed(1)} ms per evaluation`,
);
if (percentile(steady, 50) >= 50) {
  console.error('Alert evaluation over its 50 ms target');
  process.exit(1);
}
