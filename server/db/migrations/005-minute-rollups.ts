import { DEFAULT_CONCURRENCY_LIMIT } from '../../../contract/schemas.ts';
import type { Db } from '../schema.ts';

// The timeline extension's per-minute rollups, kept by triggers in the same statement as the
// attempt or contact write (never recounted on read): per campaign, calls started, ended by
// outcome, contacts finished (reached completed or exhausted: the forecast's rate) and the most
// calls in flight; per org, the most calls in flight and the concurrency limit in force.
//
// A minute is unixepoch / 60. active_calls_max counts the calls in flight at the minute's start
// too; active_calls_end is the count after the minute's last start or end. Both are null in a
// row no call started or ended in (a contact finished there): a reader carries the previous
// row's end through such rows and through minutes with no row.
//
// Rollups are history, not a view of the current contacts:
// - a deleted contact's attempts leave its calls counted (they were made, and took a line);
//   a call deleted while in flight never ends, so deleteContact counts it out at the time of
//   the delete (a trigger cannot know that time);
// - a requeued contact's finish stays counted, and it counts again when it finishes again
//   (the rate is finishes per hour, whatever came before);
// - attempts written already ended (an import of history) count as started and ended but move
//   no in-flight count, which the triggers can only follow live; the backfill sweeps history.

const MINUTE = (at: string) => `unixepoch(${at}) / 60`;
const IN_FLIGHT = (column: 'campaign_id' | 'org_id', value: string) =>
  `(SELECT COUNT(*) FROM attempts WHERE ${column} = ${value} AND status = 'in_progress')`;
const LIMIT = (orgId: string) =>
  `(SELECT COALESCE(concurrency_limit, ${DEFAULT_CONCURRENCY_LIMIT}) FROM orgs WHERE id = ${orgId})`;

/**
 * A call started (delta +1) or ended (-1) at `at`: the in-flight count after it is counted
 * afresh, the one before it is that minus the delta.
 */
const moved = (delta: 1 | -1, at: string, before = delta === 1 ? 'n - 1' : 'n + 1') => `
  INSERT INTO campaign_minutes (campaign_id, minute, active_calls_max, active_calls_end)
    SELECT NEW.campaign_id, ${MINUTE(at)}, max(n, ${before}), n FROM (SELECT ${IN_FLIGHT('campaign_id', 'NEW.campaign_id')} AS n)
    WHERE NEW.campaign_id IS NOT NULL
    ON CONFLICT DO UPDATE SET active_calls_max = max(COALESCE(active_calls_max, 0), excluded.active_calls_max),
      active_calls_end = excluded.active_calls_end;
  INSERT INTO org_minutes (org_id, minute, active_calls_max, active_calls_end, concurrency_limit)
    SELECT NEW.org_id, ${MINUTE(at)}, max(n, ${before}), n, ${LIMIT('NEW.org_id')} FROM (SELECT ${IN_FLIGHT('org_id', 'NEW.org_id')} AS n)
    WHERE true
    ON CONFLICT DO UPDATE SET active_calls_max = max(COALESCE(active_calls_max, 0), excluded.active_calls_max),
      active_calls_end = excluded.active_calls_end, concurrency_limit = excluded.concurrency_limit;
`;

const STARTED = (at: string) => `
  INSERT INTO campaign_minutes (campaign_id, minute, started) SELECT NEW.campaign_id, ${MINUTE(at)}, 1
    WHERE NEW.campaign_id IS NOT NULL
    ON CONFLICT DO UPDATE SET started = started + 1;
`;

// An end without ended_at (never written so) counts at its start rather than failing the write.
const ENDED = (at: string) => `
  INSERT INTO campaign_minutes (campaign_id, minute, completed, no_answer, busy, voicemail, failed)
    SELECT NEW.campaign_id, ${MINUTE(at)}, NEW.status = 'completed', NEW.status = 'no_answer', NEW.status = 'busy',
      NEW.status = 'voicemail', NEW.status = 'failed'
    WHERE NEW.campaign_id IS NOT NULL
    ON CONFLICT DO UPDATE SET completed = completed + excluded.completed, no_answer = no_answer + excluded.no_answer,
      busy = busy + excluded.busy, voicemail = voicemail + excluded.voicemail, failed = failed + excluded.failed;
`;
const ENDED_AT = 'COALESCE(NEW.ended_at, NEW.started_at)';

