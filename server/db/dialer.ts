import { MAX_ATTEMPTS, RETRY_INTERVAL, type Schedule } from '../../contract/schemas.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

export type DialableCampaign = {
  id: string;
  org_id: string;
  timezone: string;
  schedule: Schedule | null;
  max_attempts: number;
  retry_interval_minutes: number;
  /** (ext) campaign-concurrency: its own cap on calls in flight, null for none. */
  max_concurrent_calls: number | null;
  /** (ext) contact-timezones: whose zone the schedule is read in. */
  window_basis: 'campaign' | 'contact';
};

export type InFlight = {
  id: string;
  contact_id: string;
  campaign_id: string | null;
  org_id: string;
  started_at: string;
  ends_at: string;
  planned_status: string;
};

/** Active campaigns of an org with their dialing rules (no configuration: the defaults). */
export function activeCampaigns(db: Db, orgId: string): DialableCampaign[] {
  return sql<
    [number, number, string],
    Omit<DialableCampaign, 'schedule'> & { schedule: string | null }
  >(
    db,
    `SELECT c.id, c.org_id, c.max_concurrent_calls, COALESCE(cfg.timezone, 'UTC') AS timezone, cfg.schedule,
       COALESCE(cfg.window_basis, 'campaign') AS window_basis,
       COALESCE(cfg.max_attempts, ?) AS max_attempts, COALESCE(cfg.retry_interval_minutes, ?) AS retry_interval_minutes
     FROM campaigns c LEFT JOIN configurations cfg ON cfg.id = c.configuration_id
     WHERE c.org_id = ? AND c.status = 'active' ORDER BY c.seq`,
  )
    .all(MAX_ATTEMPTS.default, RETRY_INTERVAL.default, orgId)
    .map((row) => ({
      ...row,
      schedule: row.schedule ? (JSON.parse(row.schedule) as Schedule) : null,
    }));
}

/** Calls in flight per campaign of an org, read from the in-flight index (at most the org's limit rows). */
export function inFlightByCampaign(db: Db, orgId: string): Map<string, number> {
  const rows = sql<[string], { campaign_id: string; n: number }>(
    db,
    "SELECT campaign_id, COUNT(*) AS n FROM attempts WHERE org_id = ? AND status = 'in_progress' AND campaign_id IS NOT NULL GROUP BY campaign_id",
  ).all(orgId);
  return new Map(rows.map((r) => [r.campaign_id, r.n]));
}

export function orgsWithWork(db: Db): { id: string; concurrency_limit: number | null }[] {
  return sql<[], { id: string; concurrency_limit: number | null }>(
    db,
    `SELECT id, concurrency_limit FROM orgs WHERE id IN (SELECT org_id FROM campaigns WHERE status = 'active')
       OR id IN (SELECT org_id FROM attempts WHERE status = 'in_progress')`,
  ).all();
}

export type Candidate = { id: string; phone_numbers: string; attempt_count: number; data: string };

/**
 * Retries whose interval has passed first, oldest due first (the interval is a promise to call
 * back then), then contacts never called, oldest first.
 */
export function dialCandidates(
  db: Db,
  campaignId: string,
  nowIso: string,
  limit: number,
): Candidate[] {
  const retries = sql<[string, string, number], Candidate>(
    db,
    `SELECT id, phone_numbers, attempt_count, data FROM contacts
     WHERE campaign_id = ? AND status = 'pending' AND attempt_count > 0 AND next_attempt_at <= ?
     ORDER BY next_attempt_at LIMIT ?`,
  ).all(campaignId, nowIso, limit);
  if (retries.length >= limit) return retries;
  const fresh = sql<[string, number], Candidate>(
    db,
    `SELECT id, phone_numbers, attempt_count, data FROM contacts
     WHERE campaign_id = ? AND status = 'pending' AND attempt_count = 0 ORDER BY seq LIMIT ?`,
  ).all(campaignId, limit - retries.length);
  return [...retries, ...fresh];
}

/** The zones of a campaign's pending contacts ('' for none), with how many each. */
export function pendingZones(db: Db, campaignId: string): { timezone: string; n: number }[] {
  return sql<[string], { timezone: string; n: number }>(
    db,
    'SELECT timezone, n_pending AS n FROM campaign_zones WHERE campaign_id = ? AND n_pending > 0',
  ).all(campaignId);
}

