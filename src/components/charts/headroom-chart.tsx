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
import { useViewerZone } from '../../lib/viewer-zone';
import { AXIS, AXIS_TITLE, GRID, legendText, TICK, TOOLTIP } from './chart-style';
import { timeAxisTitle, timeTick } from './chart-time';

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
  const viewer = useViewerZone();
  const zone = timeZone ?? viewer;
  const time = timeTick(spanSeconds ?? 0, spanSeconds === undefined, zone);
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart
        accessibilityLayer={false}
        data={points}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis
          dataKey="at"
          tickFormatter={time}
          tick={TICK}
          {...AXIS}
          minTickGap={40}
          height={44}
          label={{ value: timeAxisTitle(points, zone), position: 'insideBottom', ...AXIS_TITLE }}
        />
        <YAxis
          allowDecimals={false}
          tick={TICK}
          {...AXIS}
          width={56}
          label={{ value: 'Calls', angle: -90, position: 'insideLeft', ...AXIS_TITLE }}
        />
        <Tooltip {...TOOLTIP} labelFormatter={(at) => time(Number(at))} />
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
