import type { Db } from '../schema.ts';

// Migration 002's filtered report joined every matching contact's attempts and results, which
// took seconds at a million contacts. Each contact now carries its own summary, kept by
// triggers with the attempt or result that changes it, so a filtered report is one scan of the
// matching contacts; and the search text gets a trigram index so a search does not read every
// contact of the campaign.

const OUTCOME_CODE = (status: string) =>
  `CASE ${status} WHEN 'completed' THEN 'c' WHEN 'no_answer' THEN 'n' WHEN 'busy' THEN 'b'
    WHEN 'voicemail' THEN 'v' WHEN 'failed' THEN 'f' ELSE '' END`;
const TALK = (a: string) =>
  `CASE WHEN ${a}.status = 'completed'
    THEN CAST(round((julianday(${a}.ended_at) - julianday(${a}.started_at)) * 86400) AS INTEGER) ELSE 0 END`;

/** A contact's summary recomputed from its attempts (for deletes and the backfill). */
const RECOMPUTE = (contactId: string) => `
    calling = (SELECT COUNT(*) FROM attempts a WHERE a.contact_id = ${contactId} AND a.status = 'in_progress'),
    outcomes = COALESCE((SELECT group_concat(code, '') FROM (SELECT ${OUTCOME_CODE('a.status')} AS code
      FROM attempts a WHERE a.contact_id = ${contactId} AND a.status != 'in_progress' ORDER BY a.seq)), ''),
    talk_seconds = COALESCE((SELECT SUM(${TALK('a')}) FROM attempts a WHERE a.contact_id = ${contactId}), 0),
    first_started_at = (SELECT MIN(started_at) FROM attempts a WHERE a.contact_id = ${contactId}),
    last_ended_at = (SELECT MAX(ended_at) FROM attempts a WHERE a.contact_id = ${contactId})`;

/** A contact's latest results as one JSON object, key → [type, value]. */
const LATEST_RESULTS = (contactId: string) =>
  `(SELECT json_group_object(key, json_array(type, value)) FROM
     (SELECT key, type, value FROM contact_results r WHERE r.contact_id = ${contactId} ORDER BY key))`;

const SCHEMA = `
-- outcomes: one letter per ended attempt, in order (c completed, n no answer, b busy,
-- v voicemail, f failed); calling: attempts in progress; latest_results: null when none.
ALTER TABLE contacts ADD COLUMN outcomes TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN calling INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN talk_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN first_started_at TEXT;
ALTER TABLE contacts ADD COLUMN last_ended_at TEXT;
ALTER TABLE contacts ADD COLUMN latest_results TEXT;

CREATE TRIGGER contacts_summary_attempt_insert AFTER INSERT ON attempts BEGIN
  UPDATE contacts SET
    calling = calling + (NEW.status = 'in_progress'),
    outcomes = outcomes || ${OUTCOME_CODE('NEW.status')},
    talk_seconds = talk_seconds + ${TALK('NEW')},
    first_started_at = CASE WHEN first_started_at IS NULL OR NEW.started_at < first_started_at
      THEN NEW.started_at ELSE first_started_at END,
    last_ended_at = CASE WHEN NEW.ended_at IS NOT NULL AND (last_ended_at IS NULL OR NEW.ended_at > last_ended_at)
      THEN NEW.ended_at ELSE last_ended_at END
  WHERE id = NEW.contact_id;
END;

CREATE TRIGGER contacts_summary_attempt_end AFTER UPDATE OF status ON attempts
WHEN OLD.status = 'in_progress' AND NEW.status != 'in_progress' BEGIN
  UPDATE contacts SET
    calling = calling - 1,
    outcomes = outcomes || ${OUTCOME_CODE('NEW.status')},
    talk_seconds = talk_seconds + ${TALK('NEW')},
    last_ended_at = CASE WHEN NEW.ended_at IS NOT NULL AND (last_ended_at IS NULL OR NEW.ended_at > last_ended_at)
      THEN NEW.ended_at ELSE last_ended_at END
  WHERE id = NEW.contact_id;
END;

CREATE TRIGGER contacts_summary_attempt_delete AFTER DELETE ON attempts BEGIN
  UPDATE contacts SET ${RECOMPUTE('OLD.contact_id')} WHERE id = OLD.contact_id;
END;

CREATE TRIGGER contacts_summary_results_insert AFTER INSERT ON contact_results BEGIN
  UPDATE contacts SET latest_results = ${LATEST_RESULTS('NEW.contact_id')} WHERE id = NEW.contact_id;
END;
CREATE TRIGGER contacts_summary_results_update AFTER UPDATE ON contact_results BEGIN
  UPDATE contacts SET latest_results = ${LATEST_RESULTS('NEW.contact_id')} WHERE id = NEW.contact_id;
END;
CREATE TRIGGER contacts_summary_results_delete AFTER DELETE ON contact_results BEGIN
  UPDATE contacts SET latest_results = ${LATEST_RESULTS('OLD.contact_id')} WHERE id = OLD.contact_id;
END;

-- Substring search over the folded search text (three characters or more).
CREATE VIRTUAL TABLE contacts_search USING fts5(
  search_text, content = 'contacts', content_rowid = 'seq', tokenize = 'trigram'
);
CREATE TRIGGER contacts_search_index AFTER UPDATE OF search_text ON contacts BEGIN
  INSERT INTO contacts_search (contacts_search, rowid, search_text)
    SELECT 'delete', OLD.seq, OLD.search_text WHERE OLD.search_text != '';
  INSERT INTO contacts_search (rowid, search_text) SELECT NEW.seq, NEW.search_text WHERE NEW.search_text != '';
END;
CREATE TRIGGER contacts_search_unindex AFTER DELETE ON contacts WHEN OLD.search_text != '' BEGIN
  INSERT INTO contacts_search (contacts_search, rowid, search_text) VALUES ('delete', OLD.seq, OLD.search_text);
END;
`;

const BACKFILL = `
UPDATE contacts SET ${RECOMPUTE('contacts.id')},
  latest_results = ${LATEST_RESULTS('contacts.id')}
WHERE EXISTS (SELECT 1 FROM attempts a WHERE a.contact_id = contacts.id);
INSERT INTO contacts_search (rowid, search_text) SELECT seq, search_text FROM contacts WHERE search_text != '';
`;

// Built after the backfill, which then does not have to keep it up to date row by row.
const INDEXES = `
-- The filtered report reads only this index: the filter columns, then each contact's summary.
CREATE INDEX contacts_summary ON contacts (campaign_id, last_status, first_status, attempt_count,
  status, outcomes, calling, talk_seconds, first_started_at, last_ended_at, latest_results);
-- The result filter now reads latest_results, so nothing looks results up by value.
DROP INDEX contact_results_value;
`;

export function up(db: Db): void {
  db.exec(SCHEMA);
  db.exec(BACKFILL);
  db.exec(INDEXES);
}
