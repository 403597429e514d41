import { useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ATTEMPT_STATUSES, type AttemptStatus } from '../../../contract/schemas';

/** The time ranges a call log offers, by their URL value, in seconds back from now. */
export const RANGES = { hour: 3600, day: 86_400, week: 7 * 86_400 } as const;
export type Range = keyof typeof RANGES;
export const RANGE_LABELS: Record<Range | 'all', string> = {
  all: 'Any time',
  hour: 'Last hour',
  day: 'Last 24 hours',
  week: 'Last 7 days',
};

const isStatus = (s: string): s is AttemptStatus =>
  (ATTEMPT_STATUSES as readonly string[]).includes(s);
const isRange = (s: string | null): s is Range => !!s && s in RANGES;

/** The newer pages' cursors, so that "Newer calls" goes back one page. */
type PagingState = { newer?: (string | null)[] } | null;

/**
 * The call log's view in the URL (`?status=failed&since=hour&cursor=…`), so a view is a link.
 * A range is anchored when it is chosen (or the page opens): its pages stay one list.
 */
export function useCallsParams() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const statuses = params.getAll('status').filter(isStatus);
  const since = params.get('since');
  const range = isRange(since) ? since : null;
  const cursor = params.get('cursor');
  const newer = (location.state as PagingState)?.newer ?? [];
  const [anchor, setAnchor] = useState(() => ({ range, at: Date.now() }));
  if (anchor.range !== range) setAnchor({ range, at: Date.now() });
  const from = range ? new Date(anchor.at - RANGES[range] * 1000).toISOString() : undefined;

  /** A new filter starts again at the newest calls. */
  const setFilter = (change: (next: URLSearchParams) => void) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      change(next);
      next.delete('cursor');
      return next;
    });

  const goTo = (nextCursor: string | null, stack: (string | null)[]) => {
    const next = new URLSearchParams(params);
    if (nextCursor) next.set('cursor', nextCursor);
    else next.delete('cursor');
    void navigate({ search: `?${next}` }, { state: { newer: stack } });
  };

  return {
    statuses,
    range,
    from,
    cursor,
    hasNewer: !!cursor,
    toggleStatus: (status: AttemptStatus, on: boolean) =>
      setFilter((next) => {
        next.delete('status');
        const chosen = on ? [...statuses, status] : statuses.filter((s) => s !== status);
        ATTEMPT_STATUSES.filter((s) => chosen.includes(s)).forEach((s) => next.append('status', s));
      }),
    setRange: (value: Range | null) =>
      setFilter((next) => (value ? next.set('since', value) : next.delete('since'))),
    /** Re-anchors the range at now and goes back to the newest calls. */
    refresh: () => {
      setAnchor({ range, at: Date.now() });
      setFilter(() => {});
    },
    older: (nextCursor: string) => goTo(nextCursor, [...newer, cursor]),
    newer: () => goTo(newer.at(-1) ?? null, newer.slice(0, -1)),
  };
}
