// The org's do-not-call list (ext suppression): numbers normalized to E.164, each change in
// one transaction with its activity row and the contacts it suppresses or releases.
import type { SuppressionAdd } from '../../contract/extensions.ts';
import type { ValidationIssue } from '../../contract/schemas.ts';
import { normalizePhone } from '../../contract/phone.ts';
import { insertActivity } from '../db/activity.ts';
import type { Db } from '../db/schema.ts';
import { addSuppressions, removeSuppression, type NewSuppression } from '../db/suppressions.ts';
import { plural, quote, stampOf, type Actor, type Stamp } from './activity.ts';
import { HttpError, notFound } from './errors.ts';

/** The numbers a summary names before it says how many more. */
const NAMED = 5;
const named = (numbers: readonly string[]) =>
  numbers.slice(0, NAMED).join(', ') +
  (numbers.length > NAMED ? ` and ${numbers.length - NAMED} more` : '');

/** Adds numbers and records who added them from where; 422 naming each number that is not one. */
export function addToSuppressionList(db: Db, actor: Actor, now: () => Date, input: SuppressionAdd) {
  const issues: ValidationIssue[] = [];
  const entries: NewSuppression[] = [];
  input.entries.forEach((e, i) => {
    const n = normalizePhone(e.phone_number, null);
    if (!n.ok) {
      issues.push({
        loc: ['body', 'entries', i, 'phone_number'],
        msg: n.reason,
        type: 'phone_invalid',
      });
      return;
    }
    entries.push({ phone_number: n.e164, reason: e.reason ?? '', source: e.source ?? 'manual' });
  });
  if (issues.length > 0) throw new HttpError(422, issues);
  return db.transaction(() => recordAdded(db, stampOf(actor, now), entries))();
}

/** Adds `entries` in the caller's transaction, with one activity row when any was new. */
export function recordAdded(db: Db, stamp: Stamp, entries: readonly NewSuppression[]) {
  const result = addSuppressions(db, stamp.orgId, entries, stamp.actor.label, stamp.at);
  if (result.added.length > 0) {
    const sources = [...new Set(entries.map((e) => e.source))].join(', ');
    insertActivity(db, {
      ...stamp,
      action: 'suppression.added',
      summary: `Added ${plural(result.added.length, 'number')} to the suppression list (${sources}): ${named(result.added)}; ${plural(result.contacts_suppressed, 'contact')} suppressed`,
    });
  }
  return {
    added: result.added.length,
    unchanged: result.unchanged,
    contacts_suppressed: result.contacts_suppressed,
  };
}

export function removeFromSuppressionList(
  db: Db,
  actor: Actor,
  now: () => Date,
  rawNumber: string,
  reason: string,
): void {
  const n = normalizePhone(rawNumber, null);
  if (!n.ok) throw notFound('Suppressed number');
  const stamp = stampOf(actor, now);
  db.transaction(() => {
    const entry = removeSuppression(db, stamp.orgId, n.e164, stamp.at);
    if (!entry) throw notFound('Suppressed number');
    insertActivity(db, {
      ...stamp,
      action: 'suppression.removed',
      summary: `Removed ${n.e164} from the suppression list: ${quote(reason)}`,
      changes: {
        reason: [entry.reason, null],
        source: [entry.source, null],
        added_by: [entry.added_by, null],
      },
    });
  })();
}
