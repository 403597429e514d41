import { MAX_ATTEMPTS, RETRY_INTERVAL, type Schedule } from '../../contract/schemas.ts';
import type { RateCardColumns } from './goal-cost.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

// What the planner reads of a campaign: each a few index reads, so 200 plans stay cheap.

export type PlanRow = {
  id: string;
  status: string;
  max_concurrent_calls: number | null;
  n_att_ended: number;
  timezone: string;
  schedule: Schedule | null;
  max_attempts: number;
  retry_interval_minutes: number;
  talk_seconds: number;
  n_att_completed: number;
  n_pending: number;
} & RateCardColumns;

const PLAN_COLUMNS = `c.id, c.status, c.n_pending, c.max_concurrent_calls, c.n_att_completed, c.talk_seconds,
  c.n_att_completed + c.n_att_no_answer + c.n_att_busy + c.n_att_voicemail + c.n_att_failed AS n_att_ended,
  COALESCE(cfg.timezone, 'UTC') AS timezone, cfg.schedule,
  COALESCE(cfg.max_attempts, ${MAX_ATTEMPTS.default}) AS max_attempts,
  COALESCE(cfg.retry_interval_minutes, ${RETRY_INTERVAL.default}) AS retry_interval_minutes,
  cfg.rate_currency, cfg.rate_per_call, cfg.rate_per_minute
  FROM campaigns c LEFT JOIN configurations cfg ON cfg.id = c.configuration_id`;

const parsed = (row: Omit<PlanRow, 'schedule'> & { schedule: string | null }): PlanRow => ({
  ...row,
  schedule: row.schedule ? (JSON.parse(row.schedule) as Schedule) : null,
});

export function planRow(db: Db, orgId: string, id: string): PlanRow | null {
  const row = sql<[string, string], Omit<PlanRow, 'schedule'> & { schedule: string | null }>(
    db,
    `SELECT ${PLAN_COLUMNS} WHERE c.org_id = ? AND c.id = ?`,
  ).get(orgId, id);
  return row ? parsed(row) : null;
}

/** The org's active campaigns, oldest first. */
export function activePlanRows(db: Db, orgId: string): PlanRow[] {
  return sql<[string], Omit<PlanRow, 'schedule'> & { schedule: string | null }>(
    db,
    `SELECT ${PLAN_COLUMNS} WHERE c.org_id = ? AND c.status = 'active' ORDER BY c.seq`,
  )
    .all(orgId)
    .map(parsed);
}

/**
 * Contacts left (pending, or in a call, counted before that call) by the attempts they have
 * made. Fresh contacts are the pending counter less those waiting for a retry, which the
 * dialer's queue index counts alone (attempt_count, not the budget a requeue reset: the
 * planner counts a contact past its budget as fresh); calls in flight come from theirs.
 */
export function remainingByAttempts(
  db: Db,
  campaignId: string,
  pending: number,
): Map<number, number> {
  const retries = sql<[string], [number, number]>(
    db,
    "SELECT attempt_count, COUNT(*) FROM contacts WHERE campaign_id = ? AND status = 'pending' AND attempt_count > 0 GROUP BY attempt_count",
  )
    .raw()
    .all(campaignId);
  const calling = sql<[string], [number, number]>(
    db,
    `SELECT k.attempt_count - 1, COUNT(*) FROM attempts a JOIN contacts k ON k.id = a.contact_id
     WHERE a.campaign_id = ? AND a.status = 'in_progress' GROUP BY k.attempt_count`,
  )
    .raw()
    .all(campaignId);
  const out = new Map<number, number>();
  const fresh = pending - retries.reduce((n, [, count]) => n + count, 0);
  if (fresh > 0) out.set(0, fresh);
  for (const [made, n] of [...retries, ...calling]) out.set(made, (out.get(made) ?? 0) + n);
  return out;
}

export function attemptNumbers(
  db: Db,
  campaignId: string,
): { attempt: number; ended: number; completed: number }[] {
  return sql<[string], { attempt: number; ended: number; completed: number }>(
    db,
    'SELECT number AS attempt, ended, completed FROM campaign_attempt_numbers WHERE campaign_id = ? ORDER BY number',
  ).all(campaignId);
}

/** The latest `n` calls that ended after `sinceIso`, and their line time in seconds. */
export function lastEndedCalls(
  db: Db,
  campaignId: string,
  sinceIso: string,
  n: number,
): { calls: number; seconds: number } {
  const row = sql<[string, string, number], { calls: number; seconds: number | null }>(
    db,
    `SELECT COUNT(*) AS calls, SUM((julianday(ended_at) - julianday(started_at)) * 86400) AS seconds
     FROM (SELECT started_at, ended_at FROM attempts WHERE campaign_id = ? AND ended_at > ?
           ORDER BY ended_at DESC LIMIT ?)`,
  ).get(campaignId, sinceIso, n)!;
  return { calls: row.calls, seconds: row.seconds ?? 0 };
}

export function lastEndedAt(db: Db, campaignId: string): string | null {
  return (
    sql<[string], { at: string | null }>(
      db,
      'SELECT MAX(ended_at) AS at FROM attempts WHERE campaign_id = ? AND ended_at IS NOT NULL',
    ).get(campaignId)?.at ?? null
  );
}
