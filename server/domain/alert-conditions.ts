import type { AlertCondition } from '../../contract/alerts.ts';
import { insideWindow } from '../../contract/calling-window.ts';
import {
  answeredInHours,
  endedMinutes,
  endedMinutesSince,
  lastStartedAt,
  type WatchedCampaign,
} from '../db/alerts.ts';
import { campaignOutcome } from '../db/goal-cost.ts';
import type { Db } from '../db/schema.ts';

// The six conditions, read from maintained aggregates only: the campaign row's counters, the
// per-minute rollups (migration 005), the attempts' started_at index. Never the contacts.

/** Enough ended calls for a rate to say something (the plan's rule of thumb too). */
export const MIN_CALLS_FOR_DROP = 20;
const BASELINE_DAYS = 7;

export type Check = {
  /** Whether the episode should be open now. */
  holds: boolean;
  /** The new `since` to keep (stalled and at_cap wait on it), null when nothing waits. */
  since: string | null;
  value: number | null;
  threshold: number | null;
  /** Says what is the case, whether it holds or not: sent on firing and on resolving. */
  message: string;
};

/** What one evaluation reads once and shares between rules (per campaign, per org). */
export type Readings = {
  db: Db;
  now: Date;
  nowMinute: number;
  /** Org load (calls in flight, limit). */
  load: (orgId: string) => { active: number; limit: number };
  /** Per campaign and window: [completed, failed + busy] of the last n ended calls, or null. */
  windows: Map<string, { completed: number; failed: number } | null>;
  /** Campaigns whose recent minutes this evaluation has brought up to date. */
  minutes: Set<string>;
  drops: Map<string, { last: number; usual: number } | null>;
  /** Per campaign: inside its calling window now, and when it last started a call. */
  open: Map<string, boolean>;
  lastStarted: Map<string, string | null>;
};

const round2 = (n: number) => Math.round(n * 100) / 100;
const pct = (n: number) => `${round2(n)}%`;
const minutesSince = (now: Date, iso: string) => (now.getTime() - Date.parse(iso)) / 60_000;

type Minute = [minute: number, completed: number, ended: number, failed: number];
/** A campaign's newest minutes with ended calls, as far back as its widest window needs. */
type Recent = { rows: Minute[]; ended: number; seen: number; all: boolean; widest: number };

// Kept between evaluations: minutes before the newest one read never change (the rollups are
// history), so each evaluation reads only the minutes since. Should the campaign's ended count
// move by other than what those minutes add (a history import, a delete), it reads afresh.
const recentByDb = new WeakMap<Db, Map<string, Recent>>();

const sumEnded = (rows: Minute[]) => rows.reduce((sum, r) => sum + r[2], 0);

function recentMinutes(r: Readings, c: WatchedCampaign, n: number): Recent {
  let byCampaign = recentByDb.get(r.db);
  if (!byCampaign) recentByDb.set(r.db, (byCampaign = new Map()));
  let recent = byCampaign.get(c.id);
  if (recent && !r.minutes.has(c.id)) {
    const newest = recent.rows[0]?.[0];
    const fresh = newest === undefined ? [] : endedMinutesSince(r.db, c.id, newest);
    const replaced = recent.rows.filter((row) => newest !== undefined && row[0] >= newest);
    if (
      newest !== undefined &&
      sumEnded(fresh) - sumEnded(replaced) === c.n_att_ended - recent.seen
    ) {
      recent.rows = [...fresh, ...recent.rows.slice(replaced.length)];
      recent.ended += c.n_att_ended - recent.seen;
      recent.seen = c.n_att_ended;
    } else recent = undefined;
  }
  recent ??= { rows: [], ended: 0, seen: c.n_att_ended, all: false, widest: 0 };
  byCampaign.set(c.id, recent);
  r.minutes.add(c.id);
  recent.widest = Math.max(recent.widest, n);
  while (recent.ended < recent.widest && !recent.all) {
    const before = recent.rows.at(-1)?.[0] ?? r.nowMinute + 1;
    const page = endedMinutes(r.db, c.id, before, recent.rows.length === 0 ? 64 : 256);
    recent.rows.push(...page);
    recent.ended += sumEnded(page);
    recent.all = page.length === 0;
  }
  // Only as many minutes as the widest window needs are kept.
  let kept = 0;
  let count = 0;
  while (count < recent.rows.length && kept < recent.widest) kept += recent.rows[count++]![2];
  if (count < recent.rows.length) {
    recent.rows.length = count;
    recent.ended = kept;
    recent.all = false;
  }
  return recent;
}

