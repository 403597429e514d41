import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { TIMELINE_RANGES, timelineQueries, type TimelineRange } from '../../api/timelines';

// A bucket fills slowly on long ranges: refreshing them as often as the 1-hour view is waste.
const REFRESH_MS: Record<TimelineRange, number> = {
  '1h': 30_000,
  '6h': 30_000,
  '24h': 60_000,
  '7d': 300_000,
};

const isRange = (value: string | null): value is TimelineRange =>
  value !== null && value in TIMELINE_RANGES;

/** The range a URL's search holds (`?range=24h`), default 6 hours. */
export function timelineRangeOf(params: URLSearchParams): TimelineRange {
  const value = params.get('range');
  return isRange(value) ? value : '6h';
}

/** The range the URL holds, so a reload keeps it. */
export function useTimelineRange() {
  const [params, setParams] = useSearchParams();
  const range = timelineRangeOf(params);
  const setRange = useCallback(
    (next: TimelineRange) =>
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          if (next === '6h') out.delete('range');
          else out.set('range', next);
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [range, setRange] as const;
}

/**
 * The server's history of the campaign and its forecast: full on the first load, refreshed
 * while the Overview is live. The previous range's points stay up while another loads.
 */
export function useCampaignTimeline(
  campaignId: string,
  range: TimelineRange,
  { enabled, live }: { enabled: boolean; live: boolean },
) {
  return useQuery({
    ...timelineQueries.campaign(campaignId, range),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: live ? REFRESH_MS[range] : false,
  });
}
