import { Button } from '../../../components/button';
import { downloadCsv } from '../../../lib/csv-download';
import { formatCount, formatNumber } from '../../../lib/format';
import type { ImportReport } from './run-import';

const LISTED = 50;

function downloadFailed(report: ImportReport, unit: string, filename: string) {
  const columns = [...new Set(report.failed.flatMap((f) => Object.keys(f.raw)))];
  downloadCsv(
    filename,
    [unit, 'reason', ...columns],
    report.failed.map((f) => [f.line, f.reason, ...columns.map((c) => f.raw[c] ?? '')]),
  );
}

export function ImportReportView({
  report,
  unit,
  filename,
  running,
}: {
  report: ImportReport;
  unit: string;
  filename: string;
  running: boolean;
}) {
  const counts: [string, number][] = [
    ['Inserted', report.inserted],
    ['Updated', report.updated],
    ['Failed', report.failed.length],
    ['Warnings', report.warnings.length],
  ];
  return (
    <div className="space-y-3">
      {report.stopped && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900">
          {report.stopped}
        </p>
      )}
      {report.cancelled && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          Import cancelled after {formatNumber(report.done)} of {formatNumber(report.total)} rows.
        </p>
      )}
      {!running && <ImportSummary report={report} />}
      <dl aria-label="Import result" className="grid grid-cols-4 gap-2 text-center">
        {counts.map(([label, n]) => (
          <div key={label} className="rounded-md bg-slate-50 p-2">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{formatNumber(n)}</dd>
          </div>
        ))}
      </dl>
      {report.failed.length > 0 && (
        <div className="space-y-2">
          <table className="w-full text-left text-sm">
            <caption className="text-left text-sm font-medium">Rows not imported</caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th className="pr-2 capitalize">{unit}</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.failed.slice(0, LISTED).map((f, i) => (
                <tr key={i} className="border-t border-slate-200 align-top">
                  <td className="pr-2 tabular-nums">{f.line}</td>
                  <td>{f.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.failed.length > LISTED && (
            <p className="text-sm text-slate-600">
              And {formatNumber(report.failed.length - LISTED)} more in the download.
            </p>
          )}
          <Button onClick={() => downloadFailed(report, unit, filename)}>
            Download failed rows (CSV)
          </Button>
        </div>
      )}
      {report.warnings.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">
            {formatNumber(report.warnings.length)} warnings (numbers rewritten, duplicates dropped)
          </summary>
          <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5">
            {report.warnings.slice(0, LISTED * 4).map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Saved, not saved and not sent: every row of the file is in exactly one of them. */
function ImportSummary({ report }: { report: ImportReport }) {
  const saved = report.done - report.failed.length;
  const parts = [`Saved ${formatNumber(saved)} of ${formatCount(report.total, 'row')}.`];
  if (report.failed.length > 0) {
    parts.push(`${formatNumber(report.failed.length)} not saved, each listed below with why.`);
  }
  if (report.unsent.length > 0) {
    parts.push(
      `${formatNumber(report.unsent.length)} not sent yet: Resume import sends them, and nothing already saved.`,
    );
  }
  return (
    <p role="status" className="text-sm font-medium">
      {parts.join(' ')}
    </p>
  );
}
