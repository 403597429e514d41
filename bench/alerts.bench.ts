// Alert evaluation (target < 50 ms): 1,000 enabled rules over 200 active campaigns with 4 to
// 7 days of per-minute rollups each, every condition represented, org-wide and per-campaign
// rules, calling windows in several time zones. One evaluation reads counters, rollups and the
// attempts' started_at index only.
import type { AlertCondition } from '../contract/alerts.ts';
import { setConcurrencyLimit } from '../server/db/orgs.ts';
import { createRule } from '../server/domain/alert-rules.ts';
import { evaluateAlerts } from '../server/domain/alert-evaluation.ts';
import { createRandom } from '../server/dialer/random.ts';
import { percentile } from './machine.ts';
import {
  benchDatabase,
  insertCampaigns,
  insertConfigurations,
  logSeeded,
  minuteHistory,
  setBusyCounters,
} from './seed-campaigns.ts';

const NOW = Date.parse('2026-12-01T15:00:00Z'); // a Tuesday
const CAMPAIGNS = 200;
const RULES = 1000;
const random = createRandom(7);
const started = performance.now();
const db = benchDatabase();
setConcurrencyLimit(db, 'org_bench', 200, new Date(NOW - 7 * 86_400_000));
const zones = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Kolkata'];
const configs = insertConfigurations(db, [
  null,
  ...zones.map((tz) => ({
    tz,
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: '09:00',
    end: '17:00',
  })),
]);
const history = minuteHistory(db, random);
// One campaign in ten has finished: nothing pending or in progress.
const ids = insertCampaigns(db, CAMPAIGNS, configs, (id, c) => {
  setBusyCounters(db, id, c % 10 === 0);
  history(id, c === 0 ? 7 : 4, NOW);
});

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
logSeeded(
  `${CAMPAIGNS} campaigns, ${rows.toLocaleString('en')} campaign minutes, ${RULES} rules (${pairs.toLocaleString('en')} rule × campaign pairs)`,
  started,
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
