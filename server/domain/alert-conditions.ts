import type { AlertCondition } from '../../contract/alerts.ts';
import { insideWindow } from '../../contract/calling-window.ts';
import {
  endedBetween,
  endedMinutesBackwards,
  lastStartedAt,
  type WatchedCampaign,
} from '../db/alerts.ts';
import type { Db } from '../db/schema.ts';

// The six conditions, read from maintained aggregates only: the campaign row's counters, the
// per-minute rollups (migration 005), the attempts' started_at index. Never the contacts.

/** Enough ended calls for a rate to say something (the plan's rule of thumb too). */
export const MIN_CALLS_FOR_DROP = 20;
const DAY_MINUTES = 1440;
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
  drops: Map<string, { last: number; usual: number } | null>;
  /** (ext goal) the campaign's conversion rate, when the goal extension provides it. */
  conversionRate?: (campaignId: string) => number | null;
};

const round2 = (n: number) => Math.round(n * 100) / 100;
const pct = (n: number) => `${round2(n)}%`;
const minutesSince = (now: Date, iso: string) => (now.getTime() - Date.parse(iso)) / 60_000;

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
    for (const [done, e, f] of endedMinutesBackwards(r.db, c.id, r.nowMinute + 1)) {
      if (e === 0) continue;
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

/** Answer rate of the last hour, and at the same hour of the 7 days before (all together). */
function drop(r: Readings, c: WatchedCampaign) {
  if (r.drops.has(c.id)) return r.drops.get(c.id)!;
  let out: { last: number; usual: number } | null = null;
  const last = endedBetween(r.db, c.id, r.nowMinute - 60, r.nowMinute);
  if (last.ended >= MIN_CALLS_FOR_DROP) {
    let completed = 0;
    let ended = 0;
    for (let d = 1; d <= BASELINE_DAYS; d++) {
      const end = r.nowMinute - d * DAY_MINUTES;
      const day = endedBetween(r.db, c.id, end - 60, end);
      completed += day.completed;
      ended += day.ended;
    }
    if (ended >= MIN_CALLS_FOR_DROP)
      out = { last: (last.completed / last.ended) * 100, usual: (completed / ended) * 100 };
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
      const waiting =
        c.status === 'active' && c.n_pending > 0 && insideWindow(c.schedule, c.timezone, r.now);
      if (!waiting) return calm(`${c.name} is not waiting to dial`);
      const started = since ?? nowIso;
      const last = lastStartedAt(r.db, c.id);
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
        const rate = r.conversionRate?.(c.id) ?? null;
        if (rate === null || c.n_att_ended < n)
          return calm(`${c.name}'s conversion rate needs ${n} ended calls`);
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
