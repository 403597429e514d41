import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './client';
import { campaignQueries } from './campaigns';
import { reportSchema, type ContactFilters } from '../../contract/extensions';
import type { ContactBucket } from '../../contract/schemas';

/** The report's contact filters, with the contract's bucket `status` as the list takes it. */
export type ReportFilters = ContactFilters & { status?: ContactBucket[] };

export const reportQueries = {
  /** (ext) report: outcomes, rates and the evaluation roll-up, for a filter or the whole. */
  campaign: (campaignId: string, filters: ReportFilters = {}) =>
    queryOptions({
      queryKey: [...campaignQueries.details(), campaignId, 'report', filters] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/campaign/campaigns/${encodeURIComponent(campaignId)}/report`, {
          query: filters,
          schema: reportSchema,
          signal,
        }),
    }),
};
