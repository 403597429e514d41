import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiListRequest, apiRequest } from './client';
import {
  configurationListSchema,
  configurationSchema,
  timezonesSchema,
  type ConfigurationCreate,
  type ConfigurationUpdate,
} from '../../contract/schemas';

const enc = encodeURIComponent;

export const configurationQueries = {
  all: () => ['configurations'] as const,
  list: () =>
    queryOptions({
      queryKey: [...configurationQueries.all(), 'list'] as const,
      queryFn: ({ signal }) =>
        apiListRequest('/campaign/configurations', {
          schema: configurationListSchema,
          key: 'configurations',
          item: configurationSchema,
          signal,
        }),
      select: (data) => data.configurations,
    }),
  detail: (configId: string) =>
    queryOptions({
      queryKey: [...configurationQueries.all(), 'detail', configId] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/campaign/configurations/${enc(configId)}`, {
          schema: configurationSchema,
          signal,
        }),
    }),
};

export const timezoneQueries = {
  list: () =>
    queryOptions({
      queryKey: ['timezones'] as const,
      queryFn: ({ signal }) =>
        apiRequest('/campaign/timezones', { schema: timezonesSchema, signal }),
      select: (data) => data.timezones,
      staleTime: Infinity,
    }),
};

export function useCreateConfiguration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfigurationCreate) =>
      apiRequest('/campaign/configurations', { method: 'POST', body, schema: configurationSchema }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: configurationQueries.list().queryKey }),
  });
}

export function useUpdateConfiguration(configId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfigurationUpdate) =>
      apiRequest(`/campaign/configurations/${enc(configId)}`, {
        method: 'PATCH',
        body,
        schema: configurationSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: configurationQueries.all() }),
  });
}

export function useDeleteConfiguration() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (configId: string) =>
      apiRequest<void>(`/campaign/configurations/${enc(configId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: configurationQueries.all() }),
  });
}
