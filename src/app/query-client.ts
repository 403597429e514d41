import {
  MutationCache,
  QueryCache,
  QueryClient,
  type DefaultedQueryObserverOptions,
  type DefaultError,
  type QueryKey,
  type QueryObserverOptions,
} from '@tanstack/react-query';
import { activityQueries } from '../api/activity';
import { ApiError, setRequestGate } from '../api/client';
import { retryDelay, shouldRetry } from '../api/retry';
import { learnFromRefusal, refusalBeforeSending } from '../api/session';
import { syncFromStats } from '../api/stats-sync';
import { showToast } from '../components/toaster';

/**
 * Only a first load is retried. A query that already has data is asked again by its next poll
 * or refocus instead, so a polled URL that keeps failing is still asked at most three times in
 * ten seconds (a retry on top of each 5 s poll would make four).
 */
class FirstLoadRetryClient extends QueryClient {
  override defaultQueryOptions<
    TQueryFnData = unknown,
    TError = DefaultError,
    TData = TQueryFnData,
    TQueryData = TQueryFnData,
    TQueryKey extends QueryKey = QueryKey,
    TPageParam = never,
  >(
    options:
      | QueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey, TPageParam>
      | DefaultedQueryObserverOptions<TQueryFnData, TError, TData, TQueryData, TQueryKey>,
  ) {
    const defaulted = super.defaultQueryOptions(options);
    if (defaulted.retry !== shouldRetry) return defaulted;
    const key = defaulted.queryKey;
    return {
      ...defaulted,
      retry: (failureCount: number, error: TError) =>
        this.getQueryData(key) === undefined && shouldRetry(failureCount, error),
    };
  }
}

/** Failed first loads show inline errors; only failed background refetches toast, once. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new FirstLoadRetryClient({
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
