import { randomUUID } from 'node:crypto';
import type {
  AlertCondition,
  AlertDelivery,
  AlertEvent,
  AlertRule,
} from '../../contract/alerts.ts';
import { DEFAULT_CONCURRENCY_LIMIT, type Schedule } from '../../contract/schemas.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

// (ext) alerts (migration 011): rules, their per-campaign state, episodes and deliveries.

/** A channel as stored: a webhook's secret included (never answered, never logged). */
export type StoredChannel =
  { type: 'webhook'; url: string; secret: string } | { type: 'slack'; url: string };

export type StoredRule = {
  id: string;
  org_id: string;
  name: string;
  campaign_id: string | null;
  enabled: boolean;
  condition: AlertCondition;
  channels: StoredChannel[];
  created_at: string;
  updated_at: string;
};

type RuleRow = Omit<StoredRule, 'enabled' | 'condition' | 'channels'> & {
  enabled: number;
  condition: string;
  channels: string;
};

const toRule = (r: RuleRow): StoredRule => ({
  ...r,
  enabled: r.enabled === 1,
  condition: JSON.parse(r.condition) as AlertCondition,
  channels: JSON.parse(r.channels) as StoredChannel[],
});

/** What stands for the token of a Slack URL in an answer. */
export const SLACK_MASK = '••••';

/**
 * A Slack incoming-webhook URL is a credential, so it is answered masked: scheme, host and
 * first path part, each later part cut to its first character, the last one (the token)
 * hidden: `https://hooks.slack.com/services/T…/B…/••••`. Query and user info are dropped.
 */
export function maskedSlackUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return SLACK_MASK;
  }
  const parts = parsed.pathname.split('/').filter(Boolean);
  const shown = parts.slice(0, -1).map((part, i) => (i === 0 ? part : `${[...part][0]}…`));
  return [`${parsed.protocol}//${parsed.host}`, ...shown, SLACK_MASK].join('/');
}

/** What a rule is to a reader: its channels without secrets, Slack URLs masked. */
export const publicRule = (r: StoredRule): AlertRule => ({
  id: r.id,
  name: r.name,
  campaign_id: r.campaign_id,
  enabled: r.enabled,
  condition: r.condition,
  channels: r.channels.map((ch) => ({
    type: ch.type,
    url: ch.type === 'slack' ? maskedSlackUrl(ch.url) : ch.url,
  })),
  created_at: r.created_at,
  updated_at: r.updated_at,
});

const RULE_COLUMNS =
  'id, org_id, name, campaign_id, enabled, condition, channels, created_at, updated_at';

export function listRules(db: Db, orgId: string): StoredRule[] {
  return sql<[string], RuleRow>(
    db,
    `SELECT ${RULE_COLUMNS} FROM alert_rules WHERE org_id = ? ORDER BY seq`,
  )
    .all(orgId)
    .map(toRule);
}

export function findRule(db: Db, orgId: string, id: string): StoredRule | null {
  const row = sql<[string, string], RuleRow>(
    db,
    `SELECT ${RULE_COLUMNS} FROM alert_rules WHERE org_id = ? AND id = ?`,
  ).get(orgId, id);
  return row ? toRule(row) : null;
}

/** Every enabled rule of every org: what an evaluation walks. */
export function enabledRules(db: Db): StoredRule[] {
  return sql<[], RuleRow>(
    db,
    `SELECT ${RULE_COLUMNS} FROM alert_rules WHERE enabled = 1 ORDER BY seq`,
  )
    .all()
    .map(toRule);
}

export function insertRule(db: Db, rule: StoredRule): void {
  sql(
    db,
    `INSERT INTO alert_rules (${RULE_COLUMNS}) VALUES (@id, @org_id, @name, @campaign_id, @enabled, @condition, @channels, @created_at, @updated_at)`,
  ).run({
    ...rule,
    enabled: rule.enabled ? 1 : 0,
    condition: JSON.stringify(rule.condition),
    channels: JSON.stringify(rule.channels),
  });
}

export function updateRule(db: Db, rule: StoredRule): void {
  sql(
    db,
    `UPDATE alert_rules SET name = @name, campaign_id = @campaign_id, enabled = @enabled, condition = @condition,
       channels = @channels, updated_at = @updated_at WHERE id = @id`,
  ).run({
    id: rule.id,
    name: rule.name,
    campaign_id: rule.campaign_id,
    enabled: rule.enabled ? 1 : 0,
    condition: JSON.stringify(rule.condition),
    channels: JSON.stringify(rule.channels),
    updated_at: rule.updated_at,
  });
}

