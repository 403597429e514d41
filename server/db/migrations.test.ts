import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactFilters } from '../../contract/extensions.ts';
import { checkCounters, dialerSetup, run } from '../testing/dialer-test-support.ts';
import { load, recompute } from '../testing/report-test-support.ts';
import { callsOf, recountFinished, recountTimeline } from '../testing/timeline-test-support.ts';
import { campaignTimeline, orgTimeline, timelineRange } from '../domain/timeline.ts';
import { campaignRows, findCampaign, forecastRow } from './campaigns.ts';
import { deleteContact, listContacts, requeueContacts } from './contacts.ts';
import { campaignOutcome, setGoal } from './goal-cost.ts';
import { campaignReport } from './report.ts';
import { listCalls } from './calls.ts';
import { recordingSecret } from './recordings.ts';
import { MIGRATIONS } from './migrations/index.ts';
import * as rollups from './migrations/005-minute-rollups.ts';
import { fold, migrate, openDatabase, type Db } from './schema.ts';
import { createRule } from '../domain/alert-rules.ts';
import { evaluateAlerts } from '../domain/alert-evaluation.ts';

const LATEST = MIGRATIONS.at(-1)!.version;
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A database file as main wrote it before numbered migrations: schema-v0.sql and rows. */
function oldDatabaseFile(opts: { withoutBlocks?: boolean } = {}) {
  dir = mkdtempSync(join(tmpdir(), 'headroom-migrate-'));
  const path = join(dir, 'old.db');
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  db.exec(readFileSync(new URL('./migrations/fixtures/schema-v0.sql', import.meta.url), 'utf8'));
  db.exec(`
    INSERT INTO orgs VALUES ('org_a', 'A', 7);
    INSERT INTO credentials VALUES ('hash', 'ak', 'org_a', NULL, 'campaigns:manage', 'Old key');
    INSERT INTO configurations (id, org_id, name, timezone, schedule, max_attempts, retry_interval_minutes, created_at, updated_at)
      VALUES ('cfg', 'org_a', 'Old config', 'Europe/London', NULL, 2, 5, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    INSERT INTO campaigns (id, org_id, external_id, name, status, configuration_id, created_at, updated_at)
      VALUES ('c1', 'org_a', 'old', 'Old campaign', 'active', 'cfg', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    INSERT INTO conversations VALUES ('conv1', 'org_a', '2026-01-01T10:00:00Z', '2026-01-01T10:02:00Z', '[]');
    INSERT INTO evaluation_runs (id, conversation_id, metric_key, status, results, created_at)
      VALUES ('run1', 'conv1', 'qualification', 'completed', '{"interested":true}', '2026-01-01T10:03:00Z');
  `);
  const contact = db.prepare(
    `INSERT INTO contacts (id, org_id, campaign_id, external_id, phone_numbers, status, created_at, updated_at)
     VALUES (?, 'org_a', 'c1', ?, '["+14155550100"]', ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
  );
  const attempt = db.prepare(
    `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, conversation_id, started_at, ended_at, status, result)
     VALUES (?, 'org_a', 'c1', ?, '+14155550100', ?, '2026-01-01T10:00:00Z', ?, ?, ?)`,
  );
  const statuses = ['pending', 'locked', 'in_progress', 'completed', 'exhausted'];
  db.exec('BEGIN');
  for (let i = 0; i < 2500; i++) {
    const status = statuses[i % 5]!;
    contact.run(`k${i}`, `ext-${i}`, status);
    if (status === 'completed')
      attempt.run(
        `a${i}`,
        `k${i}`,
        i === 3 ? 'conv1' : null,
        '2026-01-01T10:02:00Z',
        'completed',
        i === 3 ? '{"qualification.interested":true}' : null,
      );
    if (status === 'exhausted') {
      attempt.run(`a${i}x`, `k${i}`, null, '2026-01-01T10:01:00Z', 'no_answer', null);
      attempt.run(`a${i}y`, `k${i}`, null, '2026-01-01T11:01:00Z', 'busy', null);
    }
    if (status === 'in_progress') attempt.run(`a${i}`, `k${i}`, null, null, 'in_progress', null);
  }
  db.exec('COMMIT');
  if (opts.withoutBlocks) db.exec('DROP TABLE contact_blocks');
  const counts = db
    .prepare('SELECT n_pending, n_in_progress, n_completed, n_exhausted, n_attempts FROM campaigns')
    .get();
  db.close();
  return { path, counts };
}

/** The old campaign's timeline over its day of calls, in minutes and in 5-minute buckets, read as the route would. */
function oldTimelines(db: Db) {
  const now = new Date('2026-01-02T00:00:00Z');
  const query = (bucket_seconds: number) => ({
    from: '2026-01-01T09:00:00Z',
    to: '2026-01-01T12:00:00Z',
    bucket_seconds,
  });
  const campaign = forecastRow(campaignRows(db, 'org_a', ['c1'])[0]!);
  return [60, 300].map((b) => ({
    campaign: campaignTimeline(db, campaign, timelineRange(query(b), now), now).points,
    org: orgTimeline(db, 'org_a', timelineRange(query(b), now), now).points,
  }));
}

const rollupRows = (db: Db) => ({
  campaigns: db.prepare('SELECT * FROM campaign_minutes ORDER BY campaign_id, minute').all(),
  orgs: db.prepare('SELECT * FROM org_minutes ORDER BY org_id, minute').all(),
});

describe('numbered migrations', () => {
  it('upgrade a database file written before them, keeping every row and counter', () => {
    const { path, counts } = oldDatabaseFile();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare('SELECT COUNT(*) n FROM contacts').get()).toEqual({ n: 2500 });
    expect(db.prepare('SELECT COUNT(*) n FROM attempts').get()).toEqual({ n: 2000 });
    expect(db.prepare('SELECT label FROM credentials').get()).toEqual({ label: 'Old key' });
    expect(db.prepare('SELECT concurrency_limit FROM orgs').get()).toEqual({
      concurrency_limit: 7,
    });
    expect(db.prepare("SELECT results FROM evaluation_runs WHERE id = 'run1'").get()).toEqual({
      results: '{"interested":true}',
    });
    expect(
      db
        .prepare(
          'SELECT n_pending, n_in_progress, n_completed, n_exhausted, n_attempts FROM campaigns',
        )
        .get(),
    ).toEqual(counts);
    expect(counts).toEqual({
      n_pending: 500,
      n_in_progress: 1000,
      n_completed: 500,
      n_exhausted: 500,
      n_attempts: 2000,
    });
    checkCounters(db);
    // The report's aggregates are backfilled from the old rows.
    const {
      campaign_id: _c,
      generated_at: _g,
      ...report
    } = campaignReport(db, 'c1', {}, '2026-01-02T00:00:00Z');
    expect(report).toEqual(recompute(load(db, 'c1'), {}));
    expect(report.results).toEqual([
      { key: 'qualification.interested', type: 'boolean', count: 1, true: 1, false: 0 },
    ]);
    // So are the contact summaries and the search index behind filtered reports and pages.
    const filters: ContactFilters[] = [
      { last_status: ['busy'] },
      { first_status: ['completed'], attempts: [1] },
      { result: ['qualification.interested:true'] },
      { search: 'ext-24' },
    ];
    for (const f of filters) {
      const {
        campaign_id: _fc,
        generated_at: _fg,
        ...part
      } = campaignReport(db, 'c1', f, '2026-01-02T00:00:00Z');
      expect(part).toEqual(recompute(load(db, 'c1'), f));
    }
    expect(
      listContacts(db, 'org_a', 'c1', { limit: 200, offset: 0, filters: { search: 'EXT-249' } })
        .total,
    ).toBe(11);
    // No contact was ever requeued (every budget starts at its first attempt) and no write recorded.
    expect(
      db.prepare('SELECT COUNT(*) n FROM contacts WHERE attempts_before_requeue != 0').get(),
    ).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) n FROM activity').get()).toEqual({ n: 0 });
    // No goal and no rate card yet; contacts with a completed call are counted, so a goal set
    // now converts at once over the old calls.
    expect(campaignOutcome(db, 'c1')).toMatchObject({
      goal: null,
      answered: 500,
      conversions: 0,
      rate_card: null,
      spend: 0,
    });
    setGoal(db, 'c1', { results: ['qualification.interested:true'] });
    expect(campaignOutcome(db, 'c1')).toMatchObject({ conversions: 1, conversion_rate: 0.2 });
    // Every campaign reads uncapped, as it dialed before.
    expect(findCampaign(db, 'org_a', 'c1')).toMatchObject({
      name: 'Old campaign',
      max_concurrent_calls: null,
    });
    // The timeline's rollups are backfilled: they equal a recount from the attempts.
    const timelines = oldTimelines(db);
    for (const [i, b] of [60, 300].entries()) {
      const recount = (key: 'campaign_id' | 'org_id', id: string) =>
        recountTimeline(
          callsOf(db, key, id),
          '2026-01-01T09:00:00Z',
          '2026-01-01T12:00:00Z',
          b,
          '2026-01-02T00:00:00Z',
        );
      expect(timelines[i]!.campaign).toEqual(recount('campaign_id', 'c1'));
      expect(timelines[i]!.org).toEqual(
        recount('org_id', 'org_a').map((p) => ({
          at: p.at,
          active_calls_max: p.active_calls_max,
          concurrency_limit: 7,
        })),
      );
    }
    expect(timelines[0]!.campaign.find((p) => p.at === '2026-01-01T10:00:00Z')).toMatchObject({
      started: 2000,
      active_calls_max: 2000,
    });
    expect(timelines[0]!.campaign.at(-1)).toMatchObject({ started: 0, active_calls_max: 500 });
    const finished = db
      .prepare(
        "SELECT minute, finished FROM campaign_minutes WHERE campaign_id = 'c1' AND finished > 0",
      )
      .all() as { minute: number; finished: number }[];
    expect(new Map(finished.map((r) => [r.minute, r.finished]))).toEqual(recountFinished(db, 'c1'));
    // A requeue there moves the counters as any status change does; the timeline is history
    // and stays as it was, as it does when contacts are deleted with their calls.
    expect(requeueContacts(db, 'c1', ['exhausted'], {}, new Date('2026-01-02T00:00:00Z'))).toBe(
      500,
    );
    checkCounters(db);
    deleteContact(db, 'k4', new Date('2026-01-02T00:00:00Z'));
    expect(oldTimelines(db)).toEqual(timelines);
    // And it keeps working: a reopen migrates nothing, writes move the counters.
    db.close();
    const again = openDatabase(path);
    again.prepare("UPDATE contacts SET status = 'completed' WHERE id = 'k0'").run();
    checkCounters(again);
    again.close();
  });

  it('backfill the same per-minute rollups that the triggers keep as the dialer calls', async () => {
    const s = dialerSetup({ seed: 11 });
    const cfg = await s.call('POST', '/campaign/configurations', {
      name: 'Two tries',
      max_attempts: 2,
      retry_interval_minutes: 5,
    });
    await s.call('POST', '/campaign/campaigns', {
      name: 'A',
      configuration_id: cfg.id,
      contacts: s.contacts(150, 'a'),
    });
    await s.call('POST', '/campaign/campaigns', { name: 'B', contacts: s.contacts(150, 'b') });
    run(s, 45);
    const kept = rollupRows(s.db);
    expect(kept.campaigns.length).toBeGreaterThan(60);
    s.db
      .exec(`DROP TABLE campaign_minutes; DROP TABLE org_minutes; DROP INDEX attempts_campaign_in_flight;
      DROP TRIGGER attempts_minutes_insert; DROP TRIGGER attempts_minutes_end; DROP TRIGGER attempts_minutes_insert_ended;
      DROP TRIGGER contacts_minutes_finished;`);
    rollups.up(s.db);
    expect(rollupRows(s.db)).toEqual(kept);
  });

  it('make a recording-link secret once and let an old campaign page its call log by status', () => {
    const { path } = oldDatabaseFile();
    const db = openDatabase(path);
    const secret = recordingSecret(db);
    expect(secret).toHaveLength(32);
    db.close();
    // A second start keeps the secret: links signed before a restart still play.
    const again = openDatabase(path);
    expect(recordingSecret(again).equals(secret)).toBe(true);
    const busy = listCalls(again, 'c1', {
      statuses: ['busy'],
      from: '',
      through: '9999-12-31T23:59:59Z',
      after: null,
      limit: 200,
    });
    expect(busy.calls).toHaveLength(200);
    expect(busy.more).toBe(true);
    expect(busy.calls[0]).toMatchObject({ status: 'busy', attempt_number: 2 });
    const plan = again
      .prepare(
        "EXPLAIN QUERY PLAN SELECT seq FROM attempts WHERE campaign_id = 'c1' AND status = 'busy' ORDER BY started_at DESC",
      )
      .all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join()).toContain('attempts_campaign_status_started');
    again.close();
  });

  it('count the blocks of a database written before contact_blocks existed', () => {
    const { path } = oldDatabaseFile({ withoutBlocks: true });
    const db = openDatabase(path);
    const page = listContacts(db, 'org_a', 'c1', { limit: 5, offset: 2498 });
    expect(page.contacts.map((c) => c.external_id)).toEqual(['ext-2498', 'ext-2499']);
    checkCounters(db);
    db.close();
  });

  it('roll back whole when one fails, leaving the version as it was', () => {
    const db = openDatabase(':memory:');
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST + 1,
        name: 'half done',
        up: (d: typeof db) => {
          d.exec('CREATE TABLE half_done (x)');
          throw new Error('disk on fire');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('disk on fire');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(
      db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'half_done'").get(),
    ).toBeUndefined();
  });

  it('add the alert tables to a database at version 8, whose campaigns the rules then watch', () => {
    const { path } = oldDatabaseFile();
    const raw = new Database(path);
    raw.function('fold', { deterministic: true }, (t: unknown) =>
      typeof t === 'string' ? fold(t) : null,
    );
    migrate(
      raw,
      MIGRATIONS.filter((m) => m.version <= 8),
    );
    expect(raw.pragma('user_version', { simple: true })).toBe(8);
    raw.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST);
    expect(db.prepare('SELECT COUNT(*) n FROM contacts').get()).toEqual({ n: 2500 });
    const now = new Date('2026-01-02T00:00:00Z');
    createRule(
      db,
      'org_a',
      {
        name: 'Busy lines',
        campaign_id: 'old',
        condition: { kind: 'failed_share_above', threshold: 50, window_calls: 100 },
        channels: [],
      },
      [{ type: 'slack', url: 'https://hooks.slack.com/services/T/B/x' }],
      now,
    );
    // The old calls' rollups: the last 100 ended calls were the busy retries.
    expect(evaluateAlerts(db, now)).toEqual({ rules: 1, fired: 1, resolved: 0 });
    expect(db.prepare('SELECT campaign_id, state, value FROM alert_events').all()).toEqual([
      { campaign_id: 'c1', state: 'firing', value: 100 },
    ]);
    expect(db.prepare('SELECT status FROM alert_deliveries').all()).toEqual([
      { status: 'pending' },
    ]);
    db.close();
  });

  it('refuse a database newer than the code', () => {
    const db = openDatabase(':memory:');
    db.pragma(`user_version = ${LATEST + 1}`);
    expect(() => migrate(db)).toThrow(/schema version/);
  });
});
