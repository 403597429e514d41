import { useEffect, useState, useSyncExternalStore } from 'react';
import { hashKey, useQueryClient, type Query } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import type { Stats } from '../../../contract/schemas';
import { HeadroomHistory, type HistoryPoint } from './headroom-history';

/**
 * The stats of this visit as points over time. Subscribes to the query cache, so each
 * successful fetch of the campaign's stats adds a point where it happens, rather than an
 * effect copying rendered data.
 */
export function useHeadroomHistory(campaignId: string): HistoryPoint[] {
  const queryClient = useQueryClient();
  const [history] = useState(() => new HeadroomHistory());
  useEffect(() => {
    const cache = queryClient.getQueryCache();
    const queryHash = hashKey(campaignQueries.stats(campaignId).queryKey);
    const record = (query: Query) => {
      const stats = query.state.data as Stats | undefined;
      if (stats) history.add(query.state.dataUpdatedAt, stats);
    };
    const current = cache.get(queryHash);
    if (current) record(current);
    return cache.subscribe((event) => {
      if (
        event.type === 'updated' &&
        event.action.type === 'success' &&
        event.query.queryHash === queryHash
      ) {
        record(event.query);
      }
    });
  }, [queryClient, history, campaignId]);
  return useSyncExternalStore(history.subscribe, history.points);
}
