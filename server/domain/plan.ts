// The plans (ext `plan`): a campaign's, and every active campaign's of the org, from its
// counters and history (server/db/plan.ts) through the model (plan-model.ts).
import { PLAN_MAX_LINES, type OrgPlan, type Plan } from '../../contract/extensions.ts';
import { concurrencyLimit } from '../db/orgs.ts';
import {
  activePlanRows,
  attemptNumbers,
  lastEndedAt,
  lastEndedCalls,
  planRow,
  remainingByAttempts,
  type PlanRow,
} from '../db/plan.ts';
import { attemptCost, rateCardFromColumns } from '../db/goal-cost.ts';
import type { Db } from '../db/schema.ts';
import { isoSeconds } from '../db/time.ts';
import { HttpError, notFound } from './errors.ts';
import {
  finishTimes,
  leastLines,
  planModel,
  type PlanHistory,
  type PlanModel,
} from './plan-model.ts';

const BASIS_HOURS = 6;
const BASIS_MIN_CALLS = 20;
// Each call of the basis is a row read (its start is not in the index): 200 plans in 100 ms
// afford about this many, and the rate is steady well before.
const BASIS_MAX_CALLS = 100;

/**
 * The rate's basis: the calls of the last 6 hours the campaign was calling (up to its latest
 * 100), or its latest 20 when those hours had fewer.
 */
function history(db: Db, row: PlanRow): PlanHistory {
  const base = { ended: row.n_att_ended, byAttemptNumber: attemptNumbers(db, row.id) };
  const last = row.n_att_ended > 0 ? lastEndedAt(db, row.id) : null;
  if (last) {
    const since = isoSeconds(new Date(Date.parse(last) - BASIS_HOURS * 3_600_000));
    const recent = lastEndedCalls(db, row.id, since, BASIS_MAX_CALLS);
    if (recent.calls >= BASIS_MIN_CALLS) {
      return {
        ...base,
        basisCalls: recent.calls,
        basisLineSeconds: recent.seconds,
        basis:
          recent.calls === BASIS_MAX_CALLS
            ? `last ${BASIS_MAX_CALLS} calls`
            : `last ${BASIS_HOURS} hours of calls`,
      };
    }
  }
  const calls = lastEndedCalls(db, row.id, '', BASIS_MIN_CALLS);
  return {
    ...base,
    basisCalls: calls.calls,
    basisLineSeconds: calls.seconds,
    basis: `last ${BASIS_MIN_CALLS} calls`,
  };
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/**
 * What the calls still to come cost under the configuration's rate card now: per_call for each
 * expected attempt, and per_minute for the expected completions at the campaign's average talk
 * time of completed calls so far. Null without a rate card.
 */
function costToFinish(row: PlanRow, model: PlanModel): number | null {
  const card = rateCardFromColumns(row);
  if (!card) return null;
  // No completed call yet: the pooled chance of completing is 0, so none are expected either.
  const talk = row.n_att_completed > 0 ? row.talk_seconds / row.n_att_completed : 0;
  const completions = model.completionsExpected;
  return round(
    (model.attemptsExpected - completions) * attemptCost(card, false, 0) +
      completions * attemptCost(card, true, talk),
    2,
  );
}

/** The plan of one campaign at `now`: finish times at 1..limit lines and, given one, a deadline's answer. */
export function planFor(
  db: Db,
  row: PlanRow,
  limit: number,
  now: Date,
  deadline: Date | null,
): Plan {
  const remaining = remainingByAttempts(db, row.id, row.n_pending);
  const contacts = [...remaining.values()].reduce((a, b) => a + b, 0);
  const model = planModel(
    {
      schedule: row.schedule,
      timezone: row.timezone,
      maxAttempts: row.max_attempts,
      retryIntervalMinutes: row.retry_interval_minutes,
      remainingByAttempts: remaining,
      history: history(db, row),
    },
    now,
  );
  const plan: Plan = {
    campaign_id: row.id,
    generated_at: isoSeconds(now),
    remaining: { contacts, attempts_expected: null },
    attempts_per_line_hour: null,
    basis: '',
    lines_now: Math.min(row.max_concurrent_calls ?? limit, PLAN_MAX_LINES),
    at_lines: [],
    deadline: null,
    cost_to_finish: null,
  };
  if ('reason' in model) {
    plan.basis = model.reason;
    if (deadline)
      plan.deadline = { at: isoSeconds(deadline), lines_needed: null, within_org_limit: false };
    return plan;
  }
  plan.basis = contacts === 0 ? `nothing left to call; ${model.basis}` : model.basis;
  plan.remaining.attempts_expected = round(model.attemptsExpected, 2);
  plan.attempts_per_line_hour = round(model.perLineHour, 2);
  plan.cost_to_finish = costToFinish(row, model);
  if (contacts > 0) {
    let lastMs: number | null = -1;
    let lastIso: string | null = null;
    const times = finishTimes(model.finish, Math.min(limit, PLAN_MAX_LINES));
    for (const [i, at] of times.entries()) {
      // Finishes repeat across line counts; format each once.
      if (at !== lastMs) lastIso = at === null ? null : isoSeconds(new Date(at));
      lastMs = at;
      plan.at_lines.push({ lines: i + 1, finishes_at: lastIso });
    }
  }
  if (deadline) {
    const needed = contacts === 0 ? 0 : leastLines(model.finish, deadline.getTime());
    plan.deadline = {
      at: isoSeconds(deadline),
      lines_needed: needed,
      within_org_limit: needed !== null && needed <= limit,
    };
  }
  return plan;
}

/** A deadline from the query: in the future, else 422. */
export function planDeadline(deadline: string | undefined, now: Date): Date | null {
  if (deadline === undefined) return null;
  const at = new Date(deadline);
  if (at.getTime() <= now.getTime()) {
    throw new HttpError(422, [
      { loc: ['query', 'deadline'], msg: 'The deadline is in the past', type: 'deadline_past' },
    ]);
  }
  return at;
}

export function campaignPlan(
  db: Db,
  orgId: string,
  campaignId: string,
  now: Date,
  deadline: Date | null,
): Plan {
  const row = planRow(db, orgId, campaignId);
  if (!row) throw notFound('Campaign');
  return planFor(db, row, concurrencyLimit(db, orgId), now, deadline);
}

export function orgPlan(db: Db, orgId: string, now: Date): OrgPlan {
  const limit = concurrencyLimit(db, orgId);
  return {
    concurrency_limit: limit,
    campaigns: activePlanRows(db, orgId).map((row) => planFor(db, row, limit, now, null)),
  };
}
