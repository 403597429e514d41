import type { Db } from '../schema.ts';

// The report extension's aggregates, kept by triggers in the same statement as the attempt,
// evaluation or contact write that changes them (never recounted on read), and what the
// contact filters need, indexed. Attempts are born in progress (the dialer inserts them so)
// and end once; a contact's delete cascades to its attempts and latest results.
/**
 * What an attempt's end changes: the outcome counters, its number, the contact's statuses.
 * `wasInProgress`: it ended (counted in progress until now), rather than arrived ended.
 */
const ended = (wasInProgress: boolean) => `  UPDATE attempts SET number =
    (SELECT COUNT(*) FROM attempts a WHERE a.contact_id = NEW.contact_id AND a.seq <= NEW.seq)
  WHERE id = NEW.id;
  UPDATE campaigns SET
    n_att_in_progress = n_att_in_progress - ${wasInProgress ? 1 : 0},
    n_att_completed = n_att_completed + (NEW.status = 'completed'),
    n_att_no_answer = n_att_no_answer + (NEW.status = 'no_answer'),
    n_att_busy = n_att_busy + (NEW.status = 'busy'),
    n_att_voicemail = n_att_voicemail + (NEW.status = 'voicemail'),
    n_att_failed = n_att_failed + (NEW.status = 'failed'),
    talk_seconds = talk_seconds + CASE WHEN NEW.status = 'completed'
      THEN CAST(round((julianday(NEW.ended_at) - julianday(NEW.started_at)) * 86400) AS INTEGER) ELSE 0 END,
    n_reached = n_reached + (SELECT first_status IS NULL FROM contacts WHERE id = NEW.contact_id)
  WHERE id = NEW.campaign_id;
  INSERT INTO campaign_attempt_numbers
    SELECT NEW.campaign_id, number, 1, NEW.status = 'completed' FROM attempts WHERE id = NEW.id
    ON CONFLICT DO UPDATE SET ended = ended + 1, completed = completed + excluded.completed;
  UPDATE contacts SET last_status = NEW.status, first_status = COALESCE(first_status, NEW.status)
  WHERE id = NEW.contact_id;
`;

/** An attempt's results become its contact's latest value per key, unless a later one has. */
const LATEST_RESULTS = `  INSERT INTO contact_results (contact_id, campaign_id, key, value, type, attempt_seq)
    SELECT NEW.contact_id, NEW.campaign_id, r.key,
      CASE r.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(r.value AS TEXT) END,
      CASE WHEN r.type IN ('true', 'false') THEN 'boolean' WHEN r.type IN ('integer', 'real') THEN 'number' ELSE 'string' END,
      NEW.seq
    FROM json_each(NEW.result) r WHERE r.type IN ('true', 'false', 'integer', 'real', 'text')
    ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, type = excluded.type,
      attempt_seq = excluded.attempt_seq
    WHERE excluded.attempt_seq >= contact_results.attempt_seq
      AND (excluded.value != contact_results.value OR excluded.attempt_seq != contact_results.attempt_seq);
`;