/** A rule changed what it watches: its open episodes and waits start afresh. */
export function clearRuleState(db: Db, ruleId: string): void {
  sql(db, 'DELETE FROM alert_states WHERE rule_id = ?').run(ruleId);
}

export function deleteRule(db: Db, id: string): void {
  sql(db, 'DELETE FROM alert_rules WHERE id = ?').run(id);
}

// ---------- What an evaluation reads ----------

/** A campaign as the conditions see it: counters, status, calling window. */
export type WatchedCampaign = {
  id: string;
  org_id: string;
  name: string;
  status: string;
  n_pending: number;
  n_in_progress: number;
  n_completed: number;
  n_exhausted: number;
  n_att_completed: number;
  n_att_ended: number;
  timezone: string;
  schedule: Schedule | null;
};

/** Every campaign that is not closed, of the orgs that have an enabled rule; one query. */
export function watchedCampaigns(db: Db): WatchedCampaign[] {
  return sql<[], Omit<WatchedCampaign, 'schedule'> & { schedule: string | null }>(
    db,
    `SELECT c.id, c.org_id, c.name, c.status, c.n_pending, c.n_in_progress, c.n_completed, c.n_exhausted,
       c.n_att_completed, c.n_att_completed + c.n_att_no_answer + c.n_att_busy + c.n_att_voicemail + c.n_att_failed AS n_att_ended,
       COALESCE(cfg.timezone, 'UTC') AS timezone, cfg.schedule
     FROM campaigns c LEFT JOIN configurations cfg ON cfg.id = c.configuration_id
     WHERE c.status != 'closed' AND c.org_id IN (SELECT org_id FROM alert_rules WHERE enabled = 1)`,
  )
    .all()
    .map((row) => ({
      ...row,
      schedule: row.schedule ? (JSON.parse(row.schedule) as Schedule) : null,
    }));
}

/** Per org with an enabled rule: calls in flight now and the limit. */
export function orgLoads(db: Db): Map<string, { active: number; limit: number }> {
  const rows = sql<[], { id: string; active: number; lim: number }>(
    db,
    `SELECT o.id, COALESCE(o.concurrency_limit, ${DEFAULT_CONCURRENCY_LIMIT}) AS lim,
       (SELECT COUNT(*) FROM attempts a WHERE a.org_id = o.id AND a.status = 'in_progress') AS active
     FROM orgs o WHERE o.id IN (SELECT org_id FROM alert_rules WHERE enabled = 1)`,
  ).all();
  return new Map(rows.map((r) => [r.id, { active: r.active, limit: r.lim }]));
}

/** When the campaign last started a call (the attempts' started_at index), or null. */
export function lastStartedAt(db: Db, campaignId: string): string | null {
  return (
    sql<[string], { at: string | null }>(
      db,
      'SELECT MAX(started_at) AS at FROM attempts WHERE campaign_id = ?',
    ).get(campaignId)?.at ?? null
  );
}

/**
 * A page of the campaign's per-minute [minute, completed, ended, failed + busy] calls with
 * something ended, newest first, before `beforeMinute`.
 */
export function endedMinutes(
  db: Db,
  campaignId: string,
  beforeMinute: number,
  limit: number,
): [number, number, number, number][] {
  return sql<[string, number, number], [number, number, number, number]>(
    db,
    `SELECT minute, completed, completed + no_answer + busy + voicemail + failed AS ended, busy + failed
     FROM campaign_minutes WHERE campaign_id = ? AND minute < ?
       AND completed + no_answer + busy + voicemail + failed > 0
     ORDER BY minute DESC LIMIT ?`,
  )
    .raw()
    .all(campaignId, beforeMinute, limit);
}

/** The campaign's minutes with something ended from `fromMinute` on, newest first. */
export function endedMinutesSince(
  db: Db,
  campaignId: string,
  fromMinute: number,
): [number, number, number, number][] {
  return sql<[string, number], [number, number, number, number]>(
    db,
    `SELECT minute, completed, completed + no_answer + busy + voicemail + failed AS ended, busy + failed
     FROM campaign_minutes WHERE campaign_id = ? AND minute >= ?
       AND completed + no_answer + busy + voicemail + failed > 0
     ORDER BY minute DESC`,
  )
    .raw()
    .all(campaignId, fromMinute);
}

