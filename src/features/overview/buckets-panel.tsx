import type { Stats } from '../../../contract/schemas';
import { Panel } from '../../components/panel';
import { formatNumber } from '../../lib/format';

// The counts are the chart: a bar chart of the same five numbers repeated them.
const COUNTS = [
  { key: 'total', label: 'Total' },
  { key: 'pending', label: 'Pending' },
  { key: 'in_progress', label: 'In progress' },
  { key: 'completed', label: 'Completed' },
  { key: 'exhausted', label: 'Exhausted' },
] as const;

export function BucketsPanel({ stats }: { stats: Stats }) {
  const { contacts, attempts } = stats;
  const done = contacts.completed + contacts.exhausted;
  const percent = contacts.total === 0 ? 0 : Math.round((done / contacts.total) * 1000) / 10;
  return (
    <Panel title="Contacts">
      {/* Five to a row while they fit; a campaign of a million contacts wraps rather than
          running its counts into each other on a phone. */}
      <dl className="mt-3 flex flex-wrap gap-x-1 gap-y-3 text-center">
        {COUNTS.map((b) => (
          <div key={b.key} className="flex-1 basis-14">
            <dt className="text-xs text-slate-500">{b.label}</dt>
            <dd className="text-xl font-semibold whitespace-nowrap tabular-nums">
              {formatNumber(contacts[b.key])}
            </dd>
          </div>
        ))}
      </dl>
      <div className="mt-4">
        <div className="flex justify-between text-sm">
          <span id="progress-label">Progress (completed + exhausted)</span>
          <span className="tabular-nums">{percent}%</span>
        </div>
        <div
          role="progressbar"
          aria-labelledby="progress-label"
          aria-valuemin={0}
          aria-valuemax={contacts.total}
          aria-valuenow={done}
          aria-valuetext={`${formatNumber(done)} of ${formatNumber(contacts.total)} contacts finished`}
          className="mt-1 h-3 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-emerald-600" style={{ width: `${percent}%` }} />
        </div>
      </div>
      <p className="mt-4 text-sm text-slate-700">
        <span className="font-semibold tabular-nums">{formatNumber(attempts.total)}</span> attempts,
        on average{' '}
        <span className="font-semibold tabular-nums">
          {attempts.average_per_contact.toFixed(2)}
        </span>{' '}
        per contact
      </p>
    </Panel>
  );
}
