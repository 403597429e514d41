import { createApp } from '../server/http/app.ts';
import { insertCampaign } from '../server/db/campaigns.ts';
import { upsertContacts } from '../server/db/contacts.ts';
import { createCredential, createOrg, setConcurrencyLimit } from '../server/db/orgs.ts';
import { openDatabase, type Db } from '../server/db/schema.ts';

const STAMP = '2026-11-23T15:00:00Z';

function benchOrg(limit: number) {
  const db = openDatabase(':memory:');
  createOrg(db, { id: 'org_bench', name: 'Bench' });
  createCredential(db, 'ak_bench', {
    orgId: 'org_bench',
    scopes: ['campaigns:manage', 'concurrency:manage'],
    label: 'bench',
  });
  setConcurrencyLimit(db, 'org_bench', limit, new Date(STAMP));
  return db;
}

/** An org with `campaigns` active campaigns sharing `contacts` contacts, through the real upsert. */
export function seedLarge(opts: {
  contacts: number;
  campaigns: number;
  limit: number;
  now: () => Date;
}) {
  const db = benchOrg(opts.limit);
  const ids: string[] = [];
  const per = Math.ceil(opts.contacts / opts.campaigns);
  for (let c = 0; c < opts.campaigns; c++) {
    const campaign = insertCampaign(
      db,
      'org_bench',
      { name: `Bench ${c}`, external_id: `bench-${c}`, configuration_id: null },
      STAMP,
    );
    ids.push(campaign.id);
    for (let i = 0; i < per; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, per - i) }, (_, j) => ({
        external_id: `c${c}-${i + j}`,
        phone_numbers: [`+1212${String(5550000 + ((i + j) % 9999999)).padStart(7, '0')}`],
        data: { first_name: 'Ada', company: 'Bench Inc' },
      }));
      upsertContacts(db, 'org_bench', campaign.id, batch, STAMP);
    }
  }
  return { db, campaignIds: ids, app: createApp({ db, now: opts.now }) };
}

/**
 * One campaign of `contacts` contacts with two ended attempts each, written in bulk SQL (the
 * triggers still keep every counter): a third completed with evaluation results on the
 * completed attempt, a third exhausted, a third pending a retry.
 */
export function seedHistory(contacts: number, now: () => Date) {
  const db = benchOrg(200);
  const campaign = insertCampaign(
    db,
    'org_bench',
    { name: 'History', external_id: 'history', configuration_id: null },
    STAMP,
  );
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
       INSERT INTO contacts (id, org_id, campaign_id, external_id, phone_numbers, data, created_at, updated_at)
       SELECT lower(hex(randomblob(16))), 'org_bench', ?, 'k' || i, '["+12125550100"]',
         '{"first_name":"Ada","company":"Bench Inc"}', ?, ? FROM n`,
    ).run(contacts, campaign.id, STAMP, STAMP);
    const attempt = (status: string, result: string | null, where: string) =>
      db
        .prepare(
          `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, started_at, ended_at, status, result)
           SELECT lower(hex(randomblob(16))), org_id, campaign_id, id, '+12125550100', ?, ?, ?, ? FROM contacts
           WHERE campaign_id = ? ${where}`,
        )
        .run(STAMP, STAMP, status, result, campaign.id);
    attempt('no_answer', null, '');
    attempt(
      'completed',
      '{"qualification.interested":true,"quality.score":8,"sentiment.overall":"positive"}',
      'AND seq % 3 = 0',
    );
    attempt('voicemail', null, 'AND seq % 3 != 0');
    db.prepare(
      `UPDATE contacts SET status = CASE seq % 3 WHEN 0 THEN 'completed' WHEN 1 THEN 'exhausted' ELSE 'pending' END
       WHERE campaign_id = ?`,
    ).run(campaign.id);
  })();
  return { db, campaignId: campaign.id, app: createApp({ db, now }) };
}

/** `n` campaigns in the bench org, a tenth of them named "Spring …". */
export function seedCampaigns(db: Db, n: number) {
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const name = i % 10 === 0 ? `Spring renewals ${i}` : `Campaign ${i}`;
      insertCampaign(
        db,
        'org_bench',
        { name, external_id: `list-${i}`, configuration_id: null },
        STAMP,
      );
    }
  })();
}