const SCHEMA = `
ALTER TABLE campaigns ADD COLUMN n_att_in_progress INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN n_att_completed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN n_att_no_answer INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN n_att_busy INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN n_att_voicemail INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN n_att_failed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN talk_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN n_reached INTEGER NOT NULL DEFAULT 0;

-- The status of a contact's first and latest ended attempt (null: never reached), and a
-- folded text of its external_id, data strings and phone digits for search.
ALTER TABLE contacts ADD COLUMN first_status TEXT;
ALTER TABLE contacts ADD COLUMN last_status TEXT;
ALTER TABLE contacts ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX contacts_campaign_last ON contacts (campaign_id, last_status, seq);
CREATE INDEX contacts_campaign_first ON contacts (campaign_id, first_status, seq);
CREATE INDEX contacts_campaign_attempts ON contacts (campaign_id, attempt_count, seq);

-- An ended attempt's place in its contact's history (1 = first call), written when it ends.
ALTER TABLE attempts ADD COLUMN number INTEGER;
CREATE INDEX attempts_campaign_started ON attempts (campaign_id, started_at);
CREATE INDEX attempts_campaign_ended ON attempts (campaign_id, ended_at) WHERE ended_at IS NOT NULL;

CREATE TABLE campaign_attempt_numbers (
  campaign_id TEXT NOT NULL,
  number INTEGER NOT NULL,
  ended INTEGER NOT NULL,
  completed INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, number)
) WITHOUT ROWID;

-- Each contact's latest value per result key: what the result filter matches and the
-- roll-up counts. value is text: 'true'/'false', a number as written, or the string.
CREATE TABLE contact_results (
  contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  campaign_id TEXT,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('boolean', 'number', 'string')),
  attempt_seq INTEGER NOT NULL,
  PRIMARY KEY (contact_id, key)
) WITHOUT ROWID;
CREATE INDEX contact_results_value ON contact_results (campaign_id, key, value);

-- How many contacts' latest result has each value: the roll-up, exact under deletes
-- (min and max of numbers come from the values still counted).
CREATE TABLE result_values (
  campaign_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  type TEXT NOT NULL,
  num REAL,
  n INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, key, value)
) WITHOUT ROWID;

CREATE TRIGGER contacts_search_insert AFTER INSERT ON contacts BEGIN
  UPDATE contacts SET search_text = fold(
    COALESCE(NEW.external_id, '') || ' ' ||
    COALESCE((SELECT group_concat(value, ' ') FROM json_tree(NEW.data) WHERE type = 'text'), '') || ' ' ||
    COALESCE((SELECT group_concat(substr(value, 2), ' ') FROM json_each(NEW.phone_numbers)), ''))
  WHERE id = NEW.id;
END;

CREATE TRIGGER contacts_search_update AFTER UPDATE OF external_id, data, phone_numbers ON contacts BEGIN
  UPDATE contacts SET search_text = fold(
    COALESCE(NEW.external_id, '') || ' ' ||
    COALESCE((SELECT group_concat(value, ' ') FROM json_tree(NEW.data) WHERE type = 'text'), '') || ' ' ||
    COALESCE((SELECT group_concat(substr(value, 2), ' ') FROM json_each(NEW.phone_numbers)), ''))
  WHERE id = NEW.id;
END;

CREATE TRIGGER contacts_reached_delete AFTER DELETE ON contacts
WHEN OLD.campaign_id IS NOT NULL AND OLD.first_status IS NOT NULL BEGIN
  UPDATE campaigns SET n_reached = n_reached - 1 WHERE id = OLD.campaign_id;
END;

CREATE TRIGGER attempts_report_insert AFTER INSERT ON attempts
WHEN NEW.status = 'in_progress' BEGIN
  UPDATE campaigns SET n_att_in_progress = n_att_in_progress + 1 WHERE id = NEW.campaign_id;
END;

CREATE TRIGGER attempts_report_end AFTER UPDATE OF status ON attempts
WHEN OLD.status = 'in_progress' AND NEW.status != 'in_progress' BEGIN
${ended(true)}END;

-- Attempts written already ended (an import of history) count the same way.
CREATE TRIGGER attempts_report_insert_ended AFTER INSERT ON attempts
WHEN NEW.status != 'in_progress' BEGIN
${ended(false)}END;

CREATE TRIGGER attempts_report_delete AFTER DELETE ON attempts BEGIN
  UPDATE campaigns SET
    n_att_in_progress = n_att_in_progress - (OLD.status = 'in_progress'),
    n_att_completed = n_att_completed - (OLD.status = 'completed'),
    n_att_no_answer = n_att_no_answer - (OLD.status = 'no_answer'),
    n_att_busy = n_att_busy - (OLD.status = 'busy'),
    n_att_voicemail = n_att_voicemail - (OLD.status = 'voicemail'),
    n_att_failed = n_att_failed - (OLD.status = 'failed'),
    talk_seconds = talk_seconds - CASE WHEN OLD.status = 'completed'
      THEN CAST(round((julianday(OLD.ended_at) - julianday(OLD.started_at)) * 86400) AS INTEGER) ELSE 0 END
  WHERE id = OLD.campaign_id;
  UPDATE campaign_attempt_numbers SET ended = ended - 1, completed = completed - (OLD.status = 'completed')
  WHERE OLD.number IS NOT NULL AND campaign_id = OLD.campaign_id AND number = OLD.number;
END;

CREATE TRIGGER attempts_report_result AFTER UPDATE OF result ON attempts
WHEN NEW.result IS NOT NULL BEGIN
${LATEST_RESULTS}END;

CREATE TRIGGER attempts_report_insert_result AFTER INSERT ON attempts
WHEN NEW.result IS NOT NULL BEGIN
${LATEST_RESULTS}END;

CREATE TRIGGER contact_results_insert AFTER INSERT ON contact_results
WHEN NEW.campaign_id IS NOT NULL BEGIN
  INSERT INTO result_values VALUES (NEW.campaign_id, NEW.key, NEW.value, NEW.type,
    CASE WHEN NEW.type = 'number' THEN CAST(NEW.value AS REAL) END, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER contact_results_delete AFTER DELETE ON contact_results
WHEN OLD.campaign_id IS NOT NULL BEGIN
  UPDATE result_values SET n = n - 1 WHERE campaign_id = OLD.campaign_id AND key = OLD.key AND value = OLD.value;
  DELETE FROM result_values WHERE campaign_id = OLD.campaign_id AND key = OLD.key AND value = OLD.value AND n = 0;
END;

CREATE TRIGGER contact_results_update AFTER UPDATE OF value ON contact_results
WHEN OLD.campaign_id IS NOT NULL AND OLD.value != NEW.value BEGIN
  UPDATE result_values SET n = n - 1 WHERE campaign_id = OLD.campaign_id AND key = OLD.key AND value = OLD.value;
  DELETE FROM result_values WHERE campaign_id = OLD.campaign_id AND key = OLD.key AND value = OLD.value AND n = 0;
  INSERT INTO result_values VALUES (NEW.campaign_id, NEW.key, NEW.value, NEW.type,
    CASE WHEN NEW.type = 'number' THEN CAST(NEW.value AS REAL) END, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
`;

