import type { Context } from 'hono';
import type { AppEnv } from './auth.ts';
import { insertActivity, type NewActivity } from './db/activity.ts';
import { isoSeconds } from './time.ts';

/** Records a write by the request's credential (kind and label, never the token). */
export function recordActivity(c: Context<AppEnv>, event: Omit<NewActivity, 'orgId' | 'at' | 'actor'>): void {
  const { orgId, kind, label } = c.var.auth;
  insertActivity(c.var.db, { ...event, orgId, at: isoSeconds(c.var.now()), actor: { kind, label } });
}

/** The fields whose values differ, as `{ field: [before, after] }`. */
export function changedFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]) {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null)) {
      changes[field] = [before[field] ?? null, after[field] ?? null];
    }
  }
  return changes;
}

export const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * "Imported 12 contacts: 10 inserted, 2 updated, 0 failed". Contacts are counted once: a row
 * repeating an earlier row of the request updates the same contact and is named as repeated,
 * so the summary never counts more contacts than exist.
 */
export function importSummary(r: { inserted: number; updated: number; failed: unknown[]; contact_ids: string[] }): string {
  const contacts = new Set(r.contact_ids).size;
  const repeated = r.inserted + r.updated - contacts;
  return `Imported ${plural(contacts, 'contact')}: ${r.inserted} inserted, ${r.updated - repeated} updated, ${r.failed.length} failed${repeated > 0 ? `, ${plural(repeated, 'repeated row')}` : ''}`;
}
