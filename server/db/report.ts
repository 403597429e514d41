import type { ContactQuery, Report, ResultSummary } from '../../contract/extensions.ts';
import { contactFilterSql } from './contact-filters.ts';
import { campaignOutcome, converts, money, moneyPer, type CampaignOutcome } from './goal-cost.ts';
import { pct } from './percent.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

type Totals = {
  total: number;
  reached: number;
  completed: number;
  exhausted: number;
  unfinished: number;
  in_progress: number;
  a_completed: number;
  a_no_answer: number;
  a_busy: number;
  a_voicemail: number;
  a_failed: number;
  talk: number;
  /** (ext goal) contacts with a completed attempt, and those of them that convert. */
  answered: number;
  converted: number;
  /** (ext cost) what their attempts cost, in the stored price unit. */
  cost_units: number;
};
type ValueRow = { key: string; value: string; type: string; num: number | null; n: number };

const TOP_VALUES = 20;

/** Each key's roll-up from its value counts, sorted by key; strings keep their top 20. */
function summarize(rows: ValueRow[]): ResultSummary[] {
  const byKey = new Map<string, ValueRow[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  return [...byKey.keys()].sort().map((key): ResultSummary => {
    const values = byKey.get(key)!;
    const count = values.reduce((n, v) => n + v.n, 0);
    // A key whose values disagree in type is shown as its most common type.
    const weight = new Map<string, number>();
    for (const v of values) weight.set(v.type, (weight.get(v.type) ?? 0) + v.n);
    const type = [...weight].sort((a, b) => b[1] - a[1])[0]![0];
    if (type === 'boolean') {
      const of = (value: string) => values.find((v) => v.value === value)?.n ?? 0;
      return { key, type, count, true: of('true'), false: of('false') };
    }
    if (type === 'number') {
      const numbers = values.filter((v) => v.num !== null);
      const n = numbers.reduce((sum, v) => sum + v.n, 0);
      return {
        key,
        type,
        count,
        mean:
          n === 0
            ? null
            : Math.round((numbers.reduce((sum, v) => sum + v.num! * v.n, 0) / n) * 100) / 100,
        min: n === 0 ? null : Math.min(...numbers.map((v) => v.num!)),
        max: n === 0 ? null : Math.max(...numbers.map((v) => v.num!)),
      };
    }
    const top = [...values]
      .sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      .slice(0, TOP_VALUES)
      .map((v) => ({ value: v.value, count: v.n }));
    return { key, type: 'string', count, values: top };
  });
}

/** The goal and cost parts of the report, over the counted contacts `t`. */
function goalAndCost(outcome: CampaignOutcome, t: Totals): Pick<Report, 'goal' | 'cost'> {
  const conversions = outcome.goal ? t.converted : null;
  return {
    goal: outcome.goal && {
      results: outcome.goal.results,
      conversions: t.converted,
      conversion_rate: pct(t.converted, t.answered),
      answered: t.answered,
    },
    cost: outcome.rate_card && {
      currency: outcome.rate_card.currency,
      total: money(t.cost_units),
      per_completed_contact: moneyPer(t.cost_units, t.completed),
      per_conversion: conversions === null ? null : moneyPer(t.cost_units, conversions),
    },
  };
}

function assemble(
  campaignId: string,
  now: string,
  outcome: CampaignOutcome,
  t: Totals,
  numbers: { number: number; ended: number; completed: number }[],
  values: ValueRow[],
  times: { started_at: string | null; last_ended_at: string | null },
): Report {
  const ended = t.a_completed + t.a_no_answer + t.a_busy + t.a_voicemail + t.a_failed;
  return {
    campaign_id: campaignId,
    generated_at: now,
    started_at: times.started_at,
    // Finished when nothing is left pending or in progress: at the end of the last call.
    completed_at: t.total > 0 && t.unfinished === 0 ? times.last_ended_at : null,
    contacts: {
      total: t.total,
      reached: t.reached,
      completed: t.completed,
      exhausted: t.exhausted,
    },
    attempts: {
      total: ended + t.in_progress,
      in_progress: t.in_progress,
      by_status: {
        completed: t.a_completed,
        no_answer: t.a_no_answer,
        busy: t.a_busy,
        voicemail: t.a_voicemail,
        failed: t.a_failed,
      },
    },
    rates: {
      answer_rate: pct(t.a_completed, ended),
      success_rate: pct(t.completed, t.completed + t.exhausted),
      reach_rate: pct(t.reached, t.total),
    },
    talk_time: {
      total_seconds: t.talk,
      average_seconds: t.a_completed === 0 ? null : Math.round(t.talk / t.a_completed),
    },
    by_attempt_number: numbers
      .filter((r) => r.ended > 0)
      .map((r) => ({ attempt: r.number, ended: r.ended, completed: r.completed })),
    results: summarize(values),
    ...goalAndCost(outcome, t),
  };
}

/** The whole campaign's report from the maintained aggregates: a handful of indexed reads. */
function unfiltered(db: Db, campaignId: string, now: string): Report {
  const outcome = campaignOutcome(db, campaignId)!;
  const counters = sql<[string], Omit<Totals, 'answered' | 'converted' | 'cost_units'>>(
    db,
    `SELECT n_pending + n_in_progress + n_completed + n_exhausted AS total, n_reached AS reached,
       n_completed AS completed, n_exhausted AS exhausted, n_pending + n_in_progress AS unfinished,
       n_att_in_progress AS in_progress, n_att_completed AS a_completed, n_att_no_answer AS a_no_answer,
       n_att_busy AS a_busy, n_att_voicemail AS a_voicemail, n_att_failed AS a_failed, talk_seconds AS talk
     FROM campaigns WHERE id = ?`,
  ).get(campaignId)!;
  const t: Totals = {
    ...counters,
    answered: outcome.answered,
    converted: outcome.conversions,
    cost_units: outcome.cost_units,
  };
  const numbers = sql<[string], { number: number; ended: number; completed: number }>(
    db,
    'SELECT number, ended, completed FROM campaign_attempt_numbers WHERE campaign_id = ? ORDER BY number',
  ).all(campaignId);
  const values = sql<[string], ValueRow>(
    db,
    'SELECT key, value, type, num, n FROM result_values WHERE campaign_id = ? AND n > 0',
  ).all(campaignId);
  const times = {
    started_at:
      sql<[string], { at: string }>(
        db,
        'SELECT MIN(started_at) AS at FROM attempts WHERE campaign_id = ?',
      ).get(campaignId)?.at ?? null,
    last_ended_at:
      sql<[string], { at: string }>(
        db,
        'SELECT MAX(ended_at) AS at FROM attempts WHERE campaign_id = ? AND ended_at IS NOT NULL',
      ).get(campaignId)?.at ?? null,
  };
  return assemble(campaignId, now, outcome, t, numbers, values, times);
}

type SummaryGroup = {
  outcomes: string;
  status: string;
  results: string | null;
  n: number;
  reached: number;
  calling: number;
  talk: number;
  cost_units: number;
  started_at: string | null;
  last_ended_at: string | null;
};
const OUTCOME_OF = {
  c: 'a_completed',
  n: 'a_no_answer',
  b: 'a_busy',
  v: 'a_voicemail',
  f: 'a_failed',
} as const;

/**
 * The report of the contacts a filter matches, from their summaries (migration 003): one scan
 * of the matching contacts, grouped by what they share, with no join to attempts or results.
 */
function filtered(db: Db, campaignId: string, filters: ContactQuery, now: string): Report {
  const { where, params } = contactFilterSql(filters);
  const groups = db
    .prepare(
      `SELECT outcomes, status, latest_results AS results, COUNT(*) AS n, COUNT(first_status) AS reached,
         SUM(calling) AS calling, SUM(talk_seconds) AS talk, SUM(cost_units) AS cost_units,
         MIN(first_started_at) AS started_at,
         MAX(last_ended_at) AS last_ended_at
       FROM contacts WHERE campaign_id = ? AND ${where} GROUP BY outcomes, status, latest_results`,
    )
    .all(campaignId, ...params) as SummaryGroup[];
  const t: Totals = {
    total: 0,
    reached: 0,
    completed: 0,
    exhausted: 0,
    unfinished: 0,
    in_progress: 0,
    a_completed: 0,
    a_no_answer: 0,
    a_busy: 0,
    a_voicemail: 0,
    a_failed: 0,
    talk: 0,
    answered: 0,
    converted: 0,
    cost_units: 0,
  };
  const outcome = campaignOutcome(db, campaignId)!;
  const numbers: { number: number; ended: number; completed: number }[] = [];
  const values = new Map<string, ValueRow>();
  const times = { started_at: null as string | null, last_ended_at: null as string | null };
  for (const g of groups) {
    t.total += g.n;
    t.reached += g.reached;
    if (g.status === 'completed') t.completed += g.n;
    else if (g.status === 'exhausted') t.exhausted += g.n;
    else t.unfinished += g.n;
    t.in_progress += g.calling;
    t.talk += g.talk;
    [...g.outcomes].forEach((code, i) => {
      t[OUTCOME_OF[code as keyof typeof OUTCOME_OF]] += g.n;
      numbers[i] ??= { number: i + 1, ended: 0, completed: 0 };
      numbers[i].ended += g.n;
      if (code === 'c') numbers[i].completed += g.n;
    });
    t.cost_units += g.cost_units;
    const latest = JSON.parse(g.results ?? '{}') as Record<string, [string, string]>;
    if (g.outcomes.includes('c')) t.answered += g.n;
    if (
      outcome.goal &&
      converts(outcome.goal, (key) => (Object.hasOwn(latest, key) ? latest[key]![1] : undefined))
    )
      t.converted += g.n;
    for (const [key, [type, value]] of Object.entries(latest)) {
      const id = JSON.stringify([key, type, value]);
      const row = values.get(id) ?? {
        key,
        value,
        type,
        num: type === 'number' ? Number(value) : null,
        n: 0,
      };
      row.n += g.n;
      values.set(id, row);
    }
    if (g.started_at !== null && (times.started_at === null || g.started_at < times.started_at))
      times.started_at = g.started_at;
    if (
      g.last_ended_at !== null &&
      (times.last_ended_at === null || g.last_ended_at > times.last_ended_at)
    )
      times.last_ended_at = g.last_ended_at;
  }
  return assemble(campaignId, now, outcome, t, numbers, [...values.values()], times);
}

export function campaignReport(
  db: Db,
  campaignId: string,
  filters: ContactQuery,
  now: string,
): Report {
  return contactFilterSql(filters).where === ''
    ? unfiltered(db, campaignId, now)
    : filtered(db, campaignId, filters, now);
}
