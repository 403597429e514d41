import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { campaignQueries } from './campaigns';
import {
  contactSchema,
  contactsPageSchema,
  upsertResultSchema,
  type ContactBucket,
  type ContactInput,
} from '../../contract/schemas';
import type { ContactFilters } from '../../contract/extensions';

export type ContactListParams = {
  limit: number;
  offset: number;
  status: ContactBucket | null;
  /** (ext) contact-filters: send only to servers that list the extension. */
  filters?: ContactFilters;
};

const enc = encodeURIComponent;

export const contactQueries = {
  all: (campaignId: string) => [...campaignQueries.details(), campaignId, 'contacts'] as const,
  list: (campaignId: string, params: ContactListParams) =>
    queryOptions({
      queryKey: [...contactQueries.all(campaignId), 'list', params] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/campaign/campaigns/${enc(campaignId)}/contacts`, {
          query: {
            limit: params.limit,
            offset: params.offset,
            status: params.status,
            ...params.filters,
          },
          schema: contactsPageSchema,
          signal,
        }),
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

/** Upserting or deleting contacts changes the contact pages and the stats buckets. */
function invalidateContacts(queryClient: ReturnType<typeof useQueryClient>, campaignId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: contactQueries.all(campaignId) }),
    queryClient.invalidateQueries({ queryKey: campaignQueries.stats(campaignId).queryKey }),
  ]);
}

function upsertContacts(campaignId: string, contacts: ContactInput[], signal?: AbortSignal) {
  return apiRequest(`/campaign/campaigns/${enc(campaignId)}/contacts`, {
    method: 'POST',
    body: { contacts },
    schema: upsertResultSchema,
    signal,
  });
}

export function useUpsertContacts(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contacts, signal }: { contacts: ContactInput[]; signal?: AbortSignal }) =>
      upsertContacts(campaignId, contacts, signal),
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
