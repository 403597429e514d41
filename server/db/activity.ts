import { randomUUID } from 'node:crypto';
import type { ActivityAction, ActivityEvent } from '../../contract/extensions.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

export type NewActivity = {
  orgId: string;
  at: string;
  actor: { kind: string; label: string };
  action: ActivityAction;
  campaignId?: string | null;
  configurationId?: string | null;
  summary: string;
  changes?: Record<string, [unknown, unknown]> | null;
};

/** Records one event; callers run it in the transaction of the write it describes. */
export function insertActivity(db: Db, e: NewActivity): void {
  sql(
    db,
    `INSERT INTO activity (id, org_id, at, actor_kind, actor_label, action, campaign_id, configuration_id, summary, changes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    randomUUID(),
    e.orgId,
    e.at,
    e.actor.kind,
    e.actor.label,
    e.action,
    e.campaignId ?? null,
    e.configurationId ?? null,
    e.summary,
    e.changes && Object.keys(e.changes).length > 0 ? JSON.stringify(e.changes) : null,
  );
}

type ActivityRow = {
  seq: number;
  id: string;
  at: string;
  actor_kind: string;
  actor_label: string;
  action: string;
  campaign_id: string | null;
  configuration_id: string | null;
  summary: string;
  changes: string | null;
};

/** A page of an org's events, newest first, older than `beforeSeq` when given. */
export function listActivity(
  db: Db,
  orgId: string,
  q: { campaignId?: string; actions?: readonly string[]; beforeSeq: number | null; limit: number },
): { events: ActivityEvent[]; lastSeq: number | null; more: boolean } {
  const where = ['org_id = ?'];
  const params: unknown[] = [orgId];
  if (q.campaignId) {
    where.push('campaign_id = ?');
    params.push(q.campaignId);
  }
  if (q.actions?.length) {
    where.push(`action IN (${q.actions.map(() => '?').join(', ')})`);
    params.push(...q.actions);
  }
  if (q.beforeSeq !== null) {
    where.push('seq < ?');
    params.push(q.beforeSeq);
  }
  // The shape varies with the filters, so prepared here rather than cached.
  const rows = db
    .prepare(`SELECT * FROM activity WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`)
    .all(...params, q.limit + 1) as ActivityRow[];
  const page = rows.slice(0, q.limit);
  return {
    events: page.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { kind: r.actor_kind, label: r.actor_label },
      action: r.action,
      campaign_id: r.campaign_id,
      configuration_id: r.configuration_id,
      summary: r.summary,
      changes: r.changes ? (JSON.parse(r.changes) as Record<string, [unknown, unknown]>) : null,
    })),
    lastSeq: page.at(-1)?.seq ?? null,
    more: rows.length > q.limit,
  };
}
