import type { Db } from '../schema.ts';

// Campaign counters (contacts per bucket, attempts) are maintained by triggers in the same
// transaction as every contact or attempt write, so stats are exact and O(1) at any size,
// and no code path can forget to update them. IF NOT EXISTS: a database written before
// numbered migrations already has most of this, and gets the rest.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS orgs (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  concurrency_limit INTEGER
);

CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS memberships (
  user_id TEXT NOT NULL REFERENCES users(id),
  org_id TEXT NOT NULL REFERENCES orgs(id),
  PRIMARY KEY (user_id, org_id)
);

-- Tokens are stored as SHA-256 hashes, never in clear.
CREATE TABLE IF NOT EXISTS credentials (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('ak', 'pat')),
  org_id TEXT REFERENCES orgs(id),
  user_id TEXT REFERENCES users(id),
  scopes TEXT NOT NULL,
  label TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS configurations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL REFERENCES orgs(id),
  name TEXT NOT NULL,
  agent_id TEXT,
  from_phone_number TEXT,
  default_country_code TEXT,
  timezone TEXT NOT NULL,
  schedule TEXT,
  max_attempts INTEGER NOT NULL,
  retry_interval_minutes INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS configurations_org ON configurations (org_id, seq);

CREATE TABLE IF NOT EXISTS campaigns (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL REFERENCES orgs(id),
  external_id TEXT,
  name TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'closed')),
  configuration_id TEXT REFERENCES configurations(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  n_pending INTEGER NOT NULL DEFAULT 0,
  n_in_progress INTEGER NOT NULL DEFAULT 0,
  n_completed INTEGER NOT NULL DEFAULT 0,
  n_exhausted INTEGER NOT NULL DEFAULT 0,
  n_attempts INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS campaigns_external ON campaigns (org_id, external_id)
  WHERE external_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS campaigns_org ON campaigns (org_id, seq);
CREATE INDEX IF NOT EXISTS campaigns_org_status ON campaigns (org_id, status, seq);
CREATE INDEX IF NOT EXISTS campaigns_configuration ON campaigns (configuration_id);

-- campaign_id NULL: an ad-hoc contact of the 'default' pseudo-campaign.
-- bucket is the stats bucket: locked and in_progress both count as in_progress.
CREATE TABLE IF NOT EXISTS contacts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL REFERENCES orgs(id),
  campaign_id TEXT REFERENCES campaigns(id),
  external_id TEXT,
  phone_numbers TEXT NOT NULL,
  data TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'locked', 'in_progress', 'completed', 'exhausted')),
  bucket TEXT GENERATED ALWAYS AS
    (CASE WHEN status IN ('locked', 'in_progress') THEN 'in_progress' ELSE status END) VIRTUAL,
  attempt_count INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS contacts_external
  ON contacts (org_id, IFNULL(campaign_id, ''), external_id) WHERE external_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS contacts_campaign ON contacts (campaign_id, seq);
CREATE INDEX IF NOT EXISTS contacts_campaign_bucket ON contacts (campaign_id, bucket, seq);
-- The dialer's queue: pending contacts of a campaign, oldest first, and due retries.
CREATE INDEX IF NOT EXISTS contacts_dial_queue
  ON contacts (campaign_id, attempt_count, seq) WHERE status = 'pending';

CREATE TABLE IF NOT EXISTS attempts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  org_id TEXT NOT NULL,
  campaign_id TEXT,
  contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  phone_number TEXT NOT NULL,
  conversation_id TEXT,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  ends_at TEXT,
  status TEXT NOT NULL
    CHECK (status IN ('in_progress', 'completed', 'no_answer', 'busy', 'voicemail', 'failed')),
  -- planned outcome of an in-flight simulated call; null once ended
  planned_status TEXT,
  result TEXT
);
CREATE INDEX IF NOT EXISTS attempts_contact ON attempts (contact_id, seq);
CREATE INDEX IF NOT EXISTS attempts_in_flight ON attempts (org_id, ends_at)
  WHERE status = 'in_progress';
CREATE INDEX IF NOT EXISTS attempts_conversation ON attempts (conversation_id)
  WHERE conversation_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL,
  started_at TEXT NOT NULL,
  ended_at TEXT,
  transcript TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE IF NOT EXISTS evaluation_runs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  metric_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
  results TEXT,
  due_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS evaluation_runs_conversation ON evaluation_runs (conversation_id);
CREATE INDEX IF NOT EXISTS evaluation_runs_due ON evaluation_runs (due_at) WHERE status = 'pending';

