import { randomUUID } from 'node:crypto';
import type { Attempt, Contact, ContactBucket } from '../../contract/schemas.ts';
import { campaignBucketCount } from './campaigns.ts';
import {
  contactFilterSql,
  type ContactFilterSql,
  type ResolvedContactQuery,
  type ResolvedContactQuery as ContactFilters,
} from './contact-filters.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';
import { recordCallGone } from './timeline.ts';
import { isoSeconds } from './time.ts';

type ContactRow = Omit<Contact, 'phone_numbers' | 'data' | 'attempts' | 'suppressed'> & {
  seq: number;
  phone_numbers: string;
  data: string;
  suppressed: number;
};
type AttemptRow = Omit<Attempt, 'result'> & { result: string | null };

const CONTACT_COLUMNS =
  'seq, id, campaign_id, external_id, phone_numbers, data, status, created_at, updated_at, timezone, timezone_source, suppressed';
// Org and campaign (ad-hoc: '') written as the external_id index's expression, so lookups use
// the index instead of scanning the campaign. Binds orgId, then campaignId ?? ''.
const IN_SCOPE = "org_id = ? AND IFNULL(campaign_id, '') = ?";
const ATTEMPT_COLUMNS =
  'id, contact_id, phone_number, conversation_id, started_at, ended_at, status, result';

