import { memo, useDeferredValue, useId } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CampaignTimeline } from '../../../contract/extensions';
import { TIMELINE_RANGES, type TimelineRange } from '../../api/timelines';
import { HeadroomChart, ThroughputChart } from '../../components/charts/lazy-charts';
import { ErrorState } from '../../components/error-state';
import { Panel } from '../../components/panel';
import { formatCount, formatNumber } from '../../lib/format';
import { OUTCOMES } from '../../lib/outcomes';

function RangePicker({
  range,
  onChange,
}: {
  range: TimelineRange;
  onChange: (range: TimelineRange) => void;
}) {
  const name = useId();
  return (
    <fieldset className="mt-2 flex flex-wrap items-center gap-2 text-sm">
      <legend className="sr-only">Time range</legend>
      {(Object.keys(TIMELINE_RANGES) as TimelineRange[]).map((key) => (
        <label
          key={key}
          className="relative cursor-pointer rounded-md border border-slate-300 px-2.5 py-1 has-checked:border-indigo-600 has-checked:bg-indigo-50 has-checked:font-medium has-checked:text-indigo-900 has-focus-visible:outline-2 has-focus-visible:outline-indigo-600"
        >
          <input
            type="radio"
            name={name}
            value={key}
            checked={range === key}
            onChange={() => onChange(key)}
            // Over its label, invisible: a click or tap anywhere on the label picks it.
            className="absolute inset-0 cursor-pointer appearance-none opacity-0"
          />
          Last {TIMELINE_RANGES[key].label}
        </label>
      ))}
    </fieldset>
  );
}

/** The two charts and their sentences, for one answer of the timeline. */
const HistoryCharts = memo(function HistoryCharts({
  data,
  range,
  limit,
  limitLabel,
}: {
  data: CampaignTimeline;
  range: TimelineRange;
  limit: number;
  limitLabel: string;
}) {
  const { label, seconds } = TIMELINE_RANGES[range];
  const bucket = data.bucket_seconds;
  const per = bucket === 60 ? 'minute' : bucket === 3600 ? 'hour' : `${bucket / 60} minutes`;
  const throughput = data.points.map((p) => ({ at: Date.parse(p.at), ...p.ended }));
  const ended = OUTCOMES.map((o) => ({
    ...o,
    total: data.points.reduce((sum, p) => sum + p.ended[o.key], 0),
  }));
  const endedTotal = ended.reduce((sum, o) => sum + o.total, 0);
  const inFlight = data.points.map((p) => ({
    at: Date.parse(p.at),
    activeCalls: p.active_calls_max,
    limit,
  }));
  const peak = Math.max(0, ...inFlight.map((p) => p.activeCalls));
  return (
    <>
      <h3 className="mt-4 text-sm font-semibold text-slate-800">
        Calls ended per {per}, by outcome
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        {endedTotal === 0
          ? `No call ended in the last ${label}.`
          : `${formatCount(endedTotal, 'call')} ended in the last ${label}: ${ended
              .filter((o) => o.total > 0)
              .map((o) => `${formatNumber(o.total)} ${o.label.toLowerCase()}`)
              .join(', ')}.`}
      </p>
      <div className="mt-2" aria-hidden="true">
        <ThroughputChart points={throughput} spanSeconds={seconds} unit={`Calls per ${per}`} />
      </div>
      <h3 className="mt-4 text-sm font-semibold text-slate-800">
        Calls in flight (peak per {per})
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        Peak {formatNumber(peak)} in the last {label}, against {limitLabel.toLowerCase()} of{' '}
        {formatNumber(limit)}.
      </p>
      <div className="mt-2" aria-hidden="true">
        <HeadroomChart
          points={inFlight}
          spanSeconds={seconds}
          callsLabel="Calls in flight"
          limitLabel={limitLabel.replace(/^The (.)/, (_, first: string) => first.toUpperCase())}
        />
      </div>
    </>
  );
});

/**
 * Throughput by outcome and calls in flight over the chosen range, from the server's
 * per-minute history: full on the first load, the same after a reload. An answer's charts
 * render in a background pass: the query's update itself is synchronous, and charts are a
 * long task on a phone.
 */
export default function HistoryPanel({
  timeline,
  range,
  onRangeChange,
  limit,
  limitLabel,
}: {
  timeline: UseQueryResult<CampaignTimeline>;
  range: TimelineRange;
  onRangeChange: (range: TimelineRange) => void;
  limit: number;
  limitLabel: string;
}) {
  const data = useDeferredValue(timeline.data);
  return (
    <Panel title="History" className="lg:col-span-2">
      <RangePicker range={range} onChange={onRangeChange} />
      {data ? (
        <div aria-busy={timeline.isFetching || undefined}>
          <HistoryCharts data={data} range={range} limit={limit} limitLabel={limitLabel} />
        </div>
      ) : timeline.isError ? (
        <ErrorState
          title="Could not load the history"
          error={timeline.error}
          onRetry={() => timeline.refetch()}
        />
      ) : (
        <div className="mt-3 h-[432px] animate-pulse rounded bg-slate-100" aria-hidden="true" />
      )}
    </Panel>
  );
}
