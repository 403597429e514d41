import type { QueryClient } from '@tanstack/react-query';
import type { Campaign, Stats } from '../../contract/schemas';
import { campaignQueries } from './campaigns';
import { concurrencyQueries } from './concurrency';

const isStatsKey = (key: readonly unknown[]) => key[0] === 'campaigns' && key.at(-1) === 'stats';

/**
 * One source of truth for what a stats answer says: the header's org headroom takes its calls
 * in flight and limit (so the two never disagree on screen), and a status that differs from
 * the cached campaign's (someone else paused it) refreshes the campaign, so its buttons and
 * the polling agree.
 */
export function syncFromStats(client: QueryClient): () => void {
  return client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    if (!isStatsKey(event.query.queryKey)) return;
    const stats = event.query.state.data as Stats;
    client.setQueryData(
      concurrencyQueries.settings().queryKey,
      { concurrency_limit: stats.concurrency_limit, active_calls: stats.active_calls },
      { updatedAt: event.query.state.dataUpdatedAt },
    );
    void client.invalidateQueries({
      queryKey: campaignQueries.details(),
      predicate: (q) => {
        const campaign = q.state.data as Campaign | undefined;
        return (
          !isStatsKey(q.queryKey) &&
          campaign?.id === stats.campaign_id &&
          campaign.status !== stats.status
        );
      },
    });
  });
}
