import type { ResultValue } from '../../../contract/schemas';
import { humanize } from '../../lib/humanize';
import { groupByMetric, splitResultKey } from '../../lib/result-keys';

/** Groups `metric.criterion` keys by metric, in the order they came. */
export function groupResults(
  result: Record<string, ResultValue>,
): [string, [string, ResultValue][]][] {
  return groupByMetric(Object.entries(result), ([key]) => key).map(([metric, entries]) => [
    metric,
    entries.map(([key, value]) => [splitResultKey(key)[1], value]),
  ]);
}

function Value({ value }: { value: ResultValue }) {
  if (typeof value === 'boolean') {
    return (
      <span
        className={`rounded px-1.5 py-0.5 text-xs font-medium ${value ? 'bg-emerald-100 text-emerald-900' : 'bg-slate-200 text-slate-800'}`}
      >
        {value ? 'Yes' : 'No'}
      </span>
    );
  }
  if (typeof value === 'number') return <span className="font-semibold tabular-nums">{value}</span>;
  return (
    <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-900">
      {humanize(value)}
    </span>
  );
}

export function EvaluationResults({ result }: { result: Record<string, ResultValue> | null }) {
  if (!result || Object.keys(result).length === 0)
    return <p className="text-sm text-slate-600">No evaluation</p>;
  return (
    <div className="flex flex-wrap gap-4">
      {groupResults(result).map(([metric, criteria]) => (
        <div key={metric}>
          <p className="text-xs font-semibold text-slate-700 uppercase">{humanize(metric)}</p>
          <dl className="mt-1 space-y-0.5 text-sm">
            {criteria.map(([criterion, value]) => (
              <div key={criterion} className="flex items-center gap-2">
                <dt className="text-slate-600">{humanize(criterion)}</dt>
                <dd>
                  <Value value={value} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}

/** The last evaluation at a glance: interest if present, else the first criterion. */
export function EvaluationGlance({ result }: { result: Record<string, ResultValue> | null }) {
  if (!result) return <span className="text-slate-500">—</span>;
  const entries = Object.entries(result);
  const [key, value] = entries.find(([k]) => k.endsWith('.interested')) ?? entries[0] ?? [];
  if (key === undefined || value === undefined) return <span className="text-slate-500">—</span>;
  return (
    <span className="inline-flex items-center gap-1 text-sm">
      <span className="text-slate-600">{humanize(key.slice(key.indexOf('.') + 1))}:</span>{' '}
      <Value value={value} />
    </span>
  );
}
