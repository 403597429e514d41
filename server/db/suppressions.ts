import type { Suppression } from '../../contract/extensions.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

export type SuppressionSource = 'manual' | 'import' | 'conversation';
export type NewSuppression = { phone_number: string; reason: string; source: SuppressionSource };

/**
 * The org's contacts holding `phone` (E.164): found through the search index, which holds each
 * number's digits (migration 003), then checked exactly.
 */
function contactsWithNumber(db: Db, orgId: string, phone: string): number[] {
  return sql<[string, string, string], { seq: number }>(
    db,
    `SELECT seq FROM contacts WHERE seq IN (SELECT rowid FROM contacts_search WHERE contacts_search MATCH ?)
       AND org_id = ? AND EXISTS (SELECT 1 FROM json_each(phone_numbers) WHERE value = ?)`,
  )
    .all(`"${phone.slice(1)}"`, orgId, phone)
    .map((r) => r.seq);
}

/**
 * Flags the contacts holding `phone` as suppressed; those still to be called move to exhausted
 * (their last call's status stays). A contact in a call is flagged and ends exhausted when the
 * call ends. Returns how many contacts were newly flagged.
 */
function suppressContacts(db: Db, orgId: string, phone: string, at: string): number {
  const flag = sql(
    db,
    `UPDATE contacts SET suppressed = 1, updated_at = ?,
       status = CASE WHEN status = 'pending' THEN 'exhausted' ELSE status END
     WHERE seq = ? AND suppressed = 0`,
  );
  let n = 0;
  for (const seq of contactsWithNumber(db, orgId, phone)) n += flag.run(at, seq).changes;
  return n;
}

/**
 * Adds numbers to the org's list (already listed: left as they were) and suppresses their
 * contacts, in the caller's transaction.
 */
export function addSuppressions(
  db: Db,
  orgId: string,
  entries: readonly NewSuppression[],
  addedBy: string,
  at: string,
): { added: string[]; unchanged: number; contacts_suppressed: number } {
  const insert = sql(
    db,
    `INSERT INTO suppressions (org_id, phone_number, reason, source, added_by, added_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const added: string[] = [];
  let unchanged = 0;
  let contacts = 0;
  for (const e of entries) {
    if (insert.run(orgId, e.phone_number, e.reason, e.source, addedBy, at).changes === 0) {
      unchanged++;
      continue;
    }
    added.push(e.phone_number);
    contacts += suppressContacts(db, orgId, e.phone_number, at);
  }
  return { added, unchanged, contacts_suppressed: contacts };
}

/**
 * Takes a number off the list; its contacts lose the flag unless another of their numbers is
 * still listed. They stay where they are (exhausted): a requeue calls them again. Null when the
 * number was not listed, else the entry removed.
 */
export function removeSuppression(
  db: Db,
  orgId: string,
  phone: string,
  at: string,
): Suppression | null {
  const entry = findSuppression(db, orgId, phone);
  if (!entry) return null;
  sql(db, 'DELETE FROM suppressions WHERE org_id = ? AND phone_number = ?').run(orgId, phone);
  const unflag = sql(
    db,
    `UPDATE contacts SET suppressed = 0, updated_at = ? WHERE seq = ? AND suppressed = 1
       AND NOT EXISTS (SELECT 1 FROM json_each(phone_numbers) p JOIN suppressions s
         ON s.org_id = contacts.org_id AND s.phone_number = p.value)`,
  );
  for (const seq of contactsWithNumber(db, orgId, phone)) unflag.run(at, seq);
  return entry;
}

const COLUMNS = 'phone_number, reason, source, added_by, added_at';

export function findSuppression(db: Db, orgId: string, phone: string): Suppression | null {
  return (
    sql<[string, string], Suppression>(
      db,
      `SELECT ${COLUMNS} FROM suppressions WHERE org_id = ? AND phone_number = ?`,
    ).get(orgId, phone) ?? null
  );
}

/**
 * A page of the list by number, after `cursor` (the last number of the page before); `search`
 * matches the number's digits, the reason or who added it.
 */
export function listSuppressions(
  db: Db,
  orgId: string,
  q: { search?: string; limit: number; cursor?: string },
): { suppressions: Suppression[]; total: number; next_cursor: string | null } {
  const needle = q.search?.trim() ?? '';
  const digits = needle.replace(/\D/g, '');
  const where = ['org_id = ?'];
  const params: unknown[] = [orgId];
  if (needle) {
    const or = ['instr(lower(reason), lower(?)) > 0', 'instr(lower(added_by), lower(?)) > 0'];
    params.push(needle, needle);
    if (digits && /^[\d\s().+-]+$/.test(needle)) {
      or.push('instr(phone_number, ?) > 0');
      params.push(digits);
    }
    where.push(`(${or.join(' OR ')})`);
  }
  const filter = where.join(' AND ');
  const rows = sql<unknown[], Suppression>(
    db,
    `SELECT ${COLUMNS} FROM suppressions WHERE ${filter} ${q.cursor ? 'AND phone_number > ?' : ''}
     ORDER BY phone_number LIMIT ?`,
  ).all(...params, ...(q.cursor ? [q.cursor] : []), q.limit + 1);
  const { n } = sql<unknown[], { n: number }>(
    db,
    `SELECT COUNT(*) AS n FROM suppressions WHERE ${filter}`,
  ).get(...params)!;
  const page = rows.slice(0, q.limit);
  return {
    suppressions: page,
    total: n,
    next_cursor: rows.length > q.limit ? page.at(-1)!.phone_number : null,
  };
}
