import type { ComponentType } from 'react';
import { useOutletContext } from 'react-router';
import type { Campaign } from '../../contract/schemas';
import { useDocumentTitle } from '../lib/use-document-title';

/**
 * Makes a feature's tab a child route of the campaign page, which resolves the campaign
 * once and passes it down as outlet context; so features never import each other.
 */
export function campaignTab(Tab: ComponentType<{ campaign: Campaign }>, name: string) {
  return function CampaignTabRoute() {
    const campaign = useOutletContext<Campaign>();
    // The tab names the page more precisely than the header's heading does.
    useDocumentTitle([campaign.name, name]);
    return <Tab campaign={campaign} />;
  };
}
