import { randomBytes } from 'node:crypto';
import type { Db } from '../schema.ts';

// The call log (ext calls) reads a campaign's attempts newest first, by status too: the
// campaign's own index (campaign_id, started_at) holds the rowid after started_at, so it
// already pages by (started_at, seq); this one does the same within one status.
// Recording links (ext recordings) are signed with a secret made once, at first start, and
// kept here so that links survive a restart and no configuration has to carry it.
const SCHEMA = `
CREATE INDEX attempts_campaign_status_started ON attempts (campaign_id, status, started_at);
CREATE TABLE server_secrets (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL
);
`;

/** The index fills itself from existing rows; the secret is made now, for this database only. */
export function up(db: Db): void {
  db.exec(SCHEMA);
  db.prepare("INSERT INTO server_secrets (name, value) VALUES ('recording_links', ?)").run(
    randomBytes(32),
  );
}
