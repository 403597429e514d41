import type { QueryClient } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { contactQueries } from '../../api/contacts';
import { hasContactFilters } from '../../lib/contact-filters';
import { contactListParams, readContactsParams } from './use-contacts-params';

/** Starts the Contacts tab's first requests: the bucket counts and the page the URL shows. */
export function prefetchContacts(
  queryClient: QueryClient,
  campaignId: string,
  search: URLSearchParams,
) {
  void queryClient.prefetchQuery(campaignQueries.stats(campaignId));
  const params = readContactsParams(search);
  // (ext) filters go only to a server whose session lists them: the tab sends those itself.
  if (!hasContactFilters(params.filters)) {
    void queryClient.prefetchQuery(contactQueries.list(campaignId, contactListParams(params, {})));
  }
}