/**
 * Completed and ended calls of the campaign in the hour before `minute` of each day in
 * `daysBack` (0: the last hour), summed, in one statement (a range scan per day).
 */
export function answeredInHours(
  db: Db,
  campaignId: string,
  minute: number,
  daysBack: readonly number[],
): { completed: number; ended: number } {
  const ranges = daysBack
    .map(
      (d) =>
        `SELECT completed, completed + no_answer + busy + voicemail + failed AS ended
         FROM campaign_minutes WHERE campaign_id = @id AND minute >= @m - ${d * 1440 + 60} AND minute < @m - ${d * 1440}`,
    )
    .join(' UNION ALL ');
  const row = sql<[{ id: string; m: number }], { completed: number | null; ended: number | null }>(
    db,
    `SELECT SUM(completed) AS completed, SUM(ended) AS ended FROM (${ranges})`,
  ).get({ id: campaignId, m: minute })!;
  return { completed: row.completed ?? 0, ended: row.ended ?? 0 };
}

export type AlertState = {
  rule_id: string;
  campaign_id: string;
  since: string | null;
  event_id: string | null;
  mark: number | null;
};

export function allStates(db: Db): AlertState[] {
  return sql<[], AlertState>(
    db,
    'SELECT rule_id, campaign_id, since, event_id, mark FROM alert_states',
  ).all();
}

export function saveState(db: Db, s: AlertState): void {
  if (s.since === null && s.event_id === null && s.mark === null) {
    sql(db, 'DELETE FROM alert_states WHERE rule_id = ? AND campaign_id = ?').run(
      s.rule_id,
      s.campaign_id,
    );
    return;
  }
  sql(
    db,
    `INSERT INTO alert_states (rule_id, campaign_id, since, event_id, mark) VALUES (@rule_id, @campaign_id, @since, @event_id, @mark)
     ON CONFLICT DO UPDATE SET since = excluded.since, event_id = excluded.event_id, mark = excluded.mark`,
  ).run(s);
}

// ---------- Events ----------

export type NewEvent = {
  id: string;
  org_id: string;
  rule_id: string;
  campaign_id: string | null;
  message: string;
  value: number | null;
  threshold: number | null;
  fired_at: string;
};

export function insertEvent(db: Db, e: NewEvent): void {
  sql(
    db,
    `INSERT INTO alert_events (id, org_id, rule_id, campaign_id, state, message, value, threshold, fired_at)
     VALUES (@id, @org_id, @rule_id, @campaign_id, 'firing', @message, @value, @threshold, @fired_at)`,
  ).run(e);
}

export function resolveEvent(db: Db, id: string, at: string): void {
  sql(db, "UPDATE alert_events SET state = 'resolved', resolved_at = ? WHERE id = ?").run(at, id);
}

type EventRow = Omit<AlertEvent, 'deliveries' | 'state'> & {
  seq: number;
  state: 'firing' | 'resolved';
};

/** A page of an org's events, newest first, older than `beforeSeq` when given. */
export function listEvents(
  db: Db,
  orgId: string,
  q: {
    ruleId?: string;
    campaignId?: string;
    state?: string;
    beforeSeq: number | null;
    limit: number;
  },
): { events: AlertEvent[]; lastSeq: number | null; more: boolean } {
  const where = ['org_id = ?'];
  const params: unknown[] = [orgId];
  if (q.ruleId) {
    where.push('rule_id = ?');
    params.push(q.ruleId);
  }
  if (q.campaignId) {
    where.push('campaign_id = ?');
    params.push(q.campaignId);
  }
  if (q.state) {
    where.push('state = ?');
    params.push(q.state);
  }
  if (q.beforeSeq !== null) {
    where.push('seq < ?');
    params.push(q.beforeSeq);
  }
  // The shape varies with the filters, so prepared here rather than cached.
  const rows = db
    .prepare(
      `SELECT seq, id, rule_id, campaign_id, state, message, value, threshold, fired_at, resolved_at
       FROM alert_events WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT ?`,
    )
    .all(...params, q.limit + 1) as EventRow[];
  const page = rows.slice(0, q.limit);
  const deliveries = deliveriesOf(
    db,
    page.map((r) => r.id),
  );
  return {
    events: page.map(({ seq: _seq, ...r }) => ({ ...r, deliveries: deliveries.get(r.id) ?? [] })),
    lastSeq: page.at(-1)?.seq ?? null,
    more: rows.length > q.limit,
  };
}

