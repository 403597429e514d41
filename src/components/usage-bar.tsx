/**
 * Calls in flight against a limit as a bar: amber at the cap. With a `label` it is a meter a
 * screen reader announces; without one it decorates numbers shown beside it.
 */
export function UsageBar({
  used,
  limit,
  label,
  className = 'h-3',
}: {
  used: number;
  limit: number;
  label?: string;
  className?: string;
}) {
  const ratio = Math.min(1, used / Math.max(1, limit));
  const meter = label
    ? {
        role: 'meter',
        'aria-label': label,
        'aria-valuemin': 0,
        'aria-valuemax': limit,
        'aria-valuenow': Math.min(used, limit),
        'aria-valuetext': `${used} of ${limit} calls in flight`,
      }
    : { 'aria-hidden': true };
  return (
    <div {...meter} className={`overflow-hidden rounded-full bg-slate-200 ${className}`}>
      {/* Nothing to fill at zero, which is also what index.html's static shell shows. */}
      {ratio > 0 && (
        <div
          className={`h-full ${ratio >= 1 ? 'bg-amber-500' : 'bg-indigo-600'}`}
          style={{ width: `${ratio * 100}%` }}
        />
      )}
    </div>
  );
}
