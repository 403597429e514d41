import { randomUUID } from 'node:crypto';
import type { Campaign, CampaignStatus, Schedule, Stats } from '../../contract/schemas.ts';
import { parseGoal } from './goal-cost.ts';
import { activeCalls, concurrencyLimit } from './orgs.ts';
import { fold, type Db } from './schema.ts';
import { sql } from './statements.ts';

// finished (ext): active or paused, with contacts, nothing pending or in progress.
const FINISHED =
  "(status != 'closed' AND n_pending + n_in_progress = 0 AND n_completed + n_exhausted > 0)";
const COLUMNS = `id, external_id, name, status, configuration_id, created_at, updated_at, max_concurrent_calls,
  goal, ${FINISHED} AS finished`;
type Row = Omit<Campaign, 'goal' | 'finished'> & { goal: string | null; finished: number };
const toCampaign = (row: Row): Campaign => ({
  ...row,
  goal: parseGoal(row.goal),
  finished: row.finished === 1,
});

/** What a create or update writes; max_concurrent_calls is the (ext) per-campaign cap. */
export type CampaignFields = {
  name: string;
  external_id: string | null;
  configuration_id: string | null;
  max_concurrent_calls: number | null;
};

/** Resolves a campaign by UUID or external_id within the org (the UUID wins a tie). */
export function findCampaign(db: Db, orgId: string, idOrExternalId: string): Campaign | null {
  const byId = findCampaignById(db, orgId, idOrExternalId);
  if (byId) return byId;
  const row = sql<[string, string], Row>(
    db,
    `SELECT ${COLUMNS} FROM campaigns WHERE org_id = ? AND external_id = ?`,
  ).get(orgId, idOrExternalId);
  return row ? toCampaign(row) : null;
}

export function findCampaignById(db: Db, orgId: string, id: string): Campaign | null {
  const row = sql<[string, string], Row>(
    db,
    `SELECT ${COLUMNS} FROM campaigns WHERE org_id = ? AND id = ?`,
  ).get(orgId, id);
  return row ? toCampaign(row) : null;
}

export function externalIdTaken(
  db: Db,
  orgId: string,
  externalId: string,
  exceptId?: string,
): boolean {
  return !!sql(
    db,
    'SELECT 1 FROM campaigns WHERE org_id = ? AND external_id = ? AND id IS NOT ?',
  ).get(orgId, externalId, exceptId ?? null);
}

export function insertCampaign(
  db: Db,
  orgId: string,
  input: Omit<CampaignFields, 'max_concurrent_calls'> & { max_concurrent_calls?: number | null },
  now: string,
): Campaign {
  const id = randomUUID();
  sql(
    db,
    `INSERT INTO campaigns (id, org_id, external_id, name, status, configuration_id, max_concurrent_calls, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?)`,
  ).run(
    id,
    orgId,
    input.external_id,
    input.name,
    input.configuration_id,
    input.max_concurrent_calls ?? null,
    now,
    now,
  );
  return findCampaignById(db, orgId, id)!;
}

export function updateCampaign(
  db: Db,
  orgId: string,
  id: string,
  fields: CampaignFields,
  now: string,
): Campaign {
  sql(
    db,
    'UPDATE campaigns SET name = ?, external_id = ?, configuration_id = ?, max_concurrent_calls = ?, updated_at = ? WHERE org_id = ? AND id = ?',
  ).run(
    fields.name,
    fields.external_id,
    fields.configuration_id,
    fields.max_concurrent_calls,
    now,
    orgId,
    id,
  );
  return findCampaignById(db, orgId, id)!;
}

export function setCampaignStatus(
  db: Db,
  orgId: string,
  id: string,
  status: CampaignStatus,
  now: string,
): Campaign {
  sql(db, 'UPDATE campaigns SET status = ?, updated_at = ? WHERE org_id = ? AND id = ?').run(
    status,
    now,
    orgId,
    id,
  );
  return findCampaignById(db, orgId, id)!;
}

export function listCampaigns(
  db: Db,
  orgId: string,
  q: {
    limit: number;
    afterSeq: number | null;
    name?: string;
    status?: CampaignStatus[];
    /** (ext) finished: only finished campaigns (true) or only the others (false). */
    finished?: boolean;
  },
): { campaigns: Campaign[]; lastSeq: number | null; more: boolean } {
  const where = ['org_id = ?'];
  const params: unknown[] = [orgId];
  if (q.afterSeq !== null) {
    where.push('seq < ?');
    params.push(q.afterSeq);
  }
  if (q.name) {
    // fold() beyond ASCII: "ärzte" finds "Ärzte", which LIKE would not.
    where.push('instr(fold(name), ?) > 0');
    params.push(fold(q.name));
  }
  if (q.status?.length) {
    where.push(`status IN (${q.status.map(() => '?').join(', ')})`);
    params.push(...q.status);
  }
  if (q.finished !== undefined) where.push(q.finished ? FINISHED : `NOT ${FINISHED}`);
  params.push(q.limit + 1);
  const rows = sql<unknown[], Row & { seq: number }>(
    db,
    `SELECT seq, ${COLUMNS} FROM campaigns WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`,
  ).all(...params);
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  return {
    campaigns: page.map(({ seq: _seq, ...c }) => toCampaign(c)),
    lastSeq: page.at(-1)?.seq ?? null,
    more,
  };
}