/**
 * dialCandidates, of the contacts in `zones` only (each contact called in its own hours):
 * retries due first, then fresh contacts, oldest first, zone by zone merged.
 */
export function zonedDialCandidates(
  db: Db,
  campaignId: string,
  zones: readonly string[],
  nowIso: string,
  limit: number,
): Candidate[] {
  const retriesOf = sql<[string, string, string, number], Candidate & { next_attempt_at: string }>(
    db,
    `SELECT id, phone_numbers, attempt_count, data, next_attempt_at FROM contacts
     WHERE campaign_id = ? AND timezone = ? AND status = 'pending' AND attempt_count > 0 AND next_attempt_at <= ?
     ORDER BY next_attempt_at LIMIT ?`,
  );
  const freshOf = sql<[string, string, number], Candidate & { seq: number }>(
    db,
    `SELECT id, phone_numbers, attempt_count, data, seq FROM contacts
     WHERE campaign_id = ? AND timezone = ? AND status = 'pending' AND attempt_count = 0 ORDER BY seq LIMIT ?`,
  );
  const retries = zones
    .flatMap((z) => retriesOf.all(campaignId, z, nowIso, limit))
    .sort((a, b) => (a.next_attempt_at < b.next_attempt_at ? -1 : 1))
    .slice(0, limit);
  if (retries.length >= limit) return retries.map(candidate);
  const fresh = zones
    .flatMap((z) => freshOf.all(campaignId, z, limit - retries.length))
    .sort((a, b) => a.seq - b.seq)
    .slice(0, limit - retries.length);
  return [...retries, ...fresh].map(candidate);
}

const candidate = ({ id, phone_numbers, attempt_count, data }: Candidate): Candidate => ({
  id,
  phone_numbers,
  attempt_count,
  data,
});

export function startAttempt(
  db: Db,
  a: {
    id: string;
    orgId: string;
    campaignId: string;
    contactId: string;
    phone: string;
    startedAt: string;
    endsAt: string;
    planned: string;
  },
): void {
  // Locked first, then in progress once the attempt exists: the order a real dialer takes.
  sql(db, "UPDATE contacts SET status = 'locked', updated_at = ? WHERE id = ?").run(
    a.startedAt,
    a.contactId,
  );
  sql(
    db,
    `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, started_at, ends_at, status, planned_status)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'in_progress', ?)`,
  ).run(a.id, a.orgId, a.campaignId, a.contactId, a.phone, a.startedAt, a.endsAt, a.planned);
  sql(db, "UPDATE contacts SET status = 'in_progress' WHERE id = ?").run(a.contactId);
}

export function dueCalls(db: Db, orgId: string, nowIso: string): InFlight[] {
  return sql<[string, string], InFlight>(
    db,
    `SELECT id, contact_id, campaign_id, org_id, started_at, ends_at, planned_status FROM attempts
     WHERE org_id = ? AND status = 'in_progress' AND ends_at <= ? ORDER BY ends_at`,
  ).all(orgId, nowIso);
}

export function allInFlight(db: Db): InFlight[] {
  return sql<[], InFlight>(
    db,
    `SELECT id, contact_id, campaign_id, org_id, started_at, ends_at, planned_status FROM attempts
     WHERE status = 'in_progress'`,
  ).all();
}

/** Whether any call of any org is in flight. */
export function anyInFlight(db: Db): boolean {
  return (
    sql<[], { yes: number }>(
      db,
      "SELECT EXISTS (SELECT 1 FROM attempts WHERE status = 'in_progress') AS yes",
    ).get()!.yes === 1
  );
}

export function endAttempt(
  db: Db,
  id: string,
  status: string,
  endedAt: string,
  conversationId: string | null,
): void {
  sql(
    db,
    `UPDATE attempts SET status = ?, ended_at = ?, conversation_id = ?, ends_at = NULL, planned_status = NULL WHERE id = ?`,
  ).run(status, endedAt, conversationId, id);
}

type ContactRules = {
  /** (ext) suppression: 1 when a number of the contact was listed meanwhile. */
  suppressed: number;
  attempts_in_budget: number;
  max_attempts: number;
  retry_interval_minutes: number;
};

