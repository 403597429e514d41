import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { apiListRequest, apiRequest } from './client';
import { campaignQueries } from './campaigns';
import {
  contactSchema,
  contactsPageSchema,
  upsertResultSchema,
  type Campaign,
  type ContactBucket,
  type ContactInput,
} from '../../contract/schemas';
import {
  requeueResultSchema,
  type ContactFilters,
  type RequeueRequest,
} from '../../contract/extensions';

export type ContactListParams = {
  limit: number;
  offset: number;
  status: ContactBucket | null;
  /** (ext) contact-filters: send only to servers that list the extension. */
  filters?: ContactFilters;
};

const enc = encodeURIComponent;

/** A page of a campaign's contacts. `ref`: its UUID, or its external_id, which the route takes too. */
const requestContactsPage = (ref: string, params: ContactListParams, signal?: AbortSignal) =>
  apiListRequest(`/campaign/campaigns/${enc(ref)}/contacts`, {
    query: { limit: params.limit, offset: params.offset, status: params.status, ...params.filters },
    schema: contactsPageSchema,
    key: 'contacts',
    item: contactSchema,
    signal,
  });

export const contactQueries = {
  all: (campaignId: string) => [...campaignQueries.details(), campaignId, 'contacts'] as const,
  list: (campaignId: string, params: ContactListParams) =>
    queryOptions({
      queryKey: [...contactQueries.all(campaignId), 'list', params] as const,
      queryFn: ({ signal }) => requestContactsPage(campaignId, params, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (campaignId: string, contactId: string) =>
    queryOptions({
      queryKey: [...contactQueries.all(campaignId), 'detail', contactId] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/campaign/campaigns/${enc(campaignId)}/contacts/${enc(contactId)}`, {
          schema: contactSchema,
          signal,
        }),
    }),
};

/**
 * A page of contacts asked for by the campaign's reference in the URL before the campaign has
 * answered, and filed under its UUID once `campaign` does: on a link by external_id the page
 * leaves beside the campaign's request, not after its answer.
 */
export function prefetchContactsByRef(
  queryClient: QueryClient,
  ref: string,
  campaign: Promise<Campaign>,
  params: ContactListParams,
) {
  const early = requestContactsPage(ref, params);
  // A failure shows as the campaign's, or as the list's once filed below.
  early.catch(() => {});
  campaign.then(
    ({ id }) =>
      void queryClient.prefetchQuery({
        ...contactQueries.list(id, params),
        // Asked again by UUID should the external_id have moved to another campaign meanwhile.
        queryFn: ({ signal }) =>
          early.then((page) =>
            page.contacts.every((c) => c.campaign_id === id)
              ? page
              : requestContactsPage(id, params, signal),
          ),
      }),
    () => {},
  );
}

/** Upserting or deleting contacts changes the contact pages and the stats buckets. */
function invalidateContacts(queryClient: ReturnType<typeof useQueryClient>, campaignId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: contactQueries.all(campaignId) }),
    queryClient.invalidateQueries({ queryKey: campaignQueries.stats(campaignId).queryKey }),
  ]);
}

/**
 * Upserts chunks of an import and refreshes nothing: refetching the list and the stats after
 * each of 50 chunks would only hold the import up, so `refresh` invalidates them once, at the
 * end. A mutation still, so that a 403 teaches the session what the key may not do.
 */
export function useContactUpload(campaignId: string) {
  const queryClient = useQueryClient();
  const { mutateAsync: send } = useMutation({
    mutationFn: (contacts: ContactInput[]) =>
      apiRequest(`/campaign/campaigns/${enc(campaignId)}/contacts`, {
        method: 'POST',
        body: { contacts },
        schema: upsertResultSchema,
      }),
  });
  return { send, refresh: () => void invalidateContacts(queryClient, campaignId) };
}

/** Upserts a few contacts at once (a form, not an import) and refreshes the lists. */
export function useUpsertContacts(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contacts: ContactInput[]) =>
      apiRequest(`/campaign/campaigns/${enc(campaignId)}/contacts`, {
        method: 'POST',
        body: { contacts },
        schema: upsertResultSchema,
      }),
    onSuccess: () => invalidateContacts(queryClient, campaignId),
  });
}

export function useDeleteContact(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contactId: string) =>
      apiRequest<void>(`/campaign/campaigns/${enc(campaignId)}/contacts/${enc(contactId)}`, {
        method: 'DELETE',
      }),
    onSuccess: () => invalidateContacts(queryClient, campaignId),
  });
}

/**
 * (ext) requeue: matching exhausted or completed contacts go back to pending. Their buckets,
 * pages and report all change, so the whole campaign refreshes.
 */
export function useRequeueContacts(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RequeueRequest) =>
      apiRequest(`/campaign/campaigns/${enc(campaignId)}/contacts/requeue`, {
        method: 'POST',
        body: request,
        schema: requeueResultSchema,
      }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: [...campaignQueries.details(), campaignId] }),
  });
}
