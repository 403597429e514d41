import type { ComponentType } from 'react';
import { useOutletContext } from 'react-router';
import type { Campaign } from '../../contract/schemas';

/**
 * Makes a feature's tab a child route of the campaign page, which resolves the campaign
 * once and passes it down as outlet context; so features never import each other.
 */
export function campaignTab(Tab: ComponentType<{ campaign: Campaign }>) {
  return function CampaignTabRoute() {
    return <Tab campaign={useOutletContext<Campaign>()} />;
  };
}
