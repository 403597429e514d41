import type { Db } from '../schema.ts';

// The dialer calls due retries before contacts never called, every tick: an index of pending
// retries by when they fall due makes that one range read, however many wait their interval.
const SCHEMA = `
CREATE INDEX contacts_retry_queue ON contacts (campaign_id, next_attempt_at)
  WHERE status = 'pending' AND attempt_count > 0;
`;

/** An index only: it fills itself from the existing rows. */
export function up(db: Db): void {
  db.exec(SCHEMA);
}
