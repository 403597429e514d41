import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { retryDelay, shouldRetry } from '../api/retry';
import { showToast } from '../components/toaster';

/** Failed first loads show inline errors; only failed background refetches toast, once. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data === undefined) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return;
        showToast(`Could not refresh: ${error.message}`);
      },
    }),
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: true,
        refetchIntervalInBackground: false,
        staleTime: 2_000,
      },
      mutations: { retry: false },
    },
  });
}
