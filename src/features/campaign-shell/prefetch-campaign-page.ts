import type { QueryClient } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { configurationQueries } from '../../api/configurations';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Starts what a campaign's page shows first: the campaign the URL names (UUID or
 * external_id), its configuration, and through `tab` what the open tab needs by the
 * campaign's UUID: at once when the URL holds one, else as soon as the campaign arrives.
 * Failures are left to the page, which shows them when it renders.
 */
export function prefetchCampaignPage(
  queryClient: QueryClient,
  id: string,
  tab: (campaignId: string) => void,
) {
  if (UUID.test(id)) tab(id);
  queryClient.ensureQueryData(campaignQueries.detail(id)).then(
    (campaign) => {
      if (campaign.configuration_id) {
        void queryClient.prefetchQuery(configurationQueries.detail(campaign.configuration_id));
      }
      if (campaign.id !== id) tab(campaign.id);
    },
    () => {},
  );
}
