import { useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { statsBatchQueries } from '../../api/stats-batch';
import { POLL_INTERVAL_MS } from '../../api/concurrency';
import { useExtension } from '../../api/session';
import type { Campaign } from '../../../contract/schemas';
import { STATS_BATCH_MAX, type BatchStats } from '../../../contract/extensions';
import { usePageVisible } from '../../lib/use-page-visibility';

const onBoard = (c: Campaign) => c.status === 'active' || c.status === 'paused';

/**
 * Live numbers for every active or paused campaign on screen, in one request: fetched on
 * load, then every 5 s while one of them is active and the tab is visible (the Overview's
 * rules). Without the stats-batch extension there is no board, only the list.
 */
export function useLiveBoard(campaigns: Campaign[]) {
  const offered = useExtension('stats-batch');
  const visible = usePageVisible();
  const ids = useMemo(
    () =>
      campaigns
        .filter(onBoard)
        .slice(0, STATS_BATCH_MAX)
        .map((c) => c.id),
    [campaigns],
  );
  const query = useQuery({
    ...statsBatchQueries.campaigns(ids),
    enabled: offered && ids.length > 0,
    // Rows keep their numbers while "Load more" or a filter asks for a new set.
    placeholderData: keepPreviousData,
    refetchInterval: (q) => {
      const stats = q.state.data?.stats ?? [];
      // The poll's status wins over the list's: someone may have started or paused one.
      const active = campaigns.some(
        (c) =>
          onBoard(c) &&
          (stats.find((s) => s.campaign_id === c.id)?.status ?? c.status) === 'active',
      );
      return active && visible ? POLL_INTERVAL_MS : false;
    },
  });
  const byId = useMemo(
    () => new Map<string, BatchStats>(query.data?.stats.map((s) => [s.campaign_id, s])),
    [query.data],
  );
  const anyActive = campaigns.some(
    (c) => onBoard(c) && (byId.get(c.id)?.status ?? c.status) === 'active',
  );
  const shown = offered && ids.length > 0;
  return {
    offered,
    shown,
    // Rows wait for the first numbers (or their failure): cells, chips and bars arriving
    // later would widen the columns and push the rows down under the reader's eyes.
    firstAnswerPending: shown && query.isPending,
    byId,
    query,
    visible,
    live: offered && visible && anyActive,
  };
}
export type LiveBoard = ReturnType<typeof useLiveBoard>;
