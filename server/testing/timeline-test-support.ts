// The timelines recomputed the slow, obvious way from the calls themselves, for tests to compare.
import type { Db } from '../db/schema.ts';

/** A call as the recount sees it; `gone_at`: deleted in flight then (it stops counting, never ends). */
export type CallRecord = {
  seq: number;
  started_at: string;
  ended_at: string | null;
  status: string;
  gone_at?: string;
};

export function callsOf(db: Db, where: 'campaign_id' | 'org_id', id: string): CallRecord[] {
  return db
    .prepare(
      `SELECT seq, started_at, ended_at, status FROM attempts WHERE ${where} = ? ORDER BY seq`,
    )
    .all(id) as CallRecord[];
}

const ENDED = ['completed', 'no_answer', 'busy', 'voicemail', 'failed'] as const;
const sec = (iso: string) => Date.parse(iso) / 1000;

/**
 * Per bucket of [fromIso, toIso): calls started, ended by outcome, and the most in flight at any
 * moment (at the bucket's start too, none once it lies after `nowIso`), sweeping every start
 * and end in time order, ends first within a second.
 */
export function recountTimeline(
  calls: CallRecord[],
  fromIso: string,
  toIso: string,
  bucketSeconds: number,
  nowIso: string,
) {
  const events = calls
    .flatMap((c) => {
      const end = c.status === 'in_progress' ? c.gone_at : c.ended_at!;
      return [
        { t: sec(c.started_at), d: 1, seq: c.seq },
        ...(end ? [{ t: sec(end), d: -1, seq: c.seq }] : []),
      ];
    })
    .sort((a, b) => a.t - b.t || a.d - b.d || a.seq - b.seq);
  const points = [];
  let e = 0;
  let inFlight = 0;
  for (let start = sec(fromIso); start < sec(toIso); start += bucketSeconds) {
    for (; e < events.length && events[e]!.t < start; e++) inFlight += events[e]!.d;
    let max = start <= sec(nowIso) ? inFlight : 0;
    for (; e < events.length && events[e]!.t < start + bucketSeconds; e++)
      max = Math.max(max, (inFlight += events[e]!.d));
    const inBucket = (iso: string | null) =>
      !!iso && sec(iso) >= start && sec(iso) < start + bucketSeconds;
    const ended = Object.fromEntries(
      ENDED.map((s) => [s, calls.filter((c) => c.status === s && inBucket(c.ended_at)).length]),
    );
    points.push({
      at: new Date(start * 1000).toISOString().replace('.000Z', 'Z'),
      started: calls.filter((c) => inBucket(c.started_at)).length,
      ended,
      active_calls_max: max,
    });
  }
  return points;
}

/** Contacts finished per minute, from contacts now completed or exhausted: exact while none was requeued. */
export function recountFinished(db: Db, campaignId: string): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT unixepoch(last_ended_at) / 60 AS minute, COUNT(*) AS n FROM contacts
       WHERE campaign_id = ? AND status IN ('completed', 'exhausted') GROUP BY 1`,
    )
    .all(campaignId) as { minute: number; n: number }[];
  return new Map(rows.map((r) => [r.minute, r.n]));
}