/** Contacts of one page with their attempts (oldest first), in two queries whatever the size. */
function withAttempts(db: Db, rows: ContactRow[]): Contact[] {
  const byContact = new Map<string, Attempt[]>();
  if (rows.length > 0) {
    const attempts = sql<[string], AttemptRow>(
      db,
      `SELECT ${ATTEMPT_COLUMNS} FROM attempts WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    ).all(JSON.stringify(rows.map((r) => r.id)));
    for (const a of attempts) {
      const list = byContact.get(a.contact_id) ?? [];
      list.push({ ...a, result: a.result ? (JSON.parse(a.result) as Attempt['result']) : null });
      byContact.set(a.contact_id, list);
    }
  }
  return rows.map(({ seq: _seq, ...row }) => ({
    ...row,
    phone_numbers: JSON.parse(row.phone_numbers) as string[],
    data: JSON.parse(row.data) as Record<string, unknown>,
    suppressed: row.suppressed === 1,
    attempts: byContact.get(row.id) ?? [],
  }));
}

/**
 * Where the row at `offset` lives: the first seq of its block and how many rows of that block
 * come before it, from contact_blocks. Null when the offset is past the end.
 */
function pageStart(
  db: Db,
  campaignId: string,
  bucket: ContactBucket | null,
  offset: number,
): { fromSeq: number; skip: number } | null {
  const blocks = bucket
    ? sql<[string, string], { block: number; n: number }>(
        db,
        'SELECT block, n FROM contact_blocks WHERE campaign_id = ? AND bucket = ? AND n > 0 ORDER BY block',
      ).iterate(campaignId, bucket)
    : sql<[string], { block: number; n: number }>(
        db,
        'SELECT block, SUM(n) AS n FROM contact_blocks WHERE campaign_id = ? GROUP BY block ORDER BY block',
      ).iterate(campaignId);
  let before = 0;
  for (const { block, n } of blocks) {
    if (before + n > offset) {
      blocks.return?.();
      return { fromSeq: block * 1024, skip: offset - before };
    }
    before += n;
  }
  return null;
}

/** A page of the contacts (ext) filters match: a plain indexed scan with its own count. */
function listFiltered(
  db: Db,
  orgId: string,
  campaignId: string | null,
  bucket: ContactBucket | null,
  filter: ContactFilterSql,
  q: { limit: number; offset: number },
): { contacts: Contact[]; total: number } {
  // A campaign's contacts are its org's (the route checked the campaign), so the org is only
  // named for the ad-hoc contacts, and counts can stay inside an index.
  const where = [
    ...(campaignId === null ? ['org_id = ?', 'campaign_id IS NULL'] : ['campaign_id = ?']),
    ...(bucket ? ['bucket = ?'] : []),
    filter.where,
  ].join(' AND ');
  const params = [campaignId ?? orgId, ...(bucket ? [bucket] : []), ...filter.params];
  // Dynamic text (filters vary in shape), so prepared here rather than cached.
  const rows = db
    .prepare(`SELECT ${CONTACT_COLUMNS} FROM contacts WHERE ${where} ORDER BY seq LIMIT ? OFFSET ?`)
    .all(...params, q.limit, q.offset) as ContactRow[];
  const from =
    campaignId !== null && filter.coveringIndex && !bucket
      ? `contacts INDEXED BY ${filter.coveringIndex}`
      : 'contacts';
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`).get(...params) as {
    n: number;
  };
  return { contacts: withAttempts(db, rows), total: n };
}

/** `campaignId` null: the ad-hoc contacts of `default`. */
export function listContacts(
  db: Db,
  orgId: string,
  campaignId: string | null,
  q: { limit: number; offset: number; filters?: ResolvedContactQuery },
): { contacts: Contact[]; total: number } {
  const { status = [], ...rest } = q.filters ?? {};
  const buckets = [...new Set(status)];
  // One bucket (or none) pages by the counters and blocks; several are part of the scan.
  const bucket = buckets.length === 1 ? buckets[0]! : null;
  const filter = contactFilterSql(buckets.length > 1 ? { ...rest, status: buckets } : rest);
  if (filter.where) return listFiltered(db, orgId, campaignId, bucket, filter, q);
  if (campaignId === null) {
    const where = `org_id = ? AND campaign_id IS NULL${bucket ? ' AND bucket = ?' : ''}`;
    const params = bucket ? [orgId, bucket] : [orgId];
    const rows = sql<unknown[], ContactRow>(
      db,
      `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE ${where} ORDER BY seq LIMIT ? OFFSET ?`,
    ).all(...params, q.limit, q.offset);
    const { n } = sql<unknown[], { n: number }>(
      db,
      `SELECT COUNT(*) AS n FROM contacts WHERE ${where}`,
    ).get(...params)!;
    return { contacts: withAttempts(db, rows), total: n };
  }
  const start = pageStart(db, campaignId, bucket, q.offset);
  if (start === null) return { contacts: [], total: campaignBucketCount(db, campaignId, bucket) };
  const rows = bucket
    ? sql<[string, string, number, number, number], ContactRow>(
        db,
        `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE campaign_id = ? AND bucket = ? AND seq >= ?
         ORDER BY seq LIMIT ? OFFSET ?`,
      ).all(campaignId, bucket, start.fromSeq, q.limit, start.skip)
    : sql<[string, number, number, number], ContactRow>(
        db,
        `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE campaign_id = ? AND seq >= ?
         ORDER BY seq LIMIT ? OFFSET ?`,
      ).all(campaignId, start.fromSeq, q.limit, start.skip);
  return { contacts: withAttempts(db, rows), total: campaignBucketCount(db, campaignId, bucket) };
}

/** One contact of the campaign (null: ad-hoc) by UUID or external_id. */
export function findContact(
  db: Db,
  orgId: string,
  campaignId: string | null,
  idOrExternalId: string,
): Contact | null {
  // Two indexed lookups (id, then external_id) rather than one OR scan.
  const row =
    sql<[string, string, string], ContactRow>(
      db,
      `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE id = ? AND ${IN_SCOPE}`,
    ).get(idOrExternalId, orgId, campaignId ?? '') ??
    sql<[string, string, string], ContactRow>(
      db,
      `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE ${IN_SCOPE} AND external_id = ?`,
    ).get(orgId, campaignId ?? '', idOrExternalId);
  return row ? withAttempts(db, [row])[0]! : null;
}

/** Deletes a contact with its attempts; a call of it in flight stops counting on the timelines at `at`. */
export function deleteContact(db: Db, contactId: string, at: Date): void {
  const inFlight = sql<[string], { campaign_id: string | null; org_id: string }>(
    db,
    "SELECT campaign_id, org_id FROM attempts WHERE contact_id = ? AND status = 'in_progress'",
  ).all(contactId);
  sql(db, 'DELETE FROM contacts WHERE id = ?').run(contactId);
  for (const call of inFlight)
    recordCallGone(db, call.campaign_id, call.org_id, Math.floor(at.getTime() / 60_000));
}

export type NormalizedContact = {
  id?: string;
  external_id?: string | null;
  phone_numbers: string[];
  data?: Record<string, unknown>;
  /** (ext) contact-timezones: from data.timezone or the first number; absent: keep the stored one. */
  timezone?: string | null;
  timezone_source?: 'data' | 'phone' | null;
};

/** An upsert warning about one row (the contract allows objects with an index). */
export type RowWarning = {
  index: number;
  /** suppressed: (ext) suppression; timezone_unknown: (ext) contact-timezones. */
  code: 'suppressed' | 'timezone_unknown';
  phone_number?: string;
  message: string;
};

export type UpsertOutcome = {
  inserted: number;
  updated: number;
  failed: { index: number; reason: string }[];
  warnings: (string | RowWarning)[];
  contact_ids: string[];
};

/**
 * Upserts already-normalized contacts in one transaction: matched by id, then external_id,
 * within the campaign; matches keep their status and attempts.
 */
export function upsertContacts(
  db: Db,
  orgId: string,
  campaignId: string | null,
  contacts: NormalizedContact[],
  now: string,
  // A slice of a longer request: where it starts in the request, and the external_ids of its earlier slices.
  slice: { first: number; seenExternal: Set<string> } = { first: 0, seenExternal: new Set() },
): UpsertOutcome {
  const out: UpsertOutcome = { inserted: 0, updated: 0, failed: [], warnings: [], contact_ids: [] };
  const byId = sql<[string], { id: string; org_id: string; campaign_id: string | null }>(
    db,
    'SELECT id, org_id, campaign_id FROM contacts WHERE id = ?',
  );
  const byExternal = sql<[string, string, string], { id: string }>(
    db,
    `SELECT id FROM contacts WHERE ${IN_SCOPE} AND external_id = ?`,
  );
  const insert = sql(
    db,
    `INSERT INTO contacts (id, org_id, campaign_id, external_id, phone_numbers, data, created_at, updated_at,
       timezone, timezone_source, suppressed, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN 'exhausted' ELSE 'pending' END)`,
  );
  // A zone given in data stays when an update leaves data out; a suppressed number moves a
  // contact still to be called to exhausted (its last call's status stays what it was).
  const update = sql(
    db,
    `UPDATE contacts SET phone_numbers = @phones, data = COALESCE(@data, data),
       external_id = CASE WHEN @setExternal THEN @external ELSE external_id END, updated_at = @now,
       timezone = CASE WHEN @data IS NULL AND timezone_source = 'data' THEN timezone ELSE @timezone END,
       timezone_source = CASE WHEN @data IS NULL AND timezone_source = 'data' THEN timezone_source ELSE @source END,
       suppressed = @suppressed,
       status = CASE WHEN @suppressed AND status = 'pending' THEN 'exhausted' ELSE status END
     WHERE id = @id`,
  );
  const suppressedOf = suppressedNumbers(db, orgId);
  const { seenExternal } = slice;

  db.transaction(() => {
    contacts.forEach((contact, i) => {
      const index = slice.first + i;
      let matchId: string | null = null;
      if (contact.id) {
        // Ids are the server's: one that names no contact of this campaign fails the same way
        // whether it exists elsewhere or not, so the reason reveals nothing.
        const existing = byId.get(contact.id);
        if (!existing || existing.org_id !== orgId || existing.campaign_id !== campaignId) {
          out.failed.push({ index, reason: 'Unknown contact id' });
          return;
        }
        matchId = existing.id;
      }
      const external = contact.external_id ?? null;
      if (external !== null) {
        if (seenExternal.has(external)) {
          out.warnings.push(
            `contacts[${index}]: external_id "${external}" repeats an earlier row of this request; the later row wins`,
          );
        }
        seenExternal.add(external);
        const owner = byExternal.get(orgId, campaignId ?? '', external)?.id ?? null;
        if (matchId && owner && owner !== matchId) {
          out.failed.push({
            index,
            reason: `external_id "${external}" is used by another contact`,
          });
          return;
        }
        matchId ??= owner;
      }
      const phones = JSON.stringify(contact.phone_numbers);
      const data = contact.data === undefined ? null : JSON.stringify(contact.data);
      const blocked = contact.phone_numbers.filter(suppressedOf);
      for (const phone of blocked)
        out.warnings.push({
          index,
          code: 'suppressed',
          phone_number: phone,
          message: `contacts[${index}]: ${phone} is on the suppression list; the contact will not be called`,
        });
      const suppressed = blocked.length > 0 ? 1 : 0;
      const timezone = contact.timezone ?? null;
      const source = contact.timezone_source ?? null;
      if (matchId) {
        update.run({
          phones,
          data,
          setExternal: contact.external_id !== undefined ? 1 : 0,
          external,
          now,
          timezone,
          source,
          suppressed,
          id: matchId,
        });
        out.updated++;
        out.contact_ids.push(matchId);
      } else {
        const id = randomUUID();
        insert.run(
          id,
          orgId,
          campaignId,
          external,
          phones,
          data ?? '{}',
          now,
          now,
          timezone,
          source,
          suppressed,
          suppressed,
        );
        out.inserted++;
        out.contact_ids.push(id);
      }
    });
  })();
  return out;
}

/** Whether a number is on the org's do-not-call list: one primary-key lookup each. */
export function suppressedNumbers(db: Db, orgId: string): (phone: string) => boolean {
  const lookup = sql<[string, string], { yes: number }>(
    db,
    'SELECT 1 AS yes FROM suppressions WHERE org_id = ? AND phone_number = ?',
  );
  return (phone) => lookup.get(orgId, phone) !== undefined;
}

const REQUEUE_SET =
  "status = 'pending', attempts_before_requeue = attempt_count, next_attempt_at = ?, updated_at = ?";

/**
 * Returns the campaign's contacts in `statuses` that match the filters to `pending` with a
 * fresh attempt budget, due at once; their attempts stay. The status triggers move the
 * counters in the same statement. Returns how many were requeued.
 */
export function requeueContacts(
  db: Db,
  campaignId: string,
  statuses: readonly ('exhausted' | 'completed')[],
  filters: ContactFilters,
  now: Date,
): number {
  const { where, params } = requeueWhere(campaignId, statuses, filters);
  // Dynamic text (filters vary in shape), so prepared here rather than cached.
  return db
    .prepare(`UPDATE contacts SET ${REQUEUE_SET} WHERE ${where}`)
    .run(now.toISOString(), isoSeconds(now), ...params).changes;
}

function requeueWhere(campaignId: string, statuses: readonly string[], filters: ContactFilters) {
  const filter = contactFilterSql(filters);
  const where = [
    'campaign_id = ?',
    `status IN (${statuses.map(() => '?').join(', ')})`,
    // A suppressed contact is never called again, requeued or not.
    'suppressed = 0',
    ...(filter.where ? [filter.where] : []),
  ].join(' AND ');
  return { where, params: [campaignId, ...statuses, ...filter.params] };
}

/** The seqs of the contacts `requeueContacts` would requeue now, in order: a read. */
export function requeueTargets(
  db: Db,
  campaignId: string,
  statuses: readonly ('exhausted' | 'completed')[],
  filters: ContactFilters,
): number[] {
  const { where, params } = requeueWhere(campaignId, statuses, filters);
  return db
    .prepare(`SELECT seq FROM contacts WHERE ${where} ORDER BY seq`)
    .pluck()
    .all(...params) as number[];
}

/**
 * Requeues the contacts of `seqs` (from requeueTargets) that are still in `statuses`: one
 * that was requeued since, by this request or another, is left alone. Returns how many.
 */
export function requeueSeqs(
  db: Db,
  campaignId: string,
  statuses: readonly ('exhausted' | 'completed')[],
  seqs: readonly number[],
  now: Date,
): number {
  return sql(
    db,
    `UPDATE contacts SET ${REQUEUE_SET}
     WHERE seq IN (SELECT value FROM json_each(?)) AND campaign_id = ? AND status IN (SELECT value FROM json_each(?))
       AND suppressed = 0`,
  ).run(
    now.toISOString(),
    isoSeconds(now),
    JSON.stringify(seqs),
    campaignId,
    JSON.stringify(statuses),
  ).changes;
}
