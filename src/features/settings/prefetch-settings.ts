import type { QueryClient } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { concurrencyQueries } from '../../api/concurrency';

export const ACTIVE_CAMPAIGNS = { name: '', status: ['active' as const], limit: 200 };

/** Starts the Settings page's requests: the limit, the active campaigns, then their stats. */
export function prefetchSettings(queryClient: QueryClient) {
  void queryClient.prefetchQuery(concurrencyQueries.settings());
  queryClient.fetchInfiniteQuery(campaignQueries.list(ACTIVE_CAMPAIGNS)).then(
    (list) => {
      for (const c of list.pages[0]?.campaigns ?? []) {
        void queryClient.prefetchQuery(campaignQueries.stats(c.id));
      }
    },
    () => {},
  );
}
