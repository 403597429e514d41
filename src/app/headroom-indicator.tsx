import { useQuery } from '@tanstack/react-query';
import { concurrencyQueries } from '../api/concurrency';
import { UsageBar } from '../components/usage-bar';

/** The org's live headroom, polled every 5 s only while the tab is visible. */
export function HeadroomIndicator() {
  const { data, isError } = useQuery(concurrencyQueries.settings());
  if (!data && isError) return <span className="text-sm text-slate-500">Headroom unavailable</span>;
  // Until the first answer, placeholders keep the header the height it will have.
  const free = data ? Math.max(0, data.concurrency_limit - data.active_calls) : '…';
  return (
    <div className="flex items-center gap-3 text-sm" aria-label="Org headroom" aria-busy={!data}>
      <div className="text-right leading-tight">
        <div className="font-medium tabular-nums">
          {data?.active_calls ?? '…'} / {data?.concurrency_limit ?? '…'} calls in flight
        </div>
        <div className="text-xs text-slate-600">{free} free slots</div>
      </div>
      <UsageBar
        used={data?.active_calls ?? 0}
        limit={data?.concurrency_limit ?? 1}
        className="h-2 w-24"
      />
    </div>
  );
}
