import type { Db } from '../schema.ts';

// (ext) alerts. Rules (their channels' secrets stored, never answered), each rule's state per
// campaign between evaluations (since when its condition holds, its open episode), the
// episodes themselves, and the deliveries of each transition to each channel, which are also
// the journal a restart resumes from (status pending or retrying, next_at due).
// Versions 9 and 10 are left to migrations of other branches.
const SCHEMA = `
CREATE TABLE alert_rules (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL REFERENCES orgs(id),
  name TEXT NOT NULL,
  campaign_id TEXT REFERENCES campaigns(id),
  enabled INTEGER NOT NULL DEFAULT 1,
  condition TEXT NOT NULL,
  channels TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX alert_rules_org ON alert_rules (org_id, seq);

-- campaign_id '' for an episode of the org (at_cap). since: when the condition (or, for
-- stalled and at_cap, what it waits on) started to hold; event_id: the open episode; mark:
-- the campaign's ended calls when its last episode resolved (a rate needs a fresh window).
CREATE TABLE alert_states (
  rule_id TEXT NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
  campaign_id TEXT NOT NULL,
  since TEXT,
  event_id TEXT,
  mark INTEGER,
  PRIMARY KEY (rule_id, campaign_id)
) WITHOUT ROWID;

CREATE TABLE alert_events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL,
  rule_id TEXT NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
  campaign_id TEXT,
  state TEXT NOT NULL CHECK (state IN ('firing', 'resolved')),
  message TEXT NOT NULL,
  value REAL,
  threshold REAL,
  fired_at TEXT NOT NULL,
  resolved_at TEXT
);
CREATE INDEX alert_events_org ON alert_events (org_id, seq);
CREATE INDEX alert_events_rule ON alert_events (rule_id, seq);
CREATE INDEX alert_events_campaign ON alert_events (campaign_id, seq);
CREATE INDEX alert_events_firing ON alert_events (org_id, seq) WHERE state = 'firing';

-- One row per transition and channel. payload: the exact body sent (signed as is).
CREATE TABLE alert_deliveries (
  seq INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES alert_events(id) ON DELETE CASCADE,
  rule_id TEXT NOT NULL,
  channel_index INTEGER NOT NULL,
  channel_type TEXT NOT NULL,
  channel_host TEXT NOT NULL,
  state TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'retrying', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  last_attempt_at TEXT,
  next_at TEXT,
  payload TEXT NOT NULL
);
CREATE INDEX alert_deliveries_event ON alert_deliveries (event_id, seq);
CREATE INDEX alert_deliveries_due ON alert_deliveries (next_at) WHERE status IN ('pending', 'retrying');
`;

/** Nothing to backfill: no rule existed before this. */
export function up(db: Db): void {
  db.exec(SCHEMA);
}
