import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './client';
import { contactQueries } from './contacts';
import { callableSchema } from '../../contract/extensions';

export const callableQueries = {
  /**
   * (ext) contact-timezones: who of the campaign's pending contacts may be called now. Under
   * its contacts: every write to them (imports, deletes, requeues) invalidates it.
   */
  campaign: (campaignId: string) =>
    queryOptions({
      queryKey: [...contactQueries.all(campaignId), 'callable'] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/campaign/campaigns/${encodeURIComponent(campaignId)}/callable`, {
          schema: callableSchema,
          signal,
        }),
    }),
};
