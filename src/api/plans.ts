import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { campaignQueries } from './campaigns';
import { orgPlanSchema, planSchema } from '../../contract/extensions';
import { campaignSchema } from '../../contract/schemas';

export const planQueries = {
  /** (ext) plan: a campaign's finish at every line count, and a deadline's answer. */
  campaign: (campaignId: string, deadline: string | null) =>
    queryOptions({
      // Under the campaign's detail: a write to the campaign (its cap) invalidates it.
      queryKey: [...campaignQueries.details(), campaignId, 'plan', deadline] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/campaign/campaigns/${encodeURIComponent(campaignId)}/plan`, {
          query: deadline ? { deadline } : {},
          schema: planSchema,
          signal,
        }),
    }),
  /** (ext) plan: every active campaign of the org. */
  org: () =>
    queryOptions({
      queryKey: ['plan', 'org'] as const,
      queryFn: ({ signal }) => apiRequest('/campaign/plan', { schema: orgPlanSchema, signal }),
    }),
};

export type CapChange = { campaignId: string; cap: number };

/**
 * Sets campaign caps one PATCH each (one activity entry each), in order; stops at the first
 * refusal, which it throws with the changes made before it.
 */
export function useApplyCaps() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: CapChange[]) => {
      for (const change of changes) {
        await apiRequest(`/campaign/campaigns/${encodeURIComponent(change.campaignId)}`, {
          method: 'PATCH',
          body: { max_concurrent_calls: change.cap },
          schema: campaignSchema,
        });
      }
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignQueries.all() }),
        queryClient.invalidateQueries({ queryKey: planQueries.org().queryKey }),
      ]),
  });
}
