export type Bucket = { label: string; value: number; color: string };

/**
 * A few columns, drawn with boxes: the Overview's first screen shows it on a phone, where
 * loading and drawing recharts for four bars cost more than the bars are worth. Decorative:
 * the numbers are given as text beside it.
 */
export function ColumnChart({ columns, height = 180 }: { columns: Bucket[]; height?: number }) {
  const max = Math.max(1, ...columns.map((c) => c.value));
  return (
    <div aria-hidden="true">
      <div className="flex items-end gap-4 border-b border-slate-400 px-2" style={{ height }}>
        {columns.map((c) => (
          <div
            key={c.label}
            className="flex-1 rounded-t-sm"
            style={{ height: `${(c.value / max) * 100}%`, backgroundColor: c.color }}
          />
        ))}
      </div>
      <div className="mt-1 flex gap-4 px-2 text-center text-xs text-slate-600">
        {columns.map((c) => (
          <span key={c.label} className="flex-1">
            {c.label}
          </span>
        ))}
      </div>
    </div>
  );
}
