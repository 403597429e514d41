import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceDot,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../../lib/format';
import { OUTCOMES } from '../../lib/outcomes';
import { clippedTop } from './chart-scale';
import { AXIS, AXIS_TITLE, GRID, legendText, TICK, TOOLTIP } from './chart-style';
import { useTimeAxis } from './chart-time';

export type ThroughputPoint = { at: number } & Record<(typeof OUTCOMES)[number]['key'], number>;

const ORDER = new Map<unknown, number>(OUTCOMES.map((o, i) => [o.key, i]));

/**
 * Calls ended per bucket, stacked by outcome in the table's order. Its totals are also given as
 * text. One spike does not flatten the rest: the scale stops above the usual bars, and a bar cut
 * there carries its total.
 */
export default function ThroughputChart({
  points,
  spanSeconds,
  unit = 'Calls',
  timeZone,
}: {
  points: ThroughputPoint[];
  spanSeconds: number;
  /** The y axis's title: what one bar counts. */
  unit?: string;
  /** The viewer's zone unless given. */
  timeZone?: string;
}) {
  const time = useTimeAxis(points, { spanSeconds, withSeconds: false, timeZone });
  const totals = points.map((p) => OUTCOMES.reduce((sum, o) => sum + p[o.key], 0));
  const top = clippedTop(totals);
  const cut =
    top === null
      ? []
      : points.flatMap((p, i) => (totals[i]! > top ? [{ at: p.at, total: totals[i]! }] : []));
  return (
    <>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart
          accessibilityLayer={false}
          data={points}
          barCategoryGap={0}
          margin={{ top: 20, right: 8, bottom: 0, left: 0 }}
        >
          <CartesianGrid {...GRID} vertical={false} />
          <XAxis {...time.axis} />
          <YAxis
            allowDecimals={false}
            tick={TICK}
            {...AXIS}
            width={56}
            domain={top === null ? undefined : [0, top]}
            allowDataOverflow={top !== null}
            label={{ value: unit, angle: -90, position: 'insideLeft', ...AXIS_TITLE }}
          />
          <Tooltip
            {...TOOLTIP}
            labelFormatter={time.tooltipLabel}
            itemSorter={(item) => ORDER.get(item.dataKey) ?? 0}
          />
          <Legend itemSorter={null} formatter={legendText} />
          {OUTCOMES.map((o) => (
            <Bar
              key={o.key}
              dataKey={o.key}
              name={o.label}
              stackId="ended"
              fill={o.color}
              // A hairline of the surface between stacked outcomes, so each meets the background.
              stroke="var(--color-white)"
              strokeWidth={0.5}
              isAnimationActive={false}
            />
          ))}
          {cut.map((p) => (
            <ReferenceDot
              key={p.at}
              x={p.at}
              y={top!}
              r={0}
              ifOverflow="visible"
              label={{
                value: `▲${formatNumber(p.total)}`,
                position: 'top',
                ...AXIS_TITLE,
                fill: 'var(--color-slate-900)',
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      {top !== null && (
        <p className="mt-1 text-xs text-slate-600">
          The scale stops at {formatNumber(top)} so one spike does not flatten the rest:{' '}
          {cut.length === 1 ? 'the bar above it is' : `${cut.length} bars above it are`} cut and
          marked ▲ with the total.
        </p>
      )}
    </>
  );
}
