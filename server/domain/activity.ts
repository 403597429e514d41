import { insertActivity, type NewActivity } from '../db/activity.ts';
import type { Db } from '../db/schema.ts';
import { isoSeconds } from '../db/time.ts';

/** Who writes: a credential of an org, known by its kind and label (never its token). */
export type Actor = { orgId: string; kind: 'ak' | 'pat'; label: string };

/** Who did it and when, as an activity row stores it. */
export type Stamp = Pick<NewActivity, 'orgId' | 'at' | 'actor'>;

export const stampOf = (actor: Actor, now: () => Date): Stamp => ({
  orgId: actor.orgId,
  at: isoSeconds(now()),
  actor: { kind: actor.kind, label: actor.label },
});

/** Records a write by `actor` in its org's activity. */
export function recordActivity(
  db: Db,
  actor: Actor,
  now: () => Date,
  event: Omit<NewActivity, 'orgId' | 'at' | 'actor'>,
): void {
  insertActivity(db, { ...event, ...stampOf(actor, now) });
}

/** The fields whose values differ, as `{ field: [before, after] }`. */
export function changedFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
) {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)) {
      changes[field] = [before[field] ?? null, after[field] ?? null];
    }
  }
  return changes;
}

// Characters that could break a summary over lines or reorder what it shows: C0 and C1
// controls, bidirectional marks, embeddings, overrides and isolates, zero-width characters,
// line and paragraph separators, and the byte order mark.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * User text in a summary, as data: quoted, with quotes and backslashes escaped and every
 * unsafe character written as \uXXXX, so it can neither end the quote nor span or reverse a line.
 */
export const quote = (text: string) =>
  `"${text.replace(/["\\]/g, '\\$&').replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)}"`;

export const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * "Imported 12 contacts: 10 inserted, 2 updated, 0 failed". Contacts are counted once: a row
 * repeating an earlier row of the request updates the same contact and is named as repeated,
 * so the summary never counts more contacts than exist.
 */
export function importSummary(r: ImportCounts): string {
  const contacts = r.inserted + r.updated - r.repeated;
  return `Imported ${plural(contacts, 'contact')}: ${r.inserted} inserted, ${r.updated - r.repeated} updated, ${r.failed} failed${r.repeated > 0 ? `, ${plural(r.repeated, 'repeated row')}` : ''}`;
}

/** What an import's activity row counts; `repeated`: rows that named a contact an earlier row did. */
export type ImportCounts = { inserted: number; updated: number; failed: number; repeated: number };

/** The counts of one upsert's answer. */
export function importCounts(o: {
  inserted: number;
  updated: number;
  failed: unknown[];
  contact_ids: string[];
}): ImportCounts {
  return {
    inserted: o.inserted,
    updated: o.updated,
    failed: o.failed.length,
    repeated: o.inserted + o.updated - new Set(o.contact_ids).size,
  };
}
