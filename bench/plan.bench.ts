// The org plan (target < 100 ms for 200 campaigns): an org of 200 active campaigns of 1,000
// contacts each, 300 calls ended in the last 6 hours (some contacts on their second or third
// try), calling windows in several timezones, in-process through the app, at org limits of
// 10, 100 and 1,000 lines (at_lines has one entry per line: the answer grows with the limit).
import { setConcurrencyLimit } from '../server/db/orgs.ts';
import { createRandom } from '../server/dialer/random.ts';
import {
  benchDatabase,
  insertCampaigns,
  insertConfigurations,
  logSeeded,
  requestTimer,
} from './seed-campaigns.ts';

const NOW = Date.parse('2026-11-23T15:00:00Z'); // a Monday: 10:00 in New York
const CAMPAIGNS = 200;
const CONTACTS = 1000;
const CALLS = 300;
const random = createRandom(34);

const started = performance.now();
const db = benchDatabase(['campaigns:read']);
const configs = insertConfigurations(db);
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
insertCampaigns(db, CAMPAIGNS, configs, (id) => {
  for (let k = 0; k < CONTACTS; k++) contact.run(`${id}-${k}`, id);
  for (let a = 0; a < CALLS; a++) {
    const end = NOW - random.int(0, 6 * 3600) * 1000;
    attempt.run(
      `${id}-a${a}`,
      id,
      `${id}-${a % 200}`,
      iso(end - random.int(10, 240) * 1000),
      iso(end),
      STATUSES[random.int(0, STATUSES.length - 1)]!,
    );
  }
});
logSeeded(`${CAMPAIGNS} campaigns × ${CONTACTS} contacts, ${CALLS} calls each`, started);

const time = requestTimer(db, NOW, 40);
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
