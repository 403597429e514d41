import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { OUTCOMES } from '../../lib/outcomes';
import { timeTick } from './chart-time';

export type ThroughputPoint = { at: number } & Record<(typeof OUTCOMES)[number]['key'], number>;

/** Calls ended per bucket, stacked by outcome. Its totals are also given as text. */
export default function ThroughputChart({
  points,
  spanSeconds,
}: {
  points: ThroughputPoint[];
  spanSeconds: number;
}) {
  const tick = timeTick(spanSeconds);
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart
        accessibilityLayer={false}
        data={points}
        barCategoryGap={0}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="at" tickFormatter={tick} tick={{ fontSize: 12 }} minTickGap={40} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
        <Tooltip labelFormatter={(at) => tick(Number(at))} />
        <Legend />
        {OUTCOMES.map((o) => (
          <Bar
            key={o.key}
            dataKey={o.key}
            name={o.label}
            stackId="ended"
            fill={o.color}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
