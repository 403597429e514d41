import type { Db } from '../schema.ts';

// A per-campaign cap on calls in flight (ext campaign-concurrency), under the org's limit.
// NULL: no cap of its own. Version 5 is left to a migration of another branch.
const SCHEMA = `
ALTER TABLE campaigns ADD COLUMN max_concurrent_calls INTEGER
  CHECK (max_concurrent_calls IS NULL OR max_concurrent_calls BETWEEN 1 AND 1000);
`;

/** Nothing to backfill: every existing campaign is uncapped, as it was. */
export function up(db: Db): void {
  db.exec(SCHEMA);
}
