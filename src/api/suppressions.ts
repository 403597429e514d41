import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { campaignQueries } from './campaigns';
import {
  suppressionAddResultSchema,
  suppressionPageSchema,
  type SuppressionAdd,
} from '../../contract/extensions';

export const SUPPRESSIONS_PAGE = 50;

export const suppressionQueries = {
  all: () => ['suppressions'] as const,
  /** (ext) suppression: a page of the org's do-not-call list by number. */
  page: (search: string, cursor: string | null) =>
    queryOptions({
      queryKey: [...suppressionQueries.all(), 'page', search, cursor] as const,
      queryFn: ({ signal }) =>
        apiRequest('/campaign/suppressions', {
          query: {
            limit: SUPPRESSIONS_PAGE,
            ...(search ? { search } : {}),
            ...(cursor ? { cursor } : {}),
          },
          schema: suppressionPageSchema,
          signal,
        }),
    }),
};

/** Listing or releasing numbers changes contacts of every campaign: all of it is refetched. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: suppressionQueries.all() }),
      queryClient.invalidateQueries({ queryKey: campaignQueries.all() }),
    ]);
}

export function useAddSuppressions() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: SuppressionAdd) =>
      apiRequest('/campaign/suppressions', {
        method: 'POST',
        body,
        schema: suppressionAddResultSchema,
      }),
    onSettled: invalidate,
  });
}

export function useRemoveSuppression() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ phone, reason }: { phone: string; reason: string }) =>
      apiRequest<void>(`/campaign/suppressions/${encodeURIComponent(phone)}`, {
        method: 'DELETE',
        body: { reason },
      }),
    onSettled: invalidate,
  });
}
