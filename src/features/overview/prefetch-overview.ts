import type { QueryClient } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { getConnection } from '../../api/connection';
import { reportQueries } from '../../api/reports';
import { sessionQueries } from '../../api/session';
import { timelineQueries } from '../../api/timelines';
import { timelineRangeOf } from './use-campaign-timeline';

/**
 * The Overview's requests by the campaign's UUID: the bucket counts, and the (ext) report and
 * timeline its key numbers read, when the session lists them. Asked with the counts rather
 * than once the tab's code has rendered them, the key numbers come one round trip sooner.
 */
export function prefetchOverview(queryClient: QueryClient, search: URLSearchParams) {
  return (campaignId: string) => {
    void queryClient.prefetchQuery(campaignQueries.stats(campaignId));
    const connection = getConnection();
    if (!connection) return;
    // The shell asks for the session anyway: this waits for that answer, it sends nothing more.
    void queryClient
      .fetchQuery(sessionQueries.current(connection))
      .then((session) => {
        const offered = session?.extensions ?? [];
        if (offered.includes('report')) {
          void queryClient.prefetchQuery(reportQueries.campaign(campaignId));
        }
        if (offered.includes('timeline')) {
          void queryClient.prefetchQuery(
            timelineQueries.campaign(campaignId, timelineRangeOf(search)),
          );
        }
      })
      .catch(() => {});
  };
}
