// What the in-process benches of many campaigns share: an org's database, configurations with
// calling windows in several timezones, campaigns with counters and per-minute rollups, the
// lines that say what was seeded, and a timer of requests through the app.
import { loadavg } from 'node:os';
import type { Scope } from '../contract/scopes.ts';
import { createApp } from '../server/http/app.ts';
import { insertCampaign } from '../server/db/campaigns.ts';
import { createCredential, createOrg } from '../server/db/orgs.ts';
import { openDatabase } from '../server/db/schema.ts';
import type { createRandom } from '../server/dialer/random.ts';
import { machineLine, percentile } from './machine.ts';

export const ORG = 'org_bench';
const CREATED = '2026-11-01T00:00:00Z';
type Db = ReturnType<typeof openDatabase>;
type Random = ReturnType<typeof createRandom>;

/** An empty database with the bench's org and, given scopes, a key `ak_bench` holding them. */
export function benchDatabase(scopes?: Scope[]): Db {
  const db = openDatabase(':memory:');
  createOrg(db, { id: ORG, name: 'Bench' });
  if (scopes) createCredential(db, 'ak_bench', { orgId: ORG, scopes, label: 'bench' });
  return db;
}

export type BenchSchedule = { tz: string; days: string[]; start: string; end: string } | null;

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];
/**
 * No window, and windows in four timezones: at a Monday 15:00 UTC some are open and some
 * closed, so forecasts read back into earlier days.
 */
export const SCHEDULES: BenchSchedule[] = [
  null,
  { tz: 'America/New_York', days: WEEKDAYS, start: '09:00', end: '17:00' },
  { tz: 'America/Los_Angeles', days: WEEKDAYS, start: '09:00', end: '18:00' },
  { tz: 'Europe/London', days: WEEKDAYS, start: '09:00', end: '17:30' },
  { tz: 'Asia/Kolkata', days: ['sat', 'sun'], start: '10:00', end: '14:00' },
];

/** One configuration per schedule (3 attempts, 60 minutes apart); their ids in that order. */
export function insertConfigurations(db: Db, schedules: BenchSchedule[] = SCHEDULES): string[] {
  const insert = db.prepare(
    `INSERT INTO configurations (id, org_id, name, timezone, schedule, max_attempts, retry_interval_minutes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 3, 60, ?, ?)`,
  );
  return schedules.map((s, i) => {
    const id = `cfg-${i}`;
    insert.run(
      id,
      ORG,
      `Config ${i}`,
      s?.tz ?? 'UTC',
      s ? JSON.stringify({ days: s.days, start_time: s.start, end_time: s.end }) : null,
      CREATED,
      CREATED,
    );
    return id;
  });
}

/**
 * `count` active campaigns ("Campaign 0", external_id "c-0"…), the configurations in turn;
 * `seed` fills each as it is made. Their ids, in order.
 */
export function insertCampaigns(
  db: Db,
  count: number,
  configs: string[],
  seed: (id: string, index: number) => void,
): string[] {
  const ids: string[] = [];
  db.transaction(() => {
    for (let c = 0; c < count; c++) {
      const { id } = insertCampaign(
        db,
        ORG,
        {
          name: `Campaign ${c}`,
          external_id: `c-${c}`,
          configuration_id: configs[c % configs.length]!,
        },
        CREATED,
      );
      ids.push(id);
      seed(id, c);
    }
  })();
  return ids;
}

/** Counters as thousands of contacts and calls would leave them; `finished`: none left to call. */
export function setBusyCounters(db: Db, campaignId: string, finished = false) {
  db.prepare(
    `UPDATE campaigns SET n_pending = ?, n_in_progress = ?, n_completed = ?, n_exhausted = ?, n_attempts = ?,
       n_att_completed = ?, n_att_no_answer = ? WHERE id = ?`,
  ).run(finished ? 0 : 4000, finished ? 0 : 10, 3000, 1000, 9000, 3000, 6000, campaignId);
}

export const minuteOf = (ms: number) => Math.floor(ms / 60_000);

/** A writer of busy minutes: a few calls started and ended, a few contacts finished, some in flight. */
export function minuteHistory(db: Db, random: Random) {
  const row = db.prepare(
    `INSERT INTO campaign_minutes (campaign_id, minute, started, completed, no_answer, busy, voicemail, failed, finished,
       active_calls_max, active_calls_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  /** Every minute of the `days` before `now`, and its own. */
  return (campaignId: string, days: number, now: number) => {
    for (let m = minuteOf(now - days * 86_400_000); m <= minuteOf(now); m++) {
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
  };
}

/** The machine, its load and what was seeded in how long (since `started`), for RESULTS.md. */
export function logSeeded(what: string, started: number) {
  console.log(machineLine());
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; seeded ${what} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * Times GET requests with the bench's key through the app at `now`. Wall time suffers from
 * whatever else shares the cores; CPU time per request is what this process spent, closer to
 * what an idle machine would see.
 */
export function requestTimer(db: Db, now: number, labelWidth: number) {
  const app = createApp({ db, now: () => new Date(now) });
  const headers = { Authorization: 'Bearer ak_bench' };
  return async (label: string, runs: number, path: string) => {
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
      `  ${label.padEnd(labelWidth)} median ${ms(50)} ms   p95 ${ms(95)} ms   CPU ${((used.user + used.system) / 1000 / runs).toFixed(2).padStart(6)} ms   (${(bytes / 1024).toFixed(0)} KB)`,
    );
  };
}
