import type { QueryClient } from '@tanstack/react-query';
import type { Campaign, CampaignsPage, Stats } from '../../contract/schemas';
import type { BatchStats } from '../../contract/extensions';
import { campaignQueries } from './campaigns';
import { activityQueries } from './activity';
import { concurrencyQueries } from './concurrency';

/**
 * One source of truth for what a stats answer says (one campaign's, or the board's batch):
 * the header's org headroom takes its calls in flight and limit (so the two never disagree
 * on screen), and a status that differs from the cached campaign's (someone else paused it)
 * refreshes the campaign, the lists and the activity, so buttons, badges and polling agree. A cache writer
 * (docs/architecture.md): the header observes one query, which no `select` of the per-campaign
 * stats could feed.
 */
export function syncFromStats(client: QueryClient): () => void {
  return client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success') return;
    const key = event.query.queryKey;
    const data = event.query.state.data as Stats | { stats: BatchStats[] };
    const answers = campaignQueries.isStatsKey(key)
      ? [data as Stats]
      : campaignQueries.isStatsBatchKey(key)
        ? (data as { stats: BatchStats[] }).stats
        : [];
    const first = answers[0];
    if (!first) return;
    // A headroom request still under way started before this answer: it must not overwrite it.
    const headroom = concurrencyQueries.settings().queryKey;
    void client
      .cancelQueries({ queryKey: headroom, exact: true })
      .then(() =>
        client.setQueryData(
          headroom,
          { concurrency_limit: first.concurrency_limit, active_calls: first.active_calls },
          { updatedAt: event.query.state.dataUpdatedAt },
        ),
      );
    const statusOf = new Map(answers.map((s) => [s.campaign_id, s.status]));
    let changed = false;
    const differs = (campaign: Campaign | undefined) => {
      const yes =
        campaign !== undefined &&
        statusOf.has(campaign.id) &&
        statusOf.get(campaign.id) !== campaign.status;
      changed ||= yes;
      return yes;
    };
    void client.invalidateQueries({
      queryKey: campaignQueries.details(),
      predicate: (q) =>
        campaignQueries.isDetailKey(q.queryKey) && differs(q.state.data as Campaign | undefined),
    });
    void client.invalidateQueries({
      queryKey: campaignQueries.lists(),
      predicate: (q) => {
        const data = q.state.data as { pages?: CampaignsPage[] } | Campaign[] | undefined;
        const campaigns = Array.isArray(data)
          ? data
          : (data?.pages?.flatMap((p) => p.campaigns) ?? []);
        return campaigns.some(differs);
      },
    });
    // The (ext) activity log has the change too (who paused it, on the board and the header).
    if (changed) void client.invalidateQueries({ queryKey: activityQueries.all() });
  });
}
