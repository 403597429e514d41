import { Button } from '../../../components/button';
import { downloadCsv } from '../../../lib/csv-download';
import { formatCount, formatNumber } from '../../../lib/format';
import type { FailedRow, ImportReport } from './run-import';
import { compactHeadClass } from '../../../components/data-table/table-classes';

const LISTED = 50;

type NotSaved = FailedRow & { outcome: 'Skipped' | 'Failed' };

/** Every row not saved, in file order: skipped before or without a write, or failed by the server. */
function notSaved(report: ImportReport): NotSaved[] {
  return [
    ...report.skipped.map((f) => ({ ...f, outcome: 'Skipped' as const })),
    ...report.failed.map((f) => ({ ...f, outcome: 'Failed' as const })),
  ].sort((a, b) => a.line - b.line);
}

function downloadFailed(rows: NotSaved[], unit: string, filename: string) {
  const columns = [...new Set(rows.flatMap((f) => Object.keys(f.raw)))];
  downloadCsv(
    filename,
    [unit, 'outcome', 'reason', ...columns],
    rows.map((f) => [f.line, f.outcome, f.reason, ...columns.map((c) => f.raw[c] ?? '')]),
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
  // The first three are what the activity log records for the requests; skipped rows are in
  // no request's answer, so the log never counts them.
  const counts: [string, number][] = [
    ['Inserted', report.inserted],
    ['Updated', report.updated],
    ['Failed', report.failed.length],
    ['Skipped', report.skipped.length],
    ['Warnings', report.warnings.length],
  ];
  const rows = notSaved(report);
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
      <dl aria-label="Import result" className="grid grid-cols-3 gap-2 text-center sm:grid-cols-5">
        {counts.map(([label, n]) => (
          <div key={label} className="rounded-md bg-slate-50 p-2">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{formatNumber(n)}</dd>
          </div>
        ))}
      </dl>
      {rows.length > 0 && (
        <div className="space-y-2">
          <table className="w-full text-left text-sm">
            <caption className="text-left text-sm font-medium">Rows not imported</caption>
            <thead className={compactHeadClass}>
              <tr>
                <th className="pr-2 capitalize">{unit}</th>
                <th className="pr-2">Outcome</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, LISTED).map((f, i) => (
                <tr key={i} className="border-t border-slate-200 align-top">
                  <td className="pr-2 tabular-nums">{f.line}</td>
                  <td className="pr-2">{f.outcome}</td>
                  <td className="wrap-anywhere">{f.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > LISTED && (
            <p className="text-sm text-slate-600">
              And {formatNumber(rows.length - LISTED)} more in the download.
            </p>
          )}
          <Button onClick={() => downloadFailed(rows, unit, filename)}>
            Download failed rows (CSV)
          </Button>
        </div>
      )}
      {report.warnings.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">
            {formatNumber(report.warnings.length)} warnings (numbers rewritten, duplicates dropped)
          </summary>
          <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 wrap-anywhere">
            {report.warnings.slice(0, LISTED * 4).map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/**
 * Saved, skipped, failed and not sent: every row of the file is in exactly one of them. "Saved"
 * counts contacts as the server's answers do (inserted + updated): duplicate rows are skipped
 * before sending, so it is the number of contacts the file holds that exist now.
 */
function ImportSummary({ report }: { report: ImportReport }) {
  const saved = report.inserted + report.updated;
  const parts = [
    `Saved ${formatCount(saved, 'contact')} from ${formatCount(report.total, 'row')} (${formatNumber(report.inserted)} new, ${formatNumber(report.updated)} updated).`,
  ];
  const unsaved = [
    ...(report.skipped.length > 0 ? [`${formatNumber(report.skipped.length)} skipped`] : []),
    ...(report.failed.length > 0 ? [`${formatNumber(report.failed.length)} failed`] : []),
  ];
  if (unsaved.length > 0) {
    parts.push(`${unsaved.join(' and ')}, each listed below with why.`);
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
