import type { AttemptStatus } from '../../contract/schemas.ts';
import type { Call } from '../../contract/extensions.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

/** Where a page of the call log starts: after this attempt, in newest-first order. */
export type CallCursor = { startedAt: string; seq: number };

type CallRow = Omit<Call, 'result'> & { seq: number; result: string | null };

// (started_at, seq) descending is the order of the campaign's index read backwards (its rowid
// follows started_at); the upper bound is the cursor's own started_at, so a page at any depth
// is one range read of about limit rows, from the index alone. Only the rows of the page are
// then read whole, with the contact's external_id and the attempt's place in its history (a
// count over that contact's few attempts).
const keys = (byStatus: boolean) => `
  SELECT seq, started_at FROM attempts
  INDEXED BY ${byStatus ? 'attempts_campaign_status_started' : 'attempts_campaign_started'}
  WHERE campaign_id = ?${byStatus ? ' AND status = ?' : ''}
    AND started_at >= ? AND started_at <= ?
    AND (started_at < ? OR seq < ?)
  ORDER BY started_at DESC, seq DESC
  LIMIT ?`;
const DETAILS = `
  SELECT a.seq, a.id, a.contact_id, c.external_id AS contact_external_id,
    (SELECT COUNT(*) FROM attempts b WHERE b.contact_id = a.contact_id AND b.seq <= a.seq) AS attempt_number,
    a.status, a.started_at, a.ended_at, a.phone_number, a.conversation_id, a.result
  FROM attempts a JOIN contacts c ON c.id = a.contact_id
  WHERE a.seq IN (SELECT value FROM json_each(?))`;

type Key = { seq: number; started_at: string };
const newestFirst = (a: Key, b: Key) =>
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
  const found = q.statuses?.length
    ? [...new Set(q.statuses)]
        .flatMap((status) => sql<unknown[], Key>(db, keys(true)).all(campaignId, status, ...range))
        .sort(newestFirst)
    : sql<unknown[], Key>(db, keys(false)).all(campaignId, ...range);
  const more = found.length > q.limit;
  const wanted = found.slice(0, q.limit);
  const bySeq = new Map(
    sql<[string], CallRow>(db, DETAILS)
      .all(JSON.stringify(wanted.map((k) => k.seq)))
      .map((row) => [row.seq, row]),
  );
  // Both statements run back to back on one connection: every key still has its row.
  const page = wanted.map((k) => bySeq.get(k.seq)!);
  const tail = wanted.at(-1);
  return {
    calls: page.map(({ seq: _seq, result, ...row }) => ({
      ...row,
      result: result ? (JSON.parse(result) as Call['result']) : null,
    })),
    more,
    last: tail ? { startedAt: tail.started_at, seq: tail.seq } : null,
  };
}
