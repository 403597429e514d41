import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { activityQueries } from '../api/activity';
import { ApiError, setRequestGate } from '../api/client';
import { retryDelay, shouldRetry } from '../api/retry';
import { learnFromRefusal, refusalBeforeSending } from '../api/session';
import { syncFromStats } from '../api/stats-sync';
import { showToast } from '../components/toaster';

/** Failed first loads show inline errors; only failed background refetches toast, once. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        learnFromRefusal(error);
        if (query.state.data === undefined) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return;
        showToast(`Could not refresh: ${error.message}`);
      },
    }),
    mutationCache: new MutationCache({
      onError: learnFromRefusal,
      // Every write the server accepts adds to its (ext) activity log: a list on screen shows it.
      onSuccess: () => client.invalidateQueries({ queryKey: activityQueries.all() }),
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        // A failed query is asked again by its Retry button, a poll or a refocus, never by a
        // component mounting: a page that shows its content once a query settles would mount
        // that query's readers, refetch, unmount them while it is pending, and so on, forever.
        retryOnMount: false,
        staleTime: 2_000,
      },
    },
  });
  syncFromStats(client);
  setRequestGate(refusalBeforeSending(client));
  return client;
}
