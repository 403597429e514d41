import { infiniteQueryOptions } from '@tanstack/react-query';
import { apiListRequest } from './client';
import {
  activityEventSchema,
  activityPageSchema,
  type ActivityAction,
} from '../../contract/extensions';

export type ActivityParams = {
  /** A campaign's events only; the whole org's when absent. */
  campaignId?: string;
  actions: readonly ActivityAction[];
  /** Events a page; 50 when absent, at most the contract's 200. */
  limit?: number;
};

const PAGE_SIZE = 50;

export const activityQueries = {
  all: () => ['activity'] as const,
  /** (ext) activity: newest first, one cursor page at a time. */
  list: (params: ActivityParams) =>
    infiniteQueryOptions({
      queryKey: [...activityQueries.all(), 'list', params] as const,
      queryFn: ({ pageParam, signal }) =>
        apiListRequest('/campaign/activity', {
          query: {
            campaign_id: params.campaignId,
            action: params.actions,
            limit: params.limit ?? PAGE_SIZE,
            cursor: pageParam,
          },
          schema: activityPageSchema,
          key: 'events',
          item: activityEventSchema,
          signal,
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (last) => last.next_cursor,
    }),
};
