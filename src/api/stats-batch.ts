import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './client';
import { campaignQueries } from './campaigns';
import { statsBatchSchema } from '../../contract/extensions';

// Apart from campaignQueries: only the board and Settings need it, not every first screen.
export const statsBatchQueries = {
  /** (ext) stats-batch: one request for every campaign on screen (1..200 UUIDs). */
  campaigns: (campaignIds: readonly string[]) =>
    queryOptions({
      queryKey: [...campaignQueries.statsBatches(), campaignIds] as const,
      queryFn: ({ signal }) =>
        apiRequest('/campaign/stats', {
          query: { campaign_id: campaignIds },
          schema: statsBatchSchema,
          signal,
        }),
    }),
};
