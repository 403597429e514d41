import {
  infiniteQueryOptions,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { apiListRequest, apiRequest } from './client';
import {
  campaignSchema,
  campaignsPageSchema,
  LIST_LIMIT_MAX,
  type CampaignsPage,
  statsSchema,
  type Campaign,
  type CampaignCreate,
  type CampaignStatus,
  type CampaignUpdate,
} from '../../contract/schemas';

export type CampaignListFilters = {
  name: string;
  status: CampaignStatus[];
  limit: number;
  /** (ext) finished: only finished campaigns, or only the others; absent: either. */
  finished?: boolean;
};

const enc = encodeURIComponent;

type Key = readonly unknown[];
const startsWith = (key: Key, prefix: Key) => prefix.every((part, i) => key[i] === part);

export const campaignQueries = {
  all: () => ['campaigns'] as const,
  lists: () => [...campaignQueries.all(), 'list'] as const,
  list: (filters: CampaignListFilters) =>
    infiniteQueryOptions({
      queryKey: [...campaignQueries.lists(), filters] as const,
      queryFn: ({ pageParam, signal }) =>
        apiListRequest('/campaign/campaigns', {
          query: {
            limit: filters.limit,
            name: filters.name,
            status: filters.status,
            finished: filters.finished === undefined ? undefined : String(filters.finished),
            cursor: pageParam,
          },
          schema: campaignsPageSchema,
          key: 'campaigns',
          item: campaignSchema,
          signal,
        }),
      initialPageParam: null as string | null,
      getNextPageParam: (page) => page.next_cursor,
    }),
  /** Every campaign of the org, paging through the cursor: for counts the contract lacks. */
  everything: () =>
    queryOptions({
      queryKey: [...campaignQueries.lists(), 'everything'] as const,
      queryFn: async ({ signal }) => {
        const campaigns = [];
        let cursor: string | null = null;
        do {
          const page: CampaignsPage = await apiListRequest('/campaign/campaigns', {
            query: { limit: LIST_LIMIT_MAX, cursor },
            schema: campaignsPageSchema,
            key: 'campaigns',
            item: campaignSchema,
            signal,
          });
          campaigns.push(...page.campaigns);
          cursor = page.next_cursor;
        } while (cursor);
        return campaigns;
      },
    }),
  details: () => [...campaignQueries.all(), 'detail'] as const,
  /** `idOrExternalId`: the contract resolves either. */
  detail: (idOrExternalId: string) =>
    queryOptions({
      queryKey: [...campaignQueries.details(), idOrExternalId] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/campaign/campaigns/${enc(idOrExternalId)}`, {
          schema: campaignSchema,
          signal,
        }),
    }),
  /** A campaign's own entry (by UUID or external_id), not what is filed under it. */
  isDetailKey: (key: Key) => key.length === 3 && startsWith(key, campaignQueries.details()),
  /** Stats resolve by UUID only, so this takes the resolved campaign id. */
  stats: (campaignId: string) =>
    queryOptions({
      queryKey: [...campaignQueries.details(), campaignId, 'stats'] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/campaign/campaigns/${enc(campaignId)}/stats`, { schema: statsSchema, signal }),
    }),
  /** Whether `key` is one campaign's stats (`stats(id)`), whatever the campaign. */
  isStatsKey: (key: Key) =>
    key.length === 4 && startsWith(key, campaignQueries.details()) && key[3] === 'stats',
  /** The prefix of `statsBatchQueries.campaigns(ids)` (api/stats-batch.ts, kept apart). */
  statsBatches: () => [...campaignQueries.all(), 'stats-batch'] as const,
  isStatsBatchKey: (key: Key) => startsWith(key, campaignQueries.statsBatches()),
};

function useCampaignWrite<V>(mutationFn: (vars: V) => Promise<Campaign>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignQueries.detail(campaign.id).queryKey, campaign);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: [...campaignQueries.details(), campaign.id] }),
        campaign.external_id
          ? queryClient.invalidateQueries({
              queryKey: campaignQueries.detail(campaign.external_id).queryKey,
            })
          : null,
      ]);
    },
  });
}

export function useCreateCampaign() {
  return useCampaignWrite((body: CampaignCreate) =>
    apiRequest('/campaign/campaigns', { method: 'POST', body, schema: campaignSchema }),
  );
}

/** Pauses a campaign known only once created: New campaign pauses it before any contact. */
export function usePauseNewCampaign() {
  return useCampaignWrite((campaignId: string) =>
    apiRequest(`/campaign/campaigns/${enc(campaignId)}/pause`, {
      method: 'POST',
      schema: campaignSchema,
    }),
  );
}

export function useUpdateCampaign(campaignId: string) {
  return useCampaignWrite((body: CampaignUpdate) =>
    apiRequest(`/campaign/campaigns/${enc(campaignId)}`, {
      method: 'PATCH',
      body,
      schema: campaignSchema,
    }),
  );
}

export type CampaignTransition = 'start' | 'pause' | 'close';

export function useCampaignTransition(campaignId: string) {
  return useCampaignWrite((transition: CampaignTransition) =>
    apiRequest(`/campaign/campaigns/${enc(campaignId)}/${transition}`, {
      method: 'POST',
      schema: campaignSchema,
    }),
  );
}
