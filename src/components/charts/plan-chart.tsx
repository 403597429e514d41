import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS, AXIS_TITLE, GRID, TICK, TOOLTIP } from './chart-style';

export type PlanPoint = { lines: number; at: number };

/**
 * Finish time against lines, with the deadline drawn across. `formatAt` writes a time in the
 * campaign's zone. The sentence beside it says the same in words.
 */
export default function PlanChart({
  points,
  deadline,
  formatAt,
}: {
  points: PlanPoint[];
  deadline: number | null;
  formatAt: (at: number) => string;
}) {
  const times = points.map((p) => p.at);
  const low = Math.min(...times, deadline ?? Infinity);
  const high = Math.max(...times, deadline ?? -Infinity);
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart
        accessibilityLayer={false}
        data={points}
        margin={{ top: 8, right: 12, bottom: 16, left: 0 }}
      >
        <CartesianGrid {...GRID} />
        <XAxis
          dataKey="lines"
          type="number"
          domain={[1, 'dataMax']}
          allowDecimals={false}
          tick={TICK}
          {...AXIS}
          label={{ value: 'Lines', position: 'insideBottom', offset: -8, ...AXIS_TITLE }}
        />
        <YAxis
          dataKey="at"
          type="number"
          domain={[low, high]}
          tickFormatter={formatAt}
          tick={{ ...TICK, fontSize: 11 }}
          {...AXIS}
          width={84}
          tickCount={4}
        />
        <Tooltip
          {...TOOLTIP}
          labelFormatter={(lines) => `${lines} lines`}
          formatter={(at) => [formatAt(Number(at)), 'Finishes']}
        />
        <Line
          type="stepAfter"
          dataKey="at"
          stroke="var(--color-indigo-700)"
          dot={false}
          strokeWidth={2}
          isAnimationActive={false}
        />
        {deadline !== null && (
          <ReferenceLine
            y={deadline}
            stroke="var(--color-red-700)"
            strokeDasharray="4 4"
            label={{
              value: 'Deadline',
              position: 'insideTopRight',
              fontSize: 12,
              fill: 'var(--color-red-700)',
            }}
          />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
}
