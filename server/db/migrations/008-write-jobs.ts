import type { Db } from '../schema.ts';

// Large writes (an import of many contacts, a requeue of many) commit in slices so that other
// requests run between them. Each such write is journaled here first, in the transaction of
// its first change, with what it still has to do; a server that stops halfway finishes it on
// the next start, so no half-done import or requeue is ever left as the final state.
// Version 7 is left to a migration of another branch.
const SCHEMA = `
CREATE TABLE write_jobs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('import', 'requeue')),
  org_id TEXT NOT NULL,
  campaign_id TEXT,
  payload TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  progress TEXT NOT NULL DEFAULT '{}',
  activity TEXT NOT NULL
);
`;

/** Nothing to backfill: no write was ever left half done before this. */
export function up(db: Db): void {
  db.exec(SCHEMA);
}