/**
 * The last `n` ended calls of the campaign, from its per-minute rollups walked back from now;
 * the oldest minute counts pro rata when only part of it is needed, so the window is n calls.
 */
function lastCalls(r: Readings, c: WatchedCampaign, n: number) {
  const key = `${c.id}:${n}`;
  if (r.windows.has(key)) return r.windows.get(key)!;
  let out: { completed: number; failed: number } | null = null;
  if (c.n_att_ended >= n) {
    let ended = 0;
    let completed = 0;
    let failed = 0;
    for (const [, done, e, f] of recentMinutes(r, c, n).rows) {
      const take = Math.min(e, n - ended);
      completed += (done * take) / e;
      failed += (f * take) / e;
      ended += take;
      if (ended >= n) break;
    }
    if (ended >= n) out = { completed, failed };
  }
  r.windows.set(key, out);
  return out;
}

const EARLIER_DAYS = Array.from({ length: BASELINE_DAYS }, (_, i) => i + 1);
// The same hour on earlier days changes once a minute, not every evaluation: kept per minute.
const earlierByDb = new WeakMap<
  Db,
  Map<string, { minute: number; completed: number; ended: number }>
>();

/** Answer rate of the last hour, and at the same hour of the 7 days before (all together). */
function drop(r: Readings, c: WatchedCampaign) {
  if (r.drops.has(c.id)) return r.drops.get(c.id)!;
  let out: { last: number; usual: number } | null = null;
  const last = answeredInHours(r.db, c.id, r.nowMinute, [0]);
  if (last.ended >= MIN_CALLS_FOR_DROP) {
    let byCampaign = earlierByDb.get(r.db);
    if (!byCampaign) earlierByDb.set(r.db, (byCampaign = new Map()));
    let earlier = byCampaign.get(c.id);
    if (earlier?.minute !== r.nowMinute) {
      earlier = { minute: r.nowMinute, ...answeredInHours(r.db, c.id, r.nowMinute, EARLIER_DAYS) };
      byCampaign.set(c.id, earlier);
    }
    if (earlier.ended >= MIN_CALLS_FOR_DROP)
      out = {
        last: (last.completed / last.ended) * 100,
        usual: (earlier.completed / earlier.ended) * 100,
      };
  }
  r.drops.set(c.id, out);
  return out;
}

const calm = (message: string, since: string | null = null): Check => ({
  holds: false,
  since,
  value: null,
  threshold: null,
  message,
});

/** The org at its concurrency limit for `forMinutes` (sampled at each evaluation). */
export function checkAtCap(
  orgId: string,
  forMinutes: number,
  since: string | null,
  r: Readings,
): Check {
  const { active, limit } = r.load(orgId);
  if (active < limit)
    return {
      ...calm(`Calls in flight are below the limit (${active} of ${limit})`),
      value: active,
      threshold: limit,
    };
  const started = since ?? r.now.toISOString();
  const held = Math.floor(minutesSince(r.now, started));
  return {
    holds: held >= forMinutes,
    since: started,
    value: active,
    threshold: limit,
    message: `The org is at its concurrency limit (${active} of ${limit} calls) for ${held} minutes`,
  };
}

