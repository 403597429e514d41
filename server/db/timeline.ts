import { DEFAULT_CONCURRENCY_LIMIT } from '../../contract/schemas.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

// The per-minute rollups (migration 005): their reads, and the points a route writes because
// only it knows the time. Minutes are unixepoch / 60; a range is [from, to). Rows come back
// as arrays: a 7-day read is 10,080 of them.

/** minute, started, completed, no_answer, busy, voicemail, failed, active_calls_max, active_calls_end */
export type CampaignMinuteRow = [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number | null,
  number | null,
];
/** minute, active_calls_max, active_calls_end, concurrency_limit */
export type OrgMinuteRow = [number, number, number, number];

export function campaignMinutes(
  db: Db,
  campaignId: string,
  from: number,
  to: number,
): CampaignMinuteRow[] {
  return sql<[string, number, number], CampaignMinuteRow>(
    db,
    `SELECT minute, started, completed, no_answer, busy, voicemail, failed, active_calls_max, active_calls_end
     FROM campaign_minutes WHERE campaign_id = ? AND minute >= ? AND minute < ? ORDER BY minute`,
  )
    .raw()
    .all(campaignId, from, to);
}

/** The campaign's calls in flight at the start of `minute`, as the rows last counted them. */
export function campaignInFlightBefore(db: Db, campaignId: string, minute: number): number {
  return (
    sql<[string, number], { n: number }>(
      db,
      `SELECT active_calls_end AS n FROM campaign_minutes
       WHERE campaign_id = ? AND minute < ? AND active_calls_end IS NOT NULL ORDER BY minute DESC LIMIT 1`,
    ).get(campaignId, minute)?.n ?? 0
  );
}

export function orgMinutes(db: Db, orgId: string, from: number, to: number): OrgMinuteRow[] {
  return sql<[string, number, number], OrgMinuteRow>(
    db,
    `SELECT minute, active_calls_max, active_calls_end, concurrency_limit FROM org_minutes
     WHERE org_id = ? AND minute >= ? AND minute < ? ORDER BY minute`,
  )
    .raw()
    .all(orgId, from, to);
}

/** The org's last row before `minute`: calls in flight and the limit in force then. */
export function orgMinuteBefore(
  db: Db,
  orgId: string,
  minute: number,
): { active: number; limit: number } | null {
  return (
    sql<[string, number], { active: number; limit: number }>(
      db,
      `SELECT active_calls_end AS active, concurrency_limit AS "limit" FROM org_minutes
       WHERE org_id = ? AND minute < ? ORDER BY minute DESC LIMIT 1`,
    ).get(orgId, minute) ?? null
  );
}

/** Contacts of the campaign that finished in [from, to). */
export function finishedBetween(db: Db, campaignId: string, from: number, to: number): number {
  return (
    sql<[string, number, number], { n: number | null }>(
      db,
      'SELECT SUM(finished) AS n FROM campaign_minutes WHERE campaign_id = ? AND minute >= ? AND minute < ?',
    ).get(campaignId, from, to)!.n ?? 0
  );
}

/** A limit change is a point of the org's timeline, in the transaction that makes it. */
export function recordLimit(
  db: Db,
  orgId: string,
  minute: number,
  inFlight: number,
  limit: number,
): void {
  sql(
    db,
    `INSERT INTO org_minutes (org_id, minute, active_calls_max, active_calls_end, concurrency_limit) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET active_calls_max = max(active_calls_max, excluded.active_calls_max),
       active_calls_end = excluded.active_calls_end, concurrency_limit = excluded.concurrency_limit`,
  ).run(orgId, minute, inFlight, inFlight, limit);
}

/**
 * A call that stopped without ending (deleted in flight) at `minute`, as migration 005's
 * triggers count an end: the count after it afresh, one more before it.
 */
export function recordCallGone(
  db: Db,
  campaignId: string | null,
  orgId: string,
  minute: number,
): void {
  if (campaignId) {
    sql(
      db,
      `INSERT INTO campaign_minutes (campaign_id, minute, active_calls_max, active_calls_end)
         SELECT @id, @minute, n + 1, n FROM (SELECT COUNT(*) AS n FROM attempts WHERE campaign_id = @id AND status = 'in_progress') WHERE true
       ON CONFLICT DO UPDATE SET active_calls_max = max(COALESCE(active_calls_max, 0), excluded.active_calls_max),
         active_calls_end = excluded.active_calls_end`,
    ).run({ id: campaignId, minute });
  }
  sql(
    db,
    `INSERT INTO org_minutes (org_id, minute, active_calls_max, active_calls_end, concurrency_limit)
       SELECT @id, @minute, n + 1, n, (SELECT COALESCE(concurrency_limit, ${DEFAULT_CONCURRENCY_LIMIT}) FROM orgs WHERE id = @id)
       FROM (SELECT COUNT(*) AS n FROM attempts WHERE org_id = @id AND status = 'in_progress') WHERE true
     ON CONFLICT DO UPDATE SET active_calls_max = max(active_calls_max, excluded.active_calls_max),
       active_calls_end = excluded.active_calls_end, concurrency_limit = excluded.concurrency_limit`,
  ).run({ id: orgId, minute });
}
