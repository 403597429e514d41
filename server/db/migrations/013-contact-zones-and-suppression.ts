import type { Db } from '../schema.ts';

// (ext) contact-timezones and suppression.
//
// A contact keeps its own IANA zone (`timezone`, from `data.timezone` or derived from its first
// number: `timezone_source` 'data' or 'phone') and whether one of its numbers is on its org's
// do-not-call list (`suppressed`). Two aggregates are kept by triggers in the same statement as
// the contact write that changes them, so the callable counts and the report read them in O(1):
// campaign_zones counts a campaign's pending contacts per zone ('' for none), and
// campaigns.n_suppressed its suppressed contacts.
//
// A configuration's `window_basis` says whose zone its schedule is read in: the campaign's
// (today's behaviour, the default) or each contact's.
//
// The do-not-call list is per org, by E.164 number. Its rows name who added each and from
// where; removals are kept in the activity log only.
const SCHEMA = `
ALTER TABLE contacts ADD COLUMN timezone TEXT;
ALTER TABLE contacts ADD COLUMN timezone_source TEXT CHECK (timezone_source IN ('data', 'phone'));
ALTER TABLE contacts ADD COLUMN suppressed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN n_suppressed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE configurations ADD COLUMN window_basis TEXT NOT NULL DEFAULT 'campaign'
  CHECK (window_basis IN ('campaign', 'contact'));

CREATE TABLE suppressions (
  org_id TEXT NOT NULL,
  phone_number TEXT NOT NULL,
  reason TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('manual', 'import', 'conversation')),
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  PRIMARY KEY (org_id, phone_number)
) WITHOUT ROWID;

CREATE TABLE campaign_zones (
  campaign_id TEXT NOT NULL,
  timezone TEXT NOT NULL,
  n_pending INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, timezone)
) WITHOUT ROWID;

-- The dialer's queues per zone when contacts are called in their own hours.
CREATE INDEX contacts_zone_queue ON contacts (campaign_id, timezone, attempt_count, seq)
  WHERE status = 'pending';
CREATE INDEX contacts_zone_retries ON contacts (campaign_id, timezone, next_attempt_at)
  WHERE status = 'pending' AND attempt_count > 0;
CREATE INDEX contacts_suppressed ON contacts (campaign_id, seq) WHERE suppressed = 1;

-- A contact whose phone zone is still to be derived (rows written before this version): the
-- server derives them at start, in slices, from next_seq up to last_seq.
CREATE TABLE timezone_backfill (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  next_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL
);

CREATE TRIGGER contacts_zones_insert AFTER INSERT ON contacts
WHEN NEW.campaign_id IS NOT NULL BEGIN
  INSERT INTO campaign_zones VALUES (NEW.campaign_id, IFNULL(NEW.timezone, ''), NEW.status = 'pending')
    ON CONFLICT DO UPDATE SET n_pending = n_pending + (NEW.status = 'pending');
  UPDATE campaigns SET n_suppressed = n_suppressed + 1 WHERE NEW.suppressed = 1 AND id = NEW.campaign_id;
END;

CREATE TRIGGER contacts_zones_delete AFTER DELETE ON contacts
WHEN OLD.campaign_id IS NOT NULL BEGIN
  UPDATE campaign_zones SET n_pending = n_pending - 1
  WHERE OLD.status = 'pending' AND campaign_id = OLD.campaign_id AND timezone = IFNULL(OLD.timezone, '');
  UPDATE campaigns SET n_suppressed = n_suppressed - 1 WHERE OLD.suppressed = 1 AND id = OLD.campaign_id;
END;

CREATE TRIGGER contacts_zones_update AFTER UPDATE OF status, timezone, campaign_id, suppressed ON contacts
WHEN OLD.status IS NOT NEW.status OR OLD.timezone IS NOT NEW.timezone
  OR OLD.campaign_id IS NOT NEW.campaign_id OR OLD.suppressed != NEW.suppressed BEGIN
  UPDATE campaign_zones SET n_pending = n_pending - 1
  WHERE OLD.status = 'pending' AND campaign_id = OLD.campaign_id AND timezone = IFNULL(OLD.timezone, '');
  INSERT INTO campaign_zones SELECT NEW.campaign_id, IFNULL(NEW.timezone, ''), 1
  WHERE NEW.status = 'pending' AND NEW.campaign_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n_pending = n_pending + 1;
  UPDATE campaigns SET n_suppressed = n_suppressed - 1 WHERE OLD.suppressed = 1 AND id = OLD.campaign_id;
  UPDATE campaigns SET n_suppressed = n_suppressed + 1 WHERE NEW.suppressed = 1 AND id = NEW.campaign_id;
END;
`;

/**
 * Zones given in `data.timezone` (a known IANA name) are taken as they are, here; the zones of
 * every other contact come from its number, which needs the phone library (asynchronous, so
 * not inside a migration): they are journaled for the server to derive at start. The pending
 * counts per zone follow from the rows; nothing was suppressed before this version.
 */
function backfill(db: Db): void {
  const known = JSON.stringify(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  db.prepare(
    `UPDATE contacts SET timezone = json_extract(data, '$.timezone'), timezone_source = 'data'
     WHERE json_type(data, '$.timezone') = 'text'
       AND json_extract(data, '$.timezone') IN (SELECT value FROM json_each(?))`,
  ).run(known);
  db.exec(`
    DELETE FROM campaign_zones;
    INSERT INTO campaign_zones SELECT campaign_id, IFNULL(timezone, ''), COUNT(*) FROM contacts
      WHERE status = 'pending' AND campaign_id IS NOT NULL GROUP BY campaign_id, IFNULL(timezone, '');
    INSERT INTO timezone_backfill (id, next_seq, last_seq)
      SELECT 1, MIN(seq), MAX(seq) FROM contacts WHERE timezone_source IS NULL HAVING COUNT(*) > 0;
  `);
}

export function up(db: Db): void {
  db.exec(SCHEMA);
  backfill(db);
}