const SCHEMA = `
CREATE TABLE campaign_minutes (
  campaign_id TEXT NOT NULL,
  minute INTEGER NOT NULL,
  started INTEGER NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  no_answer INTEGER NOT NULL DEFAULT 0,
  busy INTEGER NOT NULL DEFAULT 0,
  voicemail INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  finished INTEGER NOT NULL DEFAULT 0,
  active_calls_max INTEGER,
  active_calls_end INTEGER,
  PRIMARY KEY (campaign_id, minute)
) WITHOUT ROWID;

CREATE TABLE org_minutes (
  org_id TEXT NOT NULL,
  minute INTEGER NOT NULL,
  active_calls_max INTEGER NOT NULL,
  active_calls_end INTEGER NOT NULL,
  concurrency_limit INTEGER NOT NULL,
  PRIMARY KEY (org_id, minute)
) WITHOUT ROWID;

-- What the triggers count on every call start and end: a campaign's calls in flight.
CREATE INDEX attempts_campaign_in_flight ON attempts (campaign_id) WHERE status = 'in_progress';

CREATE TRIGGER attempts_minutes_insert AFTER INSERT ON attempts
WHEN NEW.status = 'in_progress' BEGIN
${STARTED('NEW.started_at')}${moved(1, 'NEW.started_at')}END;

CREATE TRIGGER attempts_minutes_end AFTER UPDATE OF status ON attempts
WHEN OLD.status = 'in_progress' AND NEW.status != 'in_progress' BEGIN
${ENDED(ENDED_AT)}${moved(-1, ENDED_AT)}END;

CREATE TRIGGER attempts_minutes_insert_ended AFTER INSERT ON attempts
WHEN NEW.status != 'in_progress' BEGIN
${STARTED('NEW.started_at')}${ENDED(ENDED_AT)}END;

CREATE TRIGGER contacts_minutes_finished AFTER UPDATE OF status ON contacts
WHEN NEW.campaign_id IS NOT NULL AND NEW.status IN ('completed', 'exhausted')
  AND OLD.status NOT IN ('completed', 'exhausted') BEGIN
  INSERT INTO campaign_minutes (campaign_id, minute, finished) VALUES (NEW.campaign_id, ${MINUTE('NEW.updated_at')}, 1)
    ON CONFLICT DO UPDATE SET finished = finished + 1;
END;
`;

/**
 * Every start and end of the calls on record, in order (ends before starts at the same second,
 * as the dialer frees a line before it reuses it), with the in-flight count after each, per
 * `key` (campaign_id or org_id); grouped into minutes: the most in flight and the last count.
 */
const SWEEP = (key: 'campaign_id' | 'org_id') => `
WITH events AS (
  SELECT ${key} AS k, unixepoch(started_at) AS t, 1 AS d, seq FROM attempts WHERE ${key} IS NOT NULL
  UNION ALL
  SELECT ${key}, unixepoch(COALESCE(ended_at, started_at)), -1, seq FROM attempts
  WHERE ${key} IS NOT NULL AND status != 'in_progress'
), counted AS (
  SELECT k, t / 60 AS minute, d, SUM(d) OVER (PARTITION BY k ORDER BY t, d, seq ROWS UNBOUNDED PRECEDING) AS after,
    ROW_NUMBER() OVER (PARTITION BY k, t / 60 ORDER BY t DESC, d DESC, seq DESC) AS from_last
  FROM events
)
SELECT k, minute, MAX(max(after, after - d)) AS active_max, MAX(CASE WHEN from_last = 1 THEN after END) AS active_end
FROM counted GROUP BY k, minute`;

const BACKFILL = `
INSERT INTO campaign_minutes (campaign_id, minute, started, completed, no_answer, busy, voicemail, failed, finished,
  active_calls_max, active_calls_end)
SELECT k, minute, SUM(started), SUM(completed), SUM(no_answer), SUM(busy), SUM(voicemail), SUM(failed), SUM(finished),
  MAX(active_max), MAX(active_end)
FROM (
  SELECT campaign_id AS k, unixepoch(started_at) / 60 AS minute, 1 AS started, 0 AS completed, 0 AS no_answer,
    0 AS busy, 0 AS voicemail, 0 AS failed, 0 AS finished, NULL AS active_max, NULL AS active_end
  FROM attempts WHERE campaign_id IS NOT NULL
  UNION ALL
  SELECT campaign_id, unixepoch(COALESCE(ended_at, started_at)) / 60, 0, status = 'completed', status = 'no_answer',
    status = 'busy', status = 'voicemail', status = 'failed', 0, NULL, NULL
  FROM attempts WHERE campaign_id IS NOT NULL AND status != 'in_progress'
  UNION ALL
  -- A finished contact finished at the end of its last call (it has one, unless written so).
  SELECT campaign_id, unixepoch(COALESCE(last_ended_at, updated_at)) / 60, 0, 0, 0, 0, 0, 0, 1, NULL, NULL
  FROM contacts WHERE campaign_id IS NOT NULL AND status IN ('completed', 'exhausted')
  UNION ALL
  SELECT k, minute, 0, 0, 0, 0, 0, 0, 0, active_max, active_end FROM (${SWEEP('campaign_id')})
) GROUP BY k, minute;

-- The limit in force before now was not recorded: the current one stands for the past.
INSERT INTO org_minutes (org_id, minute, active_calls_max, active_calls_end, concurrency_limit)
SELECT s.k, s.minute, s.active_max, s.active_end, COALESCE(o.concurrency_limit, ${DEFAULT_CONCURRENCY_LIMIT})
FROM (${SWEEP('org_id')}) s JOIN orgs o ON o.id = s.k;
`;

export function up(db: Db): void {
  db.exec(SCHEMA);
  db.exec(BACKFILL);
}
