import type { QueryClient } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';

export const ACTIVE_CAMPAIGNS = { name: '', status: ['active' as const], limit: 200 };

/** Starts the Settings page's requests: the active campaigns, then each one's stats. */
export function prefetchSettings(queryClient: QueryClient) {
  queryClient.fetchInfiniteQuery(campaignQueries.list(ACTIVE_CAMPAIGNS)).then(
    (list) => {
      for (const c of list.pages[0]?.campaigns ?? []) {
        void queryClient.prefetchQuery(campaignQueries.stats(c.id));
      }
    },
    () => {},
  );
}
