import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from './client';
import { conversationSchema } from '../../contract/schemas';

export const conversationQueries = {
  /** (ext) route outside the /campaign prefix; a 404 means the server does not offer it. */
  detail: (conversationId: string) =>
    queryOptions({
      queryKey: ['conversations', conversationId] as const,
      queryFn: ({ signal }) =>
        apiRequest(`/conversations/${encodeURIComponent(conversationId)}`, {
          schema: conversationSchema,
          signal,
        }),
      staleTime: 60_000,
    }),
};
