import type { AttemptStatus } from '../../contract/schemas.ts';
import type { Call } from '../../contract/extensions.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

/** Where a page of the call log starts: after this attempt, in newest-first order. */
export type CallCursor = { startedAt: string; seq: number };

type CallRow = Omit<Call, 'result'> & { seq: number; result: string | null };

// (started_at, seq) descending is the order of the campaign's index read backwards (its rowid
// follows started_at); the upper bound is the cursor's own started_at, so a page at any depth
// is one range read of about limit rows. The attempt's
// place in its contact's history is a count over that contact's few attempts.
const select = (byStatus: boolean) => `
  SELECT a.seq, a.id, a.contact_id, c.external_id AS contact_external_id,
    (SELECT COUNT(*) FROM attempts b WHERE b.contact_id = a.contact_id AND b.seq <= a.seq) AS attempt_number,
    a.status, a.started_at, a.ended_at, a.phone_number, a.conversation_id, a.result
  FROM attempts a INDEXED BY ${byStatus ? 'attempts_campaign_status_started' : 'attempts_campaign_started'}
  JOIN contacts c ON c.id = a.contact_id
  WHERE a.campaign_id = ?${byStatus ? ' AND a.status = ?' : ''}
    AND a.started_at >= ? AND a.started_at <= ?
    AND (a.started_at < ? OR a.seq < ?)
  ORDER BY a.started_at DESC, a.seq DESC
  LIMIT ?`;

const newestFirst = (a: CallRow, b: CallRow) =>
  a.started_at === b.started_at ? b.seq - a.seq : a.started_at < b.started_at ? 1 : -1;

/**
 * A page of the campaign's attempts, newest started_at first, started between `from` and
 * `through` (both included, written as the attempts store them: ISO seconds). Several
 * statuses are read one index range each and merged, so no status is ever scanned past.
 */
export function listCalls(
  db: Db,
  campaignId: string,
  q: {
    statuses: readonly AttemptStatus[] | undefined;
    /** The earliest started_at to include. */
    from: string;
    /** The latest started_at to include. */
    through: string;
    after: CallCursor | null;
    limit: number;
  },
): { calls: Call[]; more: boolean; last: CallCursor | null } {
  const after = q.after ?? { startedAt: q.through, seq: Number.MAX_SAFE_INTEGER };
  // Ties at the cursor's second come after it by seq; every earlier second is wholly after it.
  const upper = after.startedAt < q.through ? after.startedAt : q.through;
  const range = [q.from, upper, after.startedAt, after.seq, q.limit + 1] as const;
  const rows = q.statuses?.length
    ? [...new Set(q.statuses)]
        .flatMap((status) =>
          sql<unknown[], CallRow>(db, select(true)).all(campaignId, status, ...range),
        )
        .sort(newestFirst)
        .slice(0, q.limit + 1)
    : sql<unknown[], CallRow>(db, select(false)).all(campaignId, ...range);
  const more = rows.length > q.limit;
  const page = rows.slice(0, q.limit);
  const tail = page.at(-1);
  return {
    calls: page.map(({ seq: _seq, result, ...row }) => ({
      ...row,
      result: result ? (JSON.parse(result) as Call['result']) : null,
    })),
    more,
    last: tail ? { startedAt: tail.started_at, seq: tail.seq } : null,
  };
}