type CounterRow = {
  status: CampaignStatus;
  n_pending: number;
  n_in_progress: number;
  n_completed: number;
  n_exhausted: number;
  n_attempts: number;
};

/** A campaign's counters with what its forecast needs: outcomes so far and its calling window. */
export type CampaignRow = CounterRow & {
  id: string;
  n_att_completed: number;
  n_att_ended: number;
  /** (ext goal and cost) its goal's counters and its spend (see goal-cost.ts). */
  goal: string | null;
  n_answered: number;
  n_converted: number;
  cost_units: number;
  rate_currency: string | null;
  timezone: string;
  schedule: Schedule | null;
};
/** What the finish forecast reads of a campaign. */
export type ForecastRow = {
  id: string;
  status: CampaignStatus;
  remaining: number;
  timezone: string;
  schedule: Schedule | null;
  /** Calls ended so far: a finish range needs enough of them. */
  ended: number;
};

/** The campaigns of `ids` in this org (others are left out), in one query, in no order. */
export function campaignRows(db: Db, orgId: string, ids: readonly string[]): CampaignRow[] {
  return sql<[string, string], Omit<CampaignRow, 'schedule'> & { schedule: string | null }>(
    db,
    `SELECT c.id, c.status, c.n_pending, c.n_in_progress, c.n_completed, c.n_exhausted, c.n_attempts, c.n_att_completed,
       c.n_att_completed + c.n_att_no_answer + c.n_att_busy + c.n_att_voicemail + c.n_att_failed AS n_att_ended,
       c.goal, c.n_answered, c.n_converted, c.cost_units, cfg.rate_currency,
       COALESCE(cfg.timezone, 'UTC') AS timezone, cfg.schedule
     FROM campaigns c LEFT JOIN configurations cfg ON cfg.id = c.configuration_id
     WHERE c.org_id = ? AND c.id IN (SELECT value FROM json_each(?))`,
  )
    .all(orgId, JSON.stringify(ids))
    .map((row) => ({
      ...row,
      schedule: row.schedule ? (JSON.parse(row.schedule) as Schedule) : null,
    }));
}

export const forecastRow = (row: CampaignRow): ForecastRow => ({
  id: row.id,
  status: row.status,
  remaining: row.n_pending + row.n_in_progress,
  ended: row.n_att_ended,
  timezone: row.timezone,
  schedule: row.schedule,
});

/** The stats snapshot from a campaign's counters and the org's calls in flight and limit. */
export function snapshot(
  id: string,
  row: CounterRow,
  activeCalls: number,
  concurrencyLimit: number,
): Stats {
  const total = row.n_pending + row.n_in_progress + row.n_completed + row.n_exhausted;
  return {
    campaign_id: id,
    status: row.status,
    contacts: {
      total,
      pending: row.n_pending,
      in_progress: row.n_in_progress,
      completed: row.n_completed,
      exhausted: row.n_exhausted,
    },
    attempts: {
      total: row.n_attempts,
      average_per_contact:
        total === 0 || row.n_attempts === 0 ? 0 : Math.round((row.n_attempts / total) * 100) / 100,
    },
    active_calls: activeCalls,
    concurrency_limit: concurrencyLimit,
  };
}

/** The stats snapshot, from counters the triggers keep exact: O(1) at any size. */
export function campaignStats(db: Db, orgId: string, id: string): Stats | null {
  const row = sql<[string, string], CounterRow>(
    db,
    'SELECT status, n_pending, n_in_progress, n_completed, n_exhausted, n_attempts FROM campaigns WHERE org_id = ? AND id = ?',
  ).get(orgId, id);
  return row ? snapshot(id, row, activeCalls(db, orgId), concurrencyLimit(db, orgId)) : null;
}

/** Contacts in a bucket (or all) from the counters, for list totals. */
export function campaignBucketCount(db: Db, id: string, bucket: string | null): number {
  const row = sql<[string], CounterRow>(
    db,
    'SELECT n_pending, n_in_progress, n_completed, n_exhausted FROM campaigns WHERE id = ?',
  ).get(id);
  if (!row) return 0;
  const counts: Record<string, number> = {
    pending: row.n_pending,
    in_progress: row.n_in_progress,
    completed: row.n_completed,
    exhausted: row.n_exhausted,
  };
  return bucket ? (counts[bucket] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
}
