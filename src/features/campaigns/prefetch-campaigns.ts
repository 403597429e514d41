import type { QueryClient } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { configurationQueries } from '../../api/configurations';
import { readCampaignFilters } from './use-campaign-filters';

/** Starts the campaign list's requests: the page the URL's filters ask for, and the names of configurations. */
export function prefetchCampaigns(queryClient: QueryClient, search: URLSearchParams) {
  void queryClient.prefetchInfiniteQuery(campaignQueries.list(readCampaignFilters(search)));
  void queryClient.prefetchQuery(configurationQueries.list());
}
