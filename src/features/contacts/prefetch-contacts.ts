import type { QueryClient } from '@tanstack/react-query';
import type { Campaign } from '../../../contract/schemas';
import { campaignQueries } from '../../api/campaigns';
import { contactQueries, prefetchContactsByRef } from '../../api/contacts';
import { hasContactFilters } from '../../lib/contact-filters';
import { contactListParams, readContactsParams } from './use-contacts-params';

/**
 * Starts the page of contacts the URL shows, for the campaign `ref` names (UUID or
 * external_id), whose answer is `campaign`. The bucket counts take the UUID only: they are
 * the campaign page's `tab` requests.
 */
export function prefetchContacts(
  queryClient: QueryClient,
  ref: string,
  campaign: Promise<Campaign>,
  search: URLSearchParams,
) {
  const params = readContactsParams(search);
  // (ext) filters go only to a server whose session lists them: the tab sends those itself.
  if (hasContactFilters(params.filters)) return;
  const list = contactListParams(params, {});
  const known = queryClient.getQueryData(campaignQueries.detail(ref).queryKey);
  // A campaign already in hand gives its UUID, and a fresh page there is not asked again.
  if (known) void queryClient.prefetchQuery(contactQueries.list(known.id, list));
  else prefetchContactsByRef(queryClient, ref, campaign, list);
}
