import { useQuery } from '@tanstack/react-query';
import { concurrencyQueries } from '../api/concurrency';
import { UsageBar } from '../components/usage-bar';
import { useNow } from '../lib/use-now';

/**
 * The org's live headroom, polled every 5 s only while the tab is visible; a campaign's stats
 * poll refreshes it too (api/stats-sync.ts), so the header and the Overview agree.
 */
export function HeadroomIndicator() {
  const { data, isError, dataUpdatedAt } = useQuery(concurrencyQueries.settings());
  const now = useNow(1000);
  if (!data && isError) return <span className="text-sm text-slate-500">Headroom unavailable</span>;
  // Until the first answer, placeholders keep the header the height it will have.
  const free = data ? Math.max(0, data.concurrency_limit - data.active_calls) : '…';
  return (
    <div className="flex items-center gap-3 text-sm" aria-label="Org headroom" aria-busy={!data}>
      <div className="text-right leading-tight">
        <div className="font-medium tabular-nums">
          {data?.active_calls ?? '…'} / {data?.concurrency_limit ?? '…'} calls in flight
        </div>
        <div className="text-xs text-slate-600">
          {free} free slots
          {/* A failed update keeps the last numbers; say how old they are. */}
          {isError && data && (
            <span className="ml-1 font-medium text-amber-900">
              · stale, {Math.max(0, Math.round((now - dataUpdatedAt) / 1000))}s old
            </span>
          )}
        </div>
      </div>
      <UsageBar
        used={data?.active_calls ?? 0}
        limit={data?.concurrency_limit ?? 1}
        className="h-2 w-24 max-sm:hidden"
      />
    </div>
  );
}
