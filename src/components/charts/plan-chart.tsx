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
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          dataKey="lines"
          type="number"
          domain={[1, 'dataMax']}
          allowDecimals={false}
          tick={{ fontSize: 12 }}
          label={{ value: 'Lines', position: 'insideBottom', offset: -8, fontSize: 12 }}
        />
        <YAxis
          dataKey="at"
          type="number"
          domain={[low, high]}
          tickFormatter={formatAt}
          tick={{ fontSize: 11 }}
          width={84}
          tickCount={4}
        />
        <Tooltip
          labelFormatter={(lines) => `${lines} lines`}
          formatter={(at) => [formatAt(Number(at)), 'Finishes']}
        />
        <Line
          type="stepAfter"
          dataKey="at"
          stroke="#4338ca"
          dot={false}
          strokeWidth={2}
          isAnimationActive={false}
        />
        {deadline !== null && (
          <ReferenceLine
            y={deadline}
            stroke="#b91c1c"
            strokeDasharray="4 4"
            label={{ value: 'Deadline', position: 'insideTopRight', fontSize: 12, fill: '#b91c1c' }}
          />
        )}
      </LineChart>
    </ResponsiveContainer>
  );
}
