import { formatNumber } from '../../../lib/format';
import type { ImportReport } from './run-import';

export function ImportProgress({ report }: { report: ImportReport }) {
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={report.total}
        aria-valuenow={report.done}
        className="h-3 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full bg-indigo-700 transition-[width]"
          style={{ width: `${(100 * report.done) / Math.max(1, report.total)}%` }}
        />
      </div>
      <p className="text-sm tabular-nums" aria-live="polite">
        {formatNumber(report.done)} of {formatNumber(report.total)} rows done
      </p>
    </div>
  );
}
