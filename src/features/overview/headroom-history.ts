import type { Stats } from '../../../contract/schemas';
import { createStore } from '../../lib/store';

export type HistoryPoint = {
  at: number;
  activeCalls: number;
  limit: number;
  finished: number;
  total: number;
};

export const HISTORY_WINDOW_MS = 60 * 60 * 1000;
/** One hour of 5-second polls, plus slack for manual refreshes. */
export const HISTORY_MAX_POINTS = 800;

/**
 * The polls of this visit, bounded by age and count so that a page left open all day holds
 * the same memory at hour 8 as at hour 1.
 */
export class HeadroomHistory {
  private store = createStore<HistoryPoint[]>([]);

  add(at: number, stats: Stats): void {
    const items = this.store.get();
    if (items.length > 0 && items[items.length - 1]!.at >= at) return;
    const next = [
      ...items,
      {
        at,
        activeCalls: stats.active_calls,
        limit: stats.concurrency_limit,
        finished: stats.contacts.completed + stats.contacts.exhausted,
        total: stats.contacts.total,
      },
    ];
    let start = 0;
    while (
      start < next.length &&
      (at - next[start]!.at > HISTORY_WINDOW_MS || next.length - start > HISTORY_MAX_POINTS)
    ) {
      start++;
    }
    this.store.set(start > 0 ? next.slice(start) : next);
  }

  points = (): HistoryPoint[] => this.store.get();

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);
}

const MIN_SPAN_MS = 2 * 60 * 1000;
const MIN_FINISHED = 3;

export type FinishEstimate =
  | { kind: 'measuring' }
  | { kind: 'done' }
  | { kind: 'stalled' }
  | { kind: 'estimate'; finishesAt: number; perHour: number };

/** The finish time from the completion rate observed during this visit; no invented numbers. */
export function estimateFinish(points: HistoryPoint[]): FinishEstimate {
  const last = points[points.length - 1];
  if (!last) return { kind: 'measuring' };
  if (last.total > 0 && last.finished >= last.total) return { kind: 'done' };
  const first = points[0]!;
  const span = last.at - first.at;
  const finished = last.finished - first.finished;
  if (span < MIN_SPAN_MS || finished < MIN_FINISHED) {
    return span >= 15 * 60 * 1000 && finished === 0 ? { kind: 'stalled' } : { kind: 'measuring' };
  }
  const perMs = finished / span;
  return {
    kind: 'estimate',
    finishesAt: last.at + (last.total - last.finished) / perMs,
    perHour: Math.round(perMs * 3600_000),
  };
}
