import { useQuery } from '@tanstack/react-query';
import { concurrencyQueries } from '../api/concurrency';

/** The org's live headroom, polled every 5 s only while the tab is visible. */
export function HeadroomIndicator() {
  const { data, isError } = useQuery(concurrencyQueries.settings());
  if (!data) {
    return isError ? <span className="text-sm text-slate-500">Headroom unavailable</span> : null;
  }
  const free = Math.max(0, data.concurrency_limit - data.active_calls);
  const ratio = Math.min(1, data.active_calls / Math.max(1, data.concurrency_limit));
  return (
    <div className="flex items-center gap-3 text-sm" aria-label="Org headroom">
      <div className="text-right leading-tight">
        <div className="font-medium tabular-nums">
          {data.active_calls} / {data.concurrency_limit} calls in flight
        </div>
        <div className="text-xs text-slate-600">{free} free slots</div>
      </div>
      <div className="h-2 w-24 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div
          className={`h-full ${ratio >= 1 ? 'bg-amber-500' : 'bg-emerald-500'}`}
          style={{ width: `${ratio * 100}%` }}
        />
      </div>
    </div>
  );
}
