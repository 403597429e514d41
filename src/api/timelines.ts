import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './client';
import { campaignQueries } from './campaigns';
import { concurrencyQueries } from './concurrency';
import { campaignTimelineSchema, orgTimelineSchema } from '../../contract/extensions';

/** The ranges a supervisor picks from; buckets keep every range under the contract's 1,000. */
export const TIMELINE_RANGES = {
  '1h': { label: '1 hour', seconds: 3600, bucketSeconds: 60 },
  '6h': { label: '6 hours', seconds: 6 * 3600, bucketSeconds: 60 },
  '24h': { label: '24 hours', seconds: 24 * 3600, bucketSeconds: 300 },
  '7d': { label: '7 days', seconds: 7 * 24 * 3600, bucketSeconds: 3600 },
} as const;
export type TimelineRange = keyof typeof TIMELINE_RANGES;

// The server's clock decides "now": leaving from/to out asks for the range ending now.
function rangeQuery(range: TimelineRange) {
  const { seconds, bucketSeconds } = TIMELINE_RANGES[range];
  return {
    from: new Date(Date.now() - seconds * 1000).toISOString(),
    bucket_seconds: bucketSeconds,
  };
}

export const timelineQueries = {
  /** (ext) timeline: calls per bucket by outcome, the headroom history and the forecast. */
  campaign: (campaignId: string, range: TimelineRange) =>
    queryOptions({
      queryKey: [...campaignQueries.details(), campaignId, 'timeline', range] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/campaign/campaigns/${encodeURIComponent(campaignId)}/timeline`, {
          query: rangeQuery(range),
          schema: campaignTimelineSchema,
          signal,
        }),
    }),
  /** (ext) timeline: the org's calls in flight against its limit, per bucket. */
  org: (range: TimelineRange) =>
    queryOptions({
      queryKey: [...concurrencyQueries.settings().queryKey, 'timeline', range] as const,
      queryFn: ({ signal }) =>
        apiRequest('/campaign/concurrency-settings/timeline', {
          query: rangeQuery(range),
          schema: orgTimelineSchema,
          signal,
        }),
    }),
};