/**
 * The rules that decide a contact's next state after a call, from its campaign; a requeue
 * starts a fresh budget, so only the attempts made since count against max_attempts.
 */
export function contactRules(db: Db, contactId: string): ContactRules | null {
  return (
    sql<[number, number, string], ContactRules>(
      db,
      `SELECT k.suppressed, k.attempt_count - k.attempts_before_requeue AS attempts_in_budget, COALESCE(cfg.max_attempts, ?) AS max_attempts,
         COALESCE(cfg.retry_interval_minutes, ?) AS retry_interval_minutes
       FROM contacts k JOIN campaigns c ON c.id = k.campaign_id
       LEFT JOIN configurations cfg ON cfg.id = c.configuration_id WHERE k.id = ?`,
    ).get(MAX_ATTEMPTS.default, RETRY_INTERVAL.default, contactId) ?? null
  );
}

export function setContactAfterCall(
  db: Db,
  contactId: string,
  status: string,
  nextAttemptAt: string | null,
  at: string,
): void {
  sql(db, 'UPDATE contacts SET status = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?').run(
    status,
    nextAttemptAt,
    at,
    contactId,
  );
}

export function insertConversation(
  db: Db,
  c: { id: string; orgId: string; startedAt: string; endedAt: string; transcript: unknown },
): void {
  sql(
    db,
    'INSERT INTO conversations (id, org_id, started_at, ended_at, transcript) VALUES (?, ?, ?, ?, ?)',
  ).run(c.id, c.orgId, c.startedAt, c.endedAt, JSON.stringify(c.transcript));
}

export function insertEvaluationRun(
  db: Db,
  e: {
    id: string;
    conversationId: string;
    metricKey: string;
    status: 'pending' | 'completed';
    results: unknown;
    dueAt: string | null;
    createdAt: string;
  },
): void {
  sql(
    db,
    `INSERT INTO evaluation_runs (id, conversation_id, metric_key, status, results, due_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    e.id,
    e.conversationId,
    e.metricKey,
    e.status,
    e.results == null ? null : JSON.stringify(e.results),
    e.dueAt,
    e.createdAt,
  );
}

export function dueEvaluations(
  db: Db,
  nowIso: string,
): { id: string; conversation_id: string; metric_key: string; results: string }[] {
  return sql<
    [string],
    { id: string; conversation_id: string; metric_key: string; results: string }
  >(
    db,
    `SELECT id, conversation_id, metric_key, results FROM evaluation_runs WHERE status = 'pending' AND due_at <= ?`,
  ).all(nowIso);
}

/**
 * Completes a run and refreshes the attempt's flattened `result` from all completed runs.
 * Returns the flattened result and the attempt's org and number.
 */
export function completeEvaluation(
  db: Db,
  runId: string,
  conversationId: string,
): { result: Record<string, unknown>; orgId: string; phone: string } | null {
  sql(db, "UPDATE evaluation_runs SET status = 'completed', due_at = NULL WHERE id = ?").run(runId);
  const runs = sql<[string], { metric_key: string; results: string }>(
    db,
    "SELECT metric_key, results FROM evaluation_runs WHERE conversation_id = ? AND status = 'completed' ORDER BY seq",
  ).all(conversationId);
  const flat: Record<string, unknown> = {};
  for (const run of runs) {
    for (const [k, v] of Object.entries(JSON.parse(run.results) as Record<string, unknown>))
      flat[`${run.metric_key}.${k}`] = v;
  }
  sql(db, 'UPDATE attempts SET result = ? WHERE conversation_id = ?').run(
    JSON.stringify(flat),
    conversationId,
  );
  const attempt = sql<[string], { org_id: string; phone_number: string }>(
    db,
    'SELECT org_id, phone_number FROM attempts WHERE conversation_id = ?',
  ).get(conversationId);
  return attempt ? { result: flat, orgId: attempt.org_id, phone: attempt.phone_number } : null;
}

export function contactData(db: Db, contactId: string): Record<string, unknown> {
  const row = sql<[string], { data: string }>(db, 'SELECT data FROM contacts WHERE id = ?').get(
    contactId,
  );
  return row ? (JSON.parse(row.data) as Record<string, unknown>) : {};
}