/** Evaluates one condition for one campaign (or, for at_cap, the campaign's org). */
export function check(
  condition: AlertCondition,
  c: WatchedCampaign,
  since: string | null,
  r: Readings,
): Check {
  const nowIso = r.now.toISOString();
  switch (condition.kind) {
    case 'finished': {
      const total = c.n_pending + c.n_in_progress + c.n_completed + c.n_exhausted;
      const holds = total > 0 && c.n_pending + c.n_in_progress === 0;
      return {
        holds,
        since: null,
        value: total,
        threshold: null,
        message: holds
          ? `${c.name} finished: ${c.n_completed} of ${total} contacts completed, ${c.n_exhausted} exhausted`
          : `${c.name} has ${c.n_pending + c.n_in_progress} contacts left to call`,
      };
    }
    case 'stalled': {
      if (c.status !== 'active' || c.n_pending === 0)
        return calm(`${c.name} is not waiting to dial`);
      if (!r.open.has(c.id)) r.open.set(c.id, insideWindow(c.schedule, c.timezone, r.now));
      if (!r.open.get(c.id)) return calm(`${c.name} is outside its calling window`);
      const started = since ?? nowIso;
      if (!r.lastStarted.has(c.id)) r.lastStarted.set(c.id, lastStartedAt(r.db, c.id));
      const last = r.lastStarted.get(c.id)!;
      // Waiting counts from when it began to wait, or from its last call if that is later.
      const from = last && last > started ? last : started;
      const idle = Math.floor(minutesSince(r.now, from));
      const holds = idle >= condition.for_minutes;
      return {
        holds,
        since: started,
        value: idle,
        threshold: condition.for_minutes,
        message: holds
          ? `${c.name} stalled: no call started for ${idle} minutes with ${c.n_pending} contacts pending`
          : `${c.name} is calling again`,
      };
    }
    case 'at_cap':
      return checkAtCap(c.org_id, condition.for_minutes, since, r);
    case 'rate_below': {
      const n = condition.window_calls;
      if (condition.metric === 'conversion_rate') {
        // The goal's counters (migration 009): conversions / contacts answered, O(1).
        const rate = campaignOutcome(r.db, c.id)?.conversion_rate ?? null;
        if (rate === null || c.n_att_ended < n)
          return calm(`${c.name}'s conversion rate needs a goal and ${n} ended calls`);
        return {
          holds: rate < condition.threshold,
          since: null,
          value: round2(rate),
          threshold: condition.threshold,
          message: `${c.name}'s conversion rate is ${pct(rate)} (threshold ${pct(condition.threshold)})`,
        };
      }
      const w = lastCalls(r, c, n);
      if (!w) return calm(`${c.name} has fewer than ${n} ended calls`);
      const rate = (w.completed / n) * 100;
      return {
        holds: rate < condition.threshold,
        since: null,
        value: round2(rate),
        threshold: condition.threshold,
        message: `${c.name}'s answer rate is ${pct(rate)} over the last ${n} calls (threshold ${pct(condition.threshold)})`,
      };
    }
    case 'failed_share_above': {
      const n = condition.window_calls;
      const w = lastCalls(r, c, n);
      if (!w) return calm(`${c.name} has fewer than ${n} ended calls`);
      const share = (w.failed / n) * 100;
      return {
        holds: share > condition.threshold,
        since: null,
        value: round2(share),
        threshold: condition.threshold,
        message: `${pct(share)} of ${c.name}'s last ${n} calls failed or were busy (threshold ${pct(condition.threshold)})`,
      };
    }
    case 'answer_rate_drop': {
      const d = drop(r, c);
      if (!d) return calm(`${c.name} has too few calls in the last hour or on earlier days`);
      const floor = (d.usual * condition.threshold) / 100;
      return {
        holds: d.last < floor,
        since: null,
        value: round2(d.last),
        threshold: round2(floor),
        message: `${c.name}'s answer rate in the last hour is ${pct(d.last)}, against ${pct(d.usual)} at these hours on earlier days`,
      };
    }
  }
}

/** Conditions judged on a window of calls: after an episode, a new one needs fresh calls. */
export const needsFreshCalls = (condition: AlertCondition): number | null =>
  condition.kind === 'rate_below' || condition.kind === 'failed_share_above'
    ? condition.window_calls
    : null;
