// Timelines and the stats batch (targets < 20 ms each): a campaign with 7 days of per-minute
// rollups in an org of 200 active campaigns with 4 days each, calling windows in several
// timezones (some open, some closed at the measured moment, so forecasts read back into
// earlier days), in-process through the app.
import { setConcurrencyLimit } from '../server/db/orgs.ts';
import { createRandom } from '../server/dialer/random.ts';
import {
  benchDatabase,
  insertCampaigns,
  insertConfigurations,
  logSeeded,
  minuteHistory,
  minuteOf,
  requestTimer,
  setBusyCounters,
} from './seed-campaigns.ts';

const NOW = Date.parse('2026-11-23T15:00:00Z'); // a Monday: 10:00 in New York, 07:00 in LA
const CAMPAIGNS = 200;
const random = createRandom(42);

const started = performance.now();
const db = benchDatabase(['campaigns:manage']);
setConcurrencyLimit(db, 'org_bench', 200, new Date(NOW - 7 * 86_400_000));
const configs = insertConfigurations(db);
const history = minuteHistory(db, random);
const ids = insertCampaigns(db, CAMPAIGNS, configs, (id, c) => {
  setBusyCounters(db, id);
  history(id, c === 0 ? 7 : 4, NOW);
});
const orgRow = db.prepare(
  `INSERT INTO org_minutes (org_id, minute, active_calls_max, active_calls_end, concurrency_limit)
   VALUES ('org_bench', ?, ?, ?, 200) ON CONFLICT DO NOTHING`,
);
db.transaction(() => {
  for (let m = minuteOf(NOW - 7 * 86_400_000); m <= minuteOf(NOW); m++) {
    const active = random.int(100, 200);
    orgRow.run(m, active, active);
  }
})();
const rows = (db.prepare('SELECT COUNT(*) n FROM campaign_minutes').get() as { n: number }).n;
logSeeded(`${CAMPAIGNS} campaigns, ${rows.toLocaleString('en')} campaign minutes`, started);

const time = requestTimer(db, NOW, 46);
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
