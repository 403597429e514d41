import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './client';
import { campaignQueries } from './campaigns';
import { callableSchema } from '../../contract/extensions';

export const callableQueries = {
  /**
   * (ext) contact-timezones: who of the campaign's pending contacts may be called now. Under
   * the campaign's detail: imports, suppressions and configuration changes invalidate it.
   */
  campaign: (campaignId: string) =>
    queryOptions({
      queryKey: [...campaignQueries.details(), campaignId, 'callable'] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/campaign/campaigns/${encodeURIComponent(campaignId)}/callable`, {
          schema: callableSchema,
          signal,
        }),
    }),
};
