import type { ContactFilters, Report, ResultSummary } from '../../contract/extensions.ts';
import { contactFilterSql } from './contact-filters.ts';
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
};
type ValueRow = { key: string; value: string; type: string; num: number | null; n: number };

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 100);
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
        mean: n === 0 ? null : Math.round((numbers.reduce((sum, v) => sum + v.num! * v.n, 0) / n) * 100) / 100,
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

function assemble(
  campaignId: string,
  now: string,
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
    contacts: { total: t.total, reached: t.reached, completed: t.completed, exhausted: t.exhausted },
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
  };
}

/** The whole campaign's report from the maintained aggregates: a handful of indexed reads. */
function unfiltered(db: Db, campaignId: string, now: string): Report {
  const t = sql<[string], Totals>(
    db,
    `SELECT n_pending + n_in_progress + n_completed + n_exhausted AS total, n_reached AS reached,
       n_completed AS completed, n_exhausted AS exhausted, n_pending + n_in_progress AS unfinished,
       n_att_in_progress AS in_progress, n_att_completed AS a_completed, n_att_no_answer AS a_no_answer,
       n_att_busy AS a_busy, n_att_voicemail AS a_voicemail, n_att_failed AS a_failed, talk_seconds AS talk
     FROM campaigns WHERE id = ?`,
  ).get(campaignId)!;
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
      sql<[string], { at: string }>(db, 'SELECT MIN(started_at) AS at FROM attempts WHERE campaign_id = ?').get(campaignId)?.at ??
      null,
    last_ended_at:
      sql<[string], { at: string }>(
        db,
        'SELECT MAX(ended_at) AS at FROM attempts WHERE campaign_id = ? AND ended_at IS NOT NULL',
      ).get(campaignId)?.at ?? null,
  };
  return assemble(campaignId, now, t, numbers, values, times);
}

/** The report of the contacts a filter matches: computed over them, in a few scans. */
function filtered(db: Db, campaignId: string, filters: ContactFilters, now: string): Report {
  const { where, params } = contactFilterSql(filters, campaignId);
  // The matching contacts drive each join through the attempts and results indexes.
  const matching = `WITH m AS (SELECT id FROM contacts WHERE campaign_id = ? AND ${where})`;
  const p = [campaignId, ...params];
  const c = db
    .prepare(
      `SELECT COUNT(*) AS total, COUNT(first_status) AS reached, SUM(status = 'completed') AS completed,
         SUM(status = 'exhausted') AS exhausted, SUM(status IN ('pending', 'locked', 'in_progress')) AS unfinished
       FROM contacts WHERE campaign_id = ? AND ${where}`,
    )
    .get(...p) as Pick<Totals, 'total' | 'reached' | 'completed' | 'exhausted' | 'unfinished'>;
  // One pass over the matching contacts' attempts, grouped by their number (null: in progress).
  const groups = db
    .prepare(
      `${matching} SELECT number, COUNT(*) AS n, SUM(status = 'in_progress') AS in_progress,
         SUM(status = 'completed') AS a_completed, SUM(status = 'no_answer') AS a_no_answer,
         SUM(status = 'busy') AS a_busy, SUM(status = 'voicemail') AS a_voicemail, SUM(status = 'failed') AS a_failed,
         SUM(CASE WHEN status = 'completed' THEN CAST(round((julianday(ended_at) - julianday(started_at)) * 86400) AS INTEGER) ELSE 0 END) AS talk,
         MIN(started_at) AS started_at, MAX(ended_at) AS last_ended_at
       FROM m JOIN attempts a ON a.contact_id = m.id GROUP BY number ORDER BY number`,
    )
    .all(...p) as (Omit<Totals, keyof typeof c> & { number: number | null; n: number; started_at: string; last_ended_at: string | null })[];
  const sum = (key: 'in_progress' | 'a_completed' | 'a_no_answer' | 'a_busy' | 'a_voicemail' | 'a_failed' | 'talk') =>
    groups.reduce((total, g) => total + g[key], 0);
  const numbers = groups
    .filter((g) => g.number !== null)
    .map((g) => ({ number: g.number!, ended: g.n, completed: g.a_completed }));
  const times = {
    started_at: groups.map((g) => g.started_at).sort()[0] ?? null,
    last_ended_at: groups.map((g) => g.last_ended_at).filter((t) => t !== null).sort().at(-1) ?? null,
  };
  const values = db
    .prepare(
      `${matching} SELECT key, value, type, CASE WHEN type = 'number' THEN CAST(value AS REAL) END AS num,
         COUNT(*) AS n FROM m JOIN contact_results r ON r.contact_id = m.id GROUP BY key, value, type`,
    )
    .all(...p) as ValueRow[];
  const totals: Totals = {
    total: c.total,
    reached: c.reached,
    completed: c.completed ?? 0,
    exhausted: c.exhausted ?? 0,
    unfinished: c.unfinished ?? 0,
    in_progress: sum('in_progress'),
    a_completed: sum('a_completed'),
    a_no_answer: sum('a_no_answer'),
    a_busy: sum('a_busy'),
    a_voicemail: sum('a_voicemail'),
    a_failed: sum('a_failed'),
    talk: sum('talk'),
  };
  return assemble(campaignId, now, totals, numbers, values, times);
}

export function campaignReport(db: Db, campaignId: string, filters: ContactFilters, now: string): Report {
  return contactFilterSql(filters, campaignId).where === ''
    ? unfiltered(db, campaignId, now)
    : filtered(db, campaignId, filters, now);
}