type DeliveryRow = {
  event_id: string;
  channel_type: 'webhook' | 'slack';
  channel_host: string;
  state: AlertDelivery['state'];
  status: string;
  attempts: number;
  last_error: string | null;
  last_attempt_at: string | null;
};

/** Deliveries of these events, in the order they were queued. */
function deliveriesOf(db: Db, eventIds: string[]): Map<string, AlertDelivery[]> {
  const out = new Map<string, AlertDelivery[]>();
  if (eventIds.length === 0) return out;
  const rows = sql<[string], DeliveryRow>(
    db,
    `SELECT event_id, channel_type, channel_host, state, status, attempts, last_error, last_attempt_at
     FROM alert_deliveries WHERE event_id IN (SELECT value FROM json_each(?)) ORDER BY seq`,
  ).all(JSON.stringify(eventIds));
  for (const r of rows) {
    const list = out.get(r.event_id) ?? [];
    list.push({
      channel: { type: r.channel_type, host: r.channel_host },
      state: r.state,
      // Not tried yet reads as on its way: it is sent at once, or at its next turn.
      status: r.status === 'pending' ? 'retrying' : (r.status as AlertDelivery['status']),
      attempts: r.attempts,
      last_error: r.last_error,
      last_attempt_at: r.last_attempt_at,
    });
    out.set(r.event_id, list);
  }
  return out;
}

// ---------- Deliveries (the journal) ----------

export type QueuedDelivery = {
  seq: number;
  event_id: string;
  rule_id: string;
  channel_index: number;
  attempts: number;
  payload: string;
};

export function queueDelivery(
  db: Db,
  d: {
    eventId: string;
    ruleId: string;
    channelIndex: number;
    channel: StoredChannel;
    state: 'firing' | 'resolved';
    payload: string;
    at: string;
  },
): void {
  sql(
    db,
    `INSERT INTO alert_deliveries (event_id, rule_id, channel_index, channel_type, channel_host, state, status, next_at, payload)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
  ).run(
    d.eventId,
    d.ruleId,
    d.channelIndex,
    d.channel.type,
    hostOf(d.channel.url),
    d.state,
    d.at,
    d.payload,
  );
}

export const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
};

/** Deliveries whose turn has come (pending, or retrying with next_at passed), oldest first. */
export function dueDeliveries(db: Db, nowIso: string, limit = 50): QueuedDelivery[] {
  return sql<[string, number], QueuedDelivery>(
    db,
    `SELECT seq, event_id, rule_id, channel_index, attempts, payload FROM alert_deliveries
     WHERE status IN ('pending', 'retrying') AND next_at <= ? ORDER BY next_at, seq LIMIT ?`,
  ).all(nowIso, limit);
}

/** The earliest next_at of a delivery still to make, or null. */
export function nextDeliveryAt(db: Db): string | null {
  return (
    sql<[], { at: string | null }>(
      db,
      "SELECT MIN(next_at) AS at FROM alert_deliveries WHERE status IN ('pending', 'retrying')",
    ).get()?.at ?? null
  );
}

/** A rule's channels, secrets included, for the sender only. */
export function ruleChannels(db: Db, ruleId: string): StoredChannel[] | null {
  const row = sql<[string], { channels: string }>(
    db,
    'SELECT channels FROM alert_rules WHERE id = ?',
  ).get(ruleId);
  return row ? (JSON.parse(row.channels) as StoredChannel[]) : null;
}

export function recordTry(
  db: Db,
  seq: number,
  t: {
    status: 'delivered' | 'retrying' | 'failed';
    attempts: number;
    error: string | null;
    at: string;
    nextAt: string | null;
  },
): void {
  sql(
    db,
    `UPDATE alert_deliveries SET status = ?, attempts = ?, last_error = ?, last_attempt_at = ?, next_at = ? WHERE seq = ?`,
  ).run(t.status, t.attempts, t.error, t.at, t.nextAt, seq);
}

export const newEventId = () => randomUUID();

/** A campaign's name by id, for the payload of an episode whose campaign is no longer watched. */
export function campaignName(db: Db, id: string): string | null {
  return (
    sql<[string], { name: string }>(db, 'SELECT name FROM campaigns WHERE id = ?').get(id)?.name ??
    null
  );
}
