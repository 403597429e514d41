import type { QueryClient } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { configurationQueries } from '../../api/configurations';
import type { Campaign } from '../../../contract/schemas';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Starts what a campaign's page shows first: the campaign the URL names (UUID or
 * external_id), its configuration, and through `tab` what the open tab needs by the
 * campaign's UUID: at once when the URL holds one, else as soon as the campaign arrives.
 * Failures are left to the page, which shows them when it renders. Returns the campaign's
 * answer, for requests that take the URL's reference as well.
 */
export function prefetchCampaignPage(
  queryClient: QueryClient,
  id: string,
  tab: (campaignId: string) => void,
): Promise<Campaign> {
  if (UUID.test(id)) tab(id);
  const campaign = queryClient.ensureQueryData(campaignQueries.detail(id));
  campaign.then(
    (answer) => {
      if (answer.configuration_id) {
        void queryClient.prefetchQuery(configurationQueries.detail(answer.configuration_id));
      }
      if (answer.id !== id) tab(answer.id);
    },
    () => {},
  );
  return campaign;
}
