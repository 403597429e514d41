import type { Stats } from '../../../contract/schemas';
import { HeadroomChart } from '../../components/charts/lazy-charts';
import { Panel } from '../../components/panel';
import { UsageBar } from '../../components/usage-bar';
import { formatCount } from '../../lib/format';
import type { HistoryPoint } from './headroom-history';

function freeSlotsInWords(free: number, limit: number, active: number): string {
  if (active > limit)
    return `Over the cap: ${active - limit} more calls than the limit are finishing; none start until below ${limit}.`;
  if (free === 0) return 'At the cap: no free slots, new calls wait for one to finish.';
  return `${formatCount(free, 'free slot')} of ${limit}.`;
}

export function HeadroomPanel({
  stats,
  points,
  live,
}: {
  stats: Stats;
  /** This visit's polls, for servers without the timeline; null when the History shows it. */
  points: HistoryPoint[] | null;
  live: boolean;
}) {
  const limit = stats.concurrency_limit;
  const active = stats.active_calls;
  const free = Math.max(0, limit - active);
  return (
    <Panel title="Org headroom">
      <p className="mt-2 text-2xl font-semibold tabular-nums">
        {active} / {limit}{' '}
        <span className="text-base font-normal text-slate-600">calls in flight</span>
      </p>
      <UsageBar
        used={active}
        limit={limit}
        label="Calls in flight against the concurrency limit"
        className="mt-2 h-3"
      />
      <p className="mt-2 text-sm text-slate-700">{freeSlotsInWords(free, limit, active)}</p>
      {points === null ? null : (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-800">Headroom during this visit</h3>
          {points.length < 2 ? (
            <p className="mt-1 text-sm text-slate-600">
              {live
                ? 'The chart fills in as updates arrive.'
                : 'The chart fills in while the campaign is live; each Refresh adds a point.'}
            </p>
          ) : (
            <div
              className="mt-2"
              role="img"
              aria-label={`Line chart of calls in flight against the limit over the last ${points.length} updates`}
            >
              <HeadroomChart points={points} />
            </div>
          )}
        </>
      )}
    </Panel>
  );
}