/** What existing rows imply, computed once from scratch. */
const BACKFILL = `
UPDATE contacts SET search_text = fold(
  COALESCE(external_id, '') || ' ' ||
  COALESCE((SELECT group_concat(value, ' ') FROM json_tree(contacts.data) WHERE type = 'text'), '') || ' ' ||
  COALESCE((SELECT group_concat(substr(value, 2), ' ') FROM json_each(contacts.phone_numbers)), ''));

UPDATE attempts SET number =
  (SELECT COUNT(*) FROM attempts a WHERE a.contact_id = attempts.contact_id AND a.seq <= attempts.seq)
WHERE status != 'in_progress';

UPDATE contacts SET
  first_status = (SELECT status FROM attempts a WHERE a.contact_id = contacts.id AND a.status != 'in_progress' ORDER BY seq LIMIT 1),
  last_status = (SELECT status FROM attempts a WHERE a.contact_id = contacts.id AND a.status != 'in_progress' ORDER BY seq DESC LIMIT 1);

UPDATE campaigns SET
  n_att_in_progress = (SELECT COUNT(*) FROM attempts a WHERE a.campaign_id = campaigns.id AND a.status = 'in_progress'),
  n_att_completed = (SELECT COUNT(*) FROM attempts a WHERE a.campaign_id = campaigns.id AND a.status = 'completed'),
  n_att_no_answer = (SELECT COUNT(*) FROM attempts a WHERE a.campaign_id = campaigns.id AND a.status = 'no_answer'),
  n_att_busy = (SELECT COUNT(*) FROM attempts a WHERE a.campaign_id = campaigns.id AND a.status = 'busy'),
  n_att_voicemail = (SELECT COUNT(*) FROM attempts a WHERE a.campaign_id = campaigns.id AND a.status = 'voicemail'),
  n_att_failed = (SELECT COUNT(*) FROM attempts a WHERE a.campaign_id = campaigns.id AND a.status = 'failed'),
  talk_seconds = COALESCE((SELECT SUM(CAST(round((julianday(ended_at) - julianday(started_at)) * 86400) AS INTEGER))
    FROM attempts a WHERE a.campaign_id = campaigns.id AND a.status = 'completed'), 0),
  n_reached = (SELECT COUNT(*) FROM contacts k WHERE k.campaign_id = campaigns.id AND k.first_status IS NOT NULL);

INSERT INTO campaign_attempt_numbers
  SELECT campaign_id, number, COUNT(*), SUM(status = 'completed') FROM attempts
  WHERE number IS NOT NULL AND campaign_id IS NOT NULL GROUP BY campaign_id, number;

-- Each contact's latest value per key, from its attempts' results in order; the triggers on
-- contact_results fill result_values as these rows arrive.
INSERT INTO contact_results (contact_id, campaign_id, key, value, type, attempt_seq)
  SELECT a.contact_id, a.campaign_id, r.key,
    CASE r.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(r.value AS TEXT) END,
    CASE WHEN r.type IN ('true', 'false') THEN 'boolean' WHEN r.type IN ('integer', 'real') THEN 'number' ELSE 'string' END,
    a.seq
  FROM attempts a, json_each(a.result) r
  WHERE a.result IS NOT NULL AND r.type IN ('true', 'false', 'integer', 'real', 'text')
    AND a.seq = (SELECT MAX(b.seq) FROM attempts b, json_each(b.result) rb
                 WHERE b.contact_id = a.contact_id AND b.result IS NOT NULL AND rb.key = r.key);
`;

export function up(db: Db): void {
  db.exec(SCHEMA);
  db.exec(BACKFILL);
}
