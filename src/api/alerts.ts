import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiListRequest, apiRequest } from './client';
import {
  alertEventPageSchema,
  alertEventSchema,
  alertRuleListSchema,
  alertRuleSchema,
  alertTestResultSchema,
  type AlertRuleCreate,
  type AlertRuleUpdate,
} from '../../contract/alerts';

/** The server evaluates every 15 s; the firing alerts are asked for as often, when visible. */
export const ALERTS_POLL_MS = 15_000;
/** The most firing alerts one answer carries (the contract's page size limit). */
export const FIRING_MAX = 200;

export const alertQueries = {
  all: () => ['alerts'] as const,
  rules: () =>
    queryOptions({
      queryKey: [...alertQueries.all(), 'rules'] as const,
      queryFn: ({ signal }) =>
        apiListRequest('/campaign/alerts/rules', {
          schema: alertRuleListSchema,
          key: 'rules',
          item: alertRuleSchema,
          signal,
        }),
    }),
  /** The newest events (episodes) with their deliveries. */
  events: () =>
    queryOptions({
      queryKey: [...alertQueries.all(), 'events'] as const,
      queryFn: ({ signal }) =>
        apiListRequest('/campaign/alerts/events', {
          query: { limit: 50 },
          schema: alertEventPageSchema,
          key: 'events',
          item: alertEventSchema,
          signal,
        }),
      refetchInterval: ALERTS_POLL_MS,
    }),
  /** Alerts firing now, org-wide: the bell, the board's rows and the Overview read this one. */
  firing: () =>
    queryOptions({
      queryKey: [...alertQueries.all(), 'firing'] as const,
      queryFn: ({ signal }) =>
        apiListRequest('/campaign/alerts/events', {
          query: { state: 'firing', limit: FIRING_MAX },
          schema: alertEventPageSchema,
          key: 'events',
          item: alertEventSchema,
          signal,
        }),
      // Polls only while the tab is visible: refetchIntervalInBackground stays false.
      refetchInterval: ALERTS_POLL_MS,
    }),
};

function useInvalidateAlerts() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: alertQueries.all() });
}

export function useSaveRule() {
  const invalidate = useInvalidateAlerts();
  return useMutation({
    mutationFn: ({ id, rule }: { id: string | null; rule: AlertRuleCreate | AlertRuleUpdate }) =>
      id
        ? apiRequest(`/campaign/alerts/rules/${encodeURIComponent(id)}`, {
            method: 'PATCH',
            body: rule,
            schema: alertRuleSchema,
          })
        : apiRequest('/campaign/alerts/rules', {
            method: 'POST',
            body: rule,
            schema: alertRuleSchema,
          }),
    onSuccess: invalidate,
  });
}

export function useDeleteRule() {
  const invalidate = useInvalidateAlerts();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/campaign/alerts/rules/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useTestRule() {
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/campaign/alerts/rules/${encodeURIComponent(id)}/test`, {
        method: 'POST',
        // An answer with no body (a 202 or 204) says only that the test was sent.
        prepare: (json) => json ?? {},
        schema: alertTestResultSchema,
      }),
  });
}
