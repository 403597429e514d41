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

import { timeTick } from './chart-time';

export type HeadroomPoint = { at: number; activeCalls: number; limit: number };

/**
 * Calls in flight against a limit over time: this visit's polls (to the second), or the
 * server's history over `spanSeconds`.
 */
export default function HeadroomChart({
  points,
  spanSeconds,
  callsLabel = 'Calls in flight',
  limitLabel = 'Limit',
}: {
  points: HeadroomPoint[];
  spanSeconds?: number;
  callsLabel?: string;
  limitLabel?: string;
}) {
  const time = timeTick(spanSeconds ?? 0, spanSeconds === undefined);
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart
        accessibilityLayer={false}
        data={points}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="at" tickFormatter={time} tick={{ fontSize: 12 }} minTickGap={40} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
        <Tooltip labelFormatter={(at) => time(Number(at))} />
        <Legend />
        <Line
          type="stepAfter"
          dataKey="limit"
          name={limitLabel}
          stroke="#b45309"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type={spanSeconds === undefined ? 'monotone' : 'stepAfter'}
          dataKey="activeCalls"
          name={callsLabel}
          stroke="#4338ca"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
