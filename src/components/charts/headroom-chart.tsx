import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS, AXIS_TITLE, GRID, legendText, TICK, TOOLTIP } from './chart-style';
import { useTimeAxis } from './chart-time';

export type HeadroomPoint = { at: number; activeCalls: number; limit: number };

/**
 * Calls in flight against a limit over time: this visit's polls (to the second), or the
 * server's history over `spanSeconds`; in the viewer's zone unless given one.
 */
export default function HeadroomChart({
  points,
  spanSeconds,
  callsLabel = 'Calls in flight',
  limitLabel = 'Limit',
  timeZone,
}: {
  points: HeadroomPoint[];
  spanSeconds?: number;
  callsLabel?: string;
  limitLabel?: string;
  timeZone?: string;
}) {
  const time = useTimeAxis(points, {
    spanSeconds: spanSeconds ?? 0,
    withSeconds: spanSeconds === undefined,
    timeZone,
  });
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart
        accessibilityLayer={false}
        data={points}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis {...time.axis} />
        <YAxis
          allowDecimals={false}
          tick={TICK}
          {...AXIS}
          width={56}
          label={{ value: 'Calls', angle: -90, position: 'insideLeft', ...AXIS_TITLE }}
        />
        <Tooltip {...TOOLTIP} labelFormatter={time.tooltipLabel} />
        <Legend itemSorter={null} formatter={legendText} />
        <Line
          type="stepAfter"
          dataKey="limit"
          name={limitLabel}
          stroke="var(--color-amber-700)"
          strokeDasharray="6 3"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type={spanSeconds === undefined ? 'monotone' : 'stepAfter'}
          dataKey="activeCalls"
          name={callsLabel}
          stroke="var(--color-indigo-700)"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
