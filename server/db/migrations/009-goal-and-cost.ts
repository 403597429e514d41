import type { Db } from '../schema.ts';

// (ext) goal and cost, as maintained aggregates kept by triggers in the same statement as the
// write that changes them, so the report and the board read them in O(1).
//
// Goal: a campaign's `goal` (JSON `{"results": ["key:value", …]}`) and two counters:
// n_answered, contacts with at least one completed attempt (the conversion rate's
// denominator), and n_converted, contacts whose latest result for one of the goal's keys has
// its value. Each change of a contact's latest results (contact_results) moves n_converted by
// what it changes for that contact; a new goal recounts it once (routes, indexed below).
//
// Cost: a configuration's rate card as exact integers (amounts in 1/10,000 of the currency).
// An attempt is priced when it ends, with the card of its campaign's configuration at that
// moment (the card "in force when it ended"), and keeps that price: later edits of the card
// change only later calls. Prices are in 1/600,000 of the currency (1/10,000 per minute is
// 1/600,000 per second), so a price is an integer: per_call × 60 + per_minute × talk seconds.
// The campaign and the contact keep the sum of their attempts' prices.

const TALK = `CAST(round((julianday(NEW.ended_at) - julianday(NEW.started_at)) * 86400) AS INTEGER)`;

/** What an attempt's end prices and counts (NEW is the ended attempt). */
const ENDED = `
  UPDATE attempts SET cost_units = (
    SELECT cfg.rate_per_call * 60 + CASE WHEN NEW.status = 'completed' THEN cfg.rate_per_minute * ${TALK} ELSE 0 END
    FROM campaigns c JOIN configurations cfg ON cfg.id = c.configuration_id
    WHERE c.id = NEW.campaign_id AND cfg.rate_currency IS NOT NULL)
  WHERE id = NEW.id;
  UPDATE campaigns SET
    cost_units = cost_units + COALESCE((SELECT cost_units FROM attempts WHERE id = NEW.id), 0),
    n_answered = n_answered + (NEW.status = 'completed' AND
      (SELECT COUNT(*) FROM attempts a WHERE a.contact_id = NEW.contact_id AND a.status = 'completed') = 1)
  WHERE id = NEW.campaign_id;
  UPDATE contacts SET cost_units = cost_units + COALESCE((SELECT cost_units FROM attempts WHERE id = NEW.id), 0)
  WHERE id = NEW.contact_id;
`;

/** Whether `key:value` is one of campaign `campaignId`'s goal results. */
const IN_GOAL = (campaignId: string, key: string, value: string) =>
  `EXISTS (SELECT 1 FROM campaigns gc, json_each(gc.goal, '$.results') g
     WHERE gc.id = ${campaignId} AND g.value = ${key} || ':' || ${value})`;
/** Whether the contact converts through a key other than `key`. */
const CONVERTS_ELSEWHERE = (contactId: string, campaignId: string, key: string) =>
  `EXISTS (SELECT 1 FROM contact_results r, campaigns gc, json_each(gc.goal, '$.results') g
     WHERE r.contact_id = ${contactId} AND r.key != ${key} AND gc.id = ${campaignId}
       AND g.value = r.key || ':' || r.value)`;

const SCHEMA = `
ALTER TABLE campaigns ADD COLUMN goal TEXT;
ALTER TABLE campaigns ADD COLUMN n_answered INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN n_converted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaigns ADD COLUMN cost_units INTEGER NOT NULL DEFAULT 0;
ALTER TABLE configurations ADD COLUMN rate_currency TEXT;
ALTER TABLE configurations ADD COLUMN rate_per_call INTEGER;
ALTER TABLE configurations ADD COLUMN rate_per_minute INTEGER;
-- null: no rate card was in force when the attempt ended (or it has not ended).
ALTER TABLE attempts ADD COLUMN cost_units INTEGER;
ALTER TABLE contacts ADD COLUMN cost_units INTEGER NOT NULL DEFAULT 0;

-- A new goal's recount reads the contacts holding each of its results.
CREATE INDEX contact_results_goal ON contact_results (campaign_id, key, value);

CREATE TRIGGER attempts_cost_end AFTER UPDATE OF status ON attempts
WHEN OLD.status = 'in_progress' AND NEW.status != 'in_progress' BEGIN
${ENDED}END;

CREATE TRIGGER attempts_cost_insert_ended AFTER INSERT ON attempts
WHEN NEW.status != 'in_progress' BEGIN
${ENDED}END;

CREATE TRIGGER attempts_cost_delete AFTER DELETE ON attempts BEGIN
  UPDATE campaigns SET
    cost_units = cost_units - COALESCE(OLD.cost_units, 0),
    n_answered = n_answered - (OLD.status = 'completed' AND
      NOT EXISTS (SELECT 1 FROM attempts a WHERE a.contact_id = OLD.contact_id AND a.status = 'completed'))
  WHERE id = OLD.campaign_id;
  UPDATE contacts SET cost_units = cost_units - COALESCE(OLD.cost_units, 0) WHERE id = OLD.contact_id;
END;

CREATE TRIGGER contact_results_goal_insert AFTER INSERT ON contact_results
WHEN NEW.campaign_id IS NOT NULL BEGIN
  UPDATE campaigns SET n_converted = n_converted + 1
  WHERE id = NEW.campaign_id AND goal IS NOT NULL
    AND ${IN_GOAL('NEW.campaign_id', 'NEW.key', 'NEW.value')}
    AND NOT ${CONVERTS_ELSEWHERE('NEW.contact_id', 'NEW.campaign_id', 'NEW.key')};
END;

CREATE TRIGGER contact_results_goal_delete AFTER DELETE ON contact_results
WHEN OLD.campaign_id IS NOT NULL BEGIN
  UPDATE campaigns SET n_converted = n_converted - 1
  WHERE id = OLD.campaign_id AND goal IS NOT NULL
    AND ${IN_GOAL('OLD.campaign_id', 'OLD.key', 'OLD.value')}
    AND NOT ${CONVERTS_ELSEWHERE('OLD.contact_id', 'OLD.campaign_id', 'OLD.key')};
END;

CREATE TRIGGER contact_results_goal_update AFTER UPDATE OF value ON contact_results
WHEN NEW.campaign_id IS NOT NULL AND OLD.value != NEW.value BEGIN
  UPDATE campaigns SET n_converted = n_converted
      + ${IN_GOAL('NEW.campaign_id', 'NEW.key', 'NEW.value')}
      - ${IN_GOAL('NEW.campaign_id', 'OLD.key', 'OLD.value')}
  WHERE id = NEW.campaign_id AND goal IS NOT NULL
    AND NOT ${CONVERTS_ELSEWHERE('NEW.contact_id', 'NEW.campaign_id', 'NEW.key')};
END;
`;

/**
 * Contacts with a completed attempt, from the rows as they are. No configuration had a rate
 * card and no campaign a goal, so nothing is priced and nothing converts.
 */
const BACKFILL = `
UPDATE campaigns SET n_answered = (SELECT COUNT(DISTINCT a.contact_id) FROM attempts a
  WHERE a.campaign_id = campaigns.id AND a.status = 'completed');
`;

// The filtered report reads only this index: migration 003's, with each contact's cost.
const INDEXES = `
DROP INDEX contacts_summary;
CREATE INDEX contacts_summary ON contacts (campaign_id, last_status, first_status, attempt_count,
  status, outcomes, calling, talk_seconds, first_started_at, last_ended_at, latest_results, cost_units);
`;

export function up(db: Db): void {
  db.exec(SCHEMA);
  db.exec(BACKFILL);
  db.exec(INDEXES);
}
