import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { campaignQueries } from './campaigns';
import { concurrencySettingsSchema } from '../../contract/schemas';

export const POLL_INTERVAL_MS = 5000;

export const concurrencyQueries = {
  settings: () =>
    queryOptions({
      queryKey: ['concurrency-settings'] as const,
      queryFn: ({ signal }) =>
        apiRequest('/campaign/concurrency-settings', { schema: concurrencySettingsSchema, signal }),
      // Polls only while the tab is visible: refetchIntervalInBackground stays false.
      refetchInterval: POLL_INTERVAL_MS,
    }),
};

export function useUpdateConcurrencyLimit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (concurrency_limit: number) =>
      apiRequest('/campaign/concurrency-settings', {
        method: 'PUT',
        body: { concurrency_limit },
        schema: concurrencySettingsSchema,
      }),
    onSuccess: (settings) => {
      queryClient.setQueryData(concurrencyQueries.settings().queryKey, settings);
      // Every campaign's stats carry the org limit.
      return queryClient.invalidateQueries({
        predicate: (q) => campaignQueries.isStatsKey(q.queryKey),
      });
    },
  });
}
