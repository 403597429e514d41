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

export type HeadroomPoint = { at: number; activeCalls: number; limit: number };

const timeFormat = new Intl.DateTimeFormat('en-US', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const time = (at: number) => timeFormat.format(at);

/** Calls in flight against the limit over this visit's polls. */
export default function HeadroomChart({ points }: { points: HeadroomPoint[] }) {
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
          name="Limit"
          stroke="#b45309"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="activeCalls"
          name="Calls in flight"
          stroke="#4338ca"
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
