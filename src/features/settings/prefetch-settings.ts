import type { QueryClient } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { statsBatchQueries } from '../../api/stats-batch';
import { concurrencyQueries } from '../../api/concurrency';
import { getConnection } from '../../api/connection';
import { sessionQueries } from '../../api/session';
import { grants } from '../../../contract/scopes';

export const ACTIVE_CAMPAIGNS = { name: '', status: ['active' as const], limit: 200 };

/**
 * Starts the Settings page's requests: the limit, then, where the session lets the key read
 * campaigns, the active ones and their calls in flight, in one stats-batch request where the
 * session lists it, else one per campaign.
 */
export function prefetchSettings(queryClient: QueryClient) {
  void queryClient.prefetchQuery(concurrencyQueries.settings());
  queryClient
    .fetchQuery(sessionQueries.current(getConnection()))
    .then(async (session) => {
      if (session && !grants(session.credential.scopes, 'campaigns:read')) return;
      const list = await queryClient.fetchInfiniteQuery(campaignQueries.list(ACTIVE_CAMPAIGNS));
      const ids = list.pages[0]?.campaigns.map((c) => c.id) ?? [];
      if (ids.length === 0) return;
      if (session?.extensions.includes('stats-batch')) {
        void queryClient.prefetchQuery(statsBatchQueries.campaigns(ids));
      } else {
        for (const id of ids) void queryClient.prefetchQuery(campaignQueries.stats(id));
      }
    })
    .catch(() => {});
}
