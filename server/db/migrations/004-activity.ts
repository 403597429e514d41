import type { Db } from '../schema.ts';

// Requeue and the activity log (both ext).
// - A requeued contact gets a fresh attempt budget while attempt_count keeps counting every
//   attempt (the counters, filters and report read it): the dialer compares max_attempts
//   with the attempts made since `attempts_before_requeue`.
// - Every write of the API records who did what in `activity`, in the same transaction.
//   Actors are the credential's kind and label, never its token. No foreign keys: an event
//   outlives the configuration it names.
const SCHEMA = `
ALTER TABLE contacts ADD COLUMN attempts_before_requeue INTEGER NOT NULL DEFAULT 0;

CREATE TABLE activity (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL,
  at TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_label TEXT NOT NULL,
  action TEXT NOT NULL,
  campaign_id TEXT,
  configuration_id TEXT,
  summary TEXT NOT NULL,
  changes TEXT
);
CREATE INDEX activity_org ON activity (org_id, seq);
CREATE INDEX activity_org_action ON activity (org_id, action, seq);
CREATE INDEX activity_campaign ON activity (campaign_id, seq) WHERE campaign_id IS NOT NULL;
`;

/** Nothing to backfill: no contact was requeued and no write was recorded before this. */
export function up(db: Db): void {
  db.exec(SCHEMA);
}
