// The org's concurrency limit: set in one transaction with its activity row.
import type { ConcurrencySettings } from '../../contract/schemas.ts';
import { activeCalls, concurrencyLimit, setConcurrencyLimit } from '../db/orgs.ts';
import type { Db } from '../db/schema.ts';
import { recordActivity, type Actor } from './activity.ts';

export const concurrencySettings = (db: Db, orgId: string): ConcurrencySettings => ({
  concurrency_limit: concurrencyLimit(db, orgId),
  active_calls: activeCalls(db, orgId),
});

export function changeConcurrencyLimit(
  db: Db,
  actor: Actor,
  now: () => Date,
  limit: number,
): ConcurrencySettings {
  db.transaction(() => {
    const before = concurrencyLimit(db, actor.orgId);
    setConcurrencyLimit(db, actor.orgId, limit, now());
    recordActivity(db, actor, now, {
      action: 'concurrency.updated',
      summary: `Set the concurrency limit to ${limit}`,
      changes: { concurrency_limit: [before, limit] },
    });
  })();
  return { concurrency_limit: limit, active_calls: activeCalls(db, actor.orgId) };
}
