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

export type Bucket = { label: string; value: number; color: string };

/** Contacts per bucket. The numbers are also shown as text beside it, so it is decorative. */
export default function BucketsChart({ buckets }: { buckets: Bucket[] }) {
  return (
    <ResponsiveContainer width="100%" height={180}>
      <BarChart
        accessibilityLayer={false}
        data={buckets}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
        <Tooltip />
        <Bar dataKey="value" name="Contacts" isAnimationActive={false}>
          {buckets.map((b) => (
            <Cell key={b.label} fill={b.color} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
