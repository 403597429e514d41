import { formatCount, formatNumber } from '../../../lib/format';
import { asText, truncate } from '../contact-display';
import type { ImportRow } from './import-rows';

const SHOWN = 5;

/** The first rows as they will be sent, and every row that will not be. */
export function ImportPreview({ rows, unit }: { rows: ImportRow[]; unit: string }) {
  const problems = rows.filter((r) => r.problem);
  return (
    <div className="space-y-2">
      <table className="w-full text-left text-sm">
        <caption className="text-left text-sm font-medium">
          Preview of the first {Math.min(SHOWN, rows.length)} of {formatCount(rows.length, 'row')}
        </caption>
        <thead className="text-xs text-slate-600">
          <tr>
            <th className="py-1 pr-2 capitalize">{unit}</th>
            <th className="py-1 pr-2">External ID</th>
            <th className="py-1 pr-2">Phone numbers</th>
            <th className="py-1">Data</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((row) => (
            <tr key={row.line} className="border-t border-slate-200 align-top">
              <td className="py-1 pr-2 tabular-nums">{row.line}</td>
              <td className="py-1 pr-2">{row.input?.external_id ?? '—'}</td>
              <td className="py-1 pr-2">
                {row.input ? (
                  row.input.phone_numbers.join(', ')
                ) : (
                  <span className="rounded bg-rose-100 px-1.5 text-xs text-rose-900">
                    {row.problem}
                  </span>
                )}
              </td>
              <td className="py-1 break-all">
                {row.input?.data ? truncate(asText(row.input.data), 80).text : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > 0 && (
        <p className="text-sm text-amber-900">
          {formatCount(problems.length, 'row')} will be skipped and listed in the report:{' '}
          {describeProblems(problems, unit)}
        </p>
      )}
    </div>
  );
}

function describeProblems(problems: ImportRow[], unit: string): string {
  const first = problems.slice(0, 5).map((p) => `${unit} ${p.line} (${p.problem})`);
  const more = problems.length > 5 ? `, and ${formatNumber(problems.length - 5)} more` : '';
  return `${first.join(', ')}${more}.`;
}
