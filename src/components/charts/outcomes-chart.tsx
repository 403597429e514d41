import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { AXIS, GRID, TICK, TOOLTIP } from './chart-style';

/** Ended calls by outcome. The numbers are listed beside it as links, so it is decorative. */
export type Bucket = { label: string; value: number; color: string };

export default function OutcomesChart({ outcomes }: { outcomes: Bucket[] }) {
  return (
    <ResponsiveContainer width="100%" height={160}>
      <BarChart
        accessibilityLayer={false}
        data={outcomes}
        layout="vertical"
        margin={{ top: 4, right: 12, bottom: 0, left: 0 }}
      >
        <CartesianGrid {...GRID} horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={TICK} {...AXIS} />
        <YAxis type="category" dataKey="label" width={84} tick={TICK} {...AXIS} />
        <Tooltip {...TOOLTIP} cursor={{ fill: 'var(--color-slate-100)' }} />
        <Bar dataKey="value" name="Calls" isAnimationActive={false}>
          {outcomes.map((o) => (
            <Cell key={o.label} fill={o.color} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