CREATE TRIGGER IF NOT EXISTS contacts_counters_insert AFTER INSERT ON contacts
WHEN NEW.campaign_id IS NOT NULL BEGIN
  UPDATE campaigns SET
    n_pending = n_pending + (NEW.bucket = 'pending'),
    n_in_progress = n_in_progress + (NEW.bucket = 'in_progress'),
    n_completed = n_completed + (NEW.bucket = 'completed'),
    n_exhausted = n_exhausted + (NEW.bucket = 'exhausted'),
    n_attempts = n_attempts + NEW.attempt_count
  WHERE id = NEW.campaign_id;
END;

CREATE TRIGGER IF NOT EXISTS contacts_counters_delete AFTER DELETE ON contacts
WHEN OLD.campaign_id IS NOT NULL BEGIN
  UPDATE campaigns SET
    n_pending = n_pending - (OLD.bucket = 'pending'),
    n_in_progress = n_in_progress - (OLD.bucket = 'in_progress'),
    n_completed = n_completed - (OLD.bucket = 'completed'),
    n_exhausted = n_exhausted - (OLD.bucket = 'exhausted'),
    n_attempts = n_attempts - OLD.attempt_count
  WHERE id = OLD.campaign_id;
END;

CREATE TRIGGER IF NOT EXISTS contacts_counters_update
AFTER UPDATE OF status, attempt_count, campaign_id ON contacts BEGIN
  UPDATE campaigns SET
    n_pending = n_pending - (OLD.bucket = 'pending'),
    n_in_progress = n_in_progress - (OLD.bucket = 'in_progress'),
    n_completed = n_completed - (OLD.bucket = 'completed'),
    n_exhausted = n_exhausted - (OLD.bucket = 'exhausted'),
    n_attempts = n_attempts - OLD.attempt_count
  WHERE id = OLD.campaign_id;
  UPDATE campaigns SET
    n_pending = n_pending + (NEW.bucket = 'pending'),
    n_in_progress = n_in_progress + (NEW.bucket = 'in_progress'),
    n_completed = n_completed + (NEW.bucket = 'completed'),
    n_exhausted = n_exhausted + (NEW.bucket = 'exhausted'),
    n_attempts = n_attempts + NEW.attempt_count
  WHERE id = NEW.campaign_id;
END;

-- How many of a campaign's contacts fall in each bucket per block of 1,024 seqs, kept by
-- the triggers below in the same statement as the change. A deep page (offset 900,000) sums
-- these few rows to find its block instead of stepping over 900,000 index entries.
CREATE TABLE IF NOT EXISTS contact_blocks (
  campaign_id TEXT NOT NULL,
  bucket TEXT NOT NULL,
  block INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, bucket, block)
) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS contacts_blocks_insert AFTER INSERT ON contacts
WHEN NEW.campaign_id IS NOT NULL BEGIN
  INSERT INTO contact_blocks VALUES (NEW.campaign_id, NEW.bucket, NEW.seq >> 10, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER IF NOT EXISTS contacts_blocks_delete AFTER DELETE ON contacts
WHEN OLD.campaign_id IS NOT NULL BEGIN
  UPDATE contact_blocks SET n = n - 1
  WHERE campaign_id = OLD.campaign_id AND bucket = OLD.bucket AND block = OLD.seq >> 10;
END;

CREATE TRIGGER IF NOT EXISTS contacts_blocks_update AFTER UPDATE OF status, campaign_id ON contacts
WHEN OLD.bucket IS NOT NEW.bucket OR OLD.campaign_id IS NOT NEW.campaign_id BEGIN
  UPDATE contact_blocks SET n = n - 1
  WHERE campaign_id = OLD.campaign_id AND bucket = OLD.bucket AND block = OLD.seq >> 10;
  INSERT INTO contact_blocks SELECT NEW.campaign_id, NEW.bucket, NEW.seq >> 10, 1
    WHERE NEW.campaign_id IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- attempts.total counts attempts; contacts.attempt_count is kept equal to the number of
-- the contact's attempt rows by this trigger, which in turn moves the campaign counter.
CREATE TRIGGER IF NOT EXISTS attempts_count_insert AFTER INSERT ON attempts BEGIN
  UPDATE contacts SET attempt_count = attempt_count + 1 WHERE id = NEW.contact_id;
END;
`;

export function up(db: Db): void {
  const hadBlocks = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contact_blocks'")
    .get();
  db.exec(SCHEMA);
  // A database written before contact_blocks existed gets its blocks counted once.
  if (!hadBlocks) {
    db.exec(`INSERT INTO contact_blocks
      SELECT campaign_id, bucket, seq >> 10, COUNT(*) FROM contacts
      WHERE campaign_id IS NOT NULL GROUP BY 1, 2, 3`);
  }
}
