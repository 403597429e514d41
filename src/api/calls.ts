import { queryOptions } from '@tanstack/react-query';
import { apiListRequest } from './client';
import { campaignQueries } from './campaigns';
import { callSchema, callsPageSchema } from '../../contract/extensions';
import type { AttemptStatus } from '../../contract/schemas';

export type CallsParams = {
  statuses: readonly AttemptStatus[];
  /** ISO bounds on started_at: from included, to excluded. */
  from?: string;
  to?: string;
  limit: number;
  cursor?: string | null;
};

/** The query string of a call-log request, as the contract names it. */
export const callsQuery = (p: CallsParams) => ({
  status: p.statuses,
  from: p.from,
  to: p.to,
  limit: p.limit,
  cursor: p.cursor ?? undefined,
});

export const callQueries = {
  /** (ext) calls: one cursor page of the campaign's attempts, newest started first. */
  page: (campaignId: string, params: CallsParams) =>
    queryOptions({
      queryKey: [...campaignQueries.details(), campaignId, 'calls', params] as const,
      queryFn: ({ signal }) =>
        apiListRequest(`/campaign/campaigns/${encodeURIComponent(campaignId)}/attempts`, {
          query: callsQuery(params),
          schema: callsPageSchema,
          key: 'attempts',
          item: callSchema,
          signal,
        }),
    }),
};
