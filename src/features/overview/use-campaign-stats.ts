import { useQuery } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { POLL_INTERVAL_MS } from '../../api/concurrency';
import type { Campaign, Stats } from '../../../contract/schemas';
import { usePageVisible } from '../../lib/use-page-visibility';

const stillActive = (stats: Stats | undefined) => (stats?.status ?? 'active') === 'active';

/**
 * The stats snapshot, fetched on load and then every 5 s while the campaign is active and
 * the tab is visible. Hidden: no timer at all; visible again: the focus refetch fetches at
 * once and the interval restarts from then. Every widget reads this one query.
 */
export function useCampaignStats(campaign: Campaign) {
  const visible = usePageVisible();
  const canPoll = campaign.status === 'active' && visible;
  const query = useQuery({
    ...campaignQueries.stats(campaign.id),
    refetchInterval: (q) => (canPoll && stillActive(q.state.data) ? POLL_INTERVAL_MS : false),
  });
  return { query, visible, live: canPoll && stillActive(query.data) };
}
