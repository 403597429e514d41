import type { CampaignStatus } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { useNow } from '../../lib/use-now';

/** Why the numbers are not live: a closed campaign is over, not paused. */
function notLive(visible: boolean, status: CampaignStatus): string {
  if (status === 'closed') return 'Final: campaign is closed';
  if (status === 'paused') return 'Paused: campaign is paused';
  if (!visible) return 'Paused: tab hidden';
  return 'Paused: campaign is not active';
}

/** Says honestly whether the numbers are live, paused (and why) or failing, and how old. */
export function LivenessBar({
  live,
  visible,
  campaignStatus,
  updatedAt,
  fetching,
  error,
  onRefresh,
}: {
  live: boolean;
  visible: boolean;
  campaignStatus: CampaignStatus;
  updatedAt: number;
  fetching: boolean;
  error: Error | null;
  onRefresh: () => void;
}) {
  const now = useNow(1000);
  const seconds = Math.max(0, Math.round((now - updatedAt) / 1000));
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      {error ? (
        <span className="inline-flex items-center gap-2 font-medium text-red-800">
          <span aria-hidden="true" className="h-2 w-2 rounded-full bg-red-600" />
          Update failed
        </span>
      ) : live ? (
        <span className="inline-flex items-center gap-2 font-medium text-emerald-800">
          <span aria-hidden="true" className="h-2 w-2 animate-pulse rounded-full bg-emerald-600" />
          Live
        </span>
      ) : (
        <span className="inline-flex items-center gap-2 font-medium text-slate-700">
          <span aria-hidden="true" className="h-2 w-2 rounded-full bg-slate-400" />
          {notLive(visible, campaignStatus)}
        </span>
      )}
      <span className="text-slate-600" aria-live="off">
        Updated {seconds}s ago
      </span>
      <Button onClick={onRefresh} disabled={fetching} aria-label="Refresh statistics">
        {fetching ? 'Refreshing…' : 'Refresh'}
      </Button>
      {error && (
        // Not a live region: the toaster announces the failure, once.
        <span className="text-slate-700">
          {error.message} Showing the last good numbers; polling goes on.
        </span>
      )}
    </div>
  );
}
