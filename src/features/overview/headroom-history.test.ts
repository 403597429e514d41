import { describe, expect, it } from 'vitest';
import { makeStats } from '../../test/fixtures';
import {
  estimateFinish,
  HeadroomHistory,
  HISTORY_MAX_POINTS,
  HISTORY_WINDOW_MS,
} from './headroom-history';

describe('HeadroomHistory', () => {
  it('stays bounded over an 8-hour visit of 5,760 polls', () => {
    const history = new HeadroomHistory();
    const start = Date.parse('2026-11-23T08:00:00Z');
    let maxLength = 0;
    for (let i = 0; i < 5760; i++) {
      history.add(start + i * 5000, makeStats('c', { active_calls: i % 11 }));
      maxLength = Math.max(maxLength, history.points().length);
    }
    const points = history.points();
    expect(maxLength).toBeLessThanOrEqual(HISTORY_MAX_POINTS);
    expect(points.length).toBe(HISTORY_WINDOW_MS / 5000 + 1);
    expect(points.at(-1)!.at - points[0]!.at).toBeLessThanOrEqual(HISTORY_WINDOW_MS);
    expect(points.at(-1)!.at).toBe(start + 5759 * 5000);
  });

  it('ignores a repeated update and notifies subscribers of new ones', () => {
    const history = new HeadroomHistory();
    let notified = 0;
    history.subscribe(() => notified++);
    history.add(1000, makeStats('c'));
    history.add(1000, makeStats('c'));
    history.add(6000, makeStats('c'));
    expect(history.points()).toHaveLength(2);
    expect(notified).toBe(2);
  });
});

describe('estimateFinish', () => {
  const point = (at: number, finished: number, total = 100) => ({
    at,
    activeCalls: 5,
    limit: 10,
    finished,
    total,
  });

  it('is still measuring until it has minutes of progress', () => {
    expect(estimateFinish([])).toEqual({ kind: 'measuring' });
    expect(estimateFinish([point(0, 10), point(60_000, 20)])).toEqual({ kind: 'measuring' });
    expect(estimateFinish([point(0, 10), point(10 * 60_000, 11)])).toEqual({ kind: 'measuring' });
  });

  it('extrapolates the observed completion rate', () => {
    // 10 contacts in 10 minutes, 80 left: 80 more minutes.
    const estimate = estimateFinish([point(0, 10), point(10 * 60_000, 20)]);
    expect(estimate).toEqual({ kind: 'estimate', finishesAt: 90 * 60_000, perHour: 60 });
  });

  it('says done or stalled instead of inventing a time', () => {
    expect(estimateFinish([point(0, 100), point(5000, 100)])).toEqual({ kind: 'done' });
    expect(estimateFinish([point(0, 10), point(20 * 60_000, 10)])).toEqual({ kind: 'stalled' });
  });
});
