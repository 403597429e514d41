import { formatCount, formatNumber } from '../../../lib/format';
import { asText, truncate } from '../contact-display';
import type { ImportRow } from './import-rows';

const SHOWN = 5;
const LISTED = 50;

/** The first rows as they will be sent, and every row that will not be, with why. */
export function ImportPreview({
  rows,
  unit,
  countryCode,
}: {
  rows: ImportRow[];
  unit: string;
  countryCode: string;
}) {
  const problems = rows.filter((r) => r.problem);
  return (
    <div className="space-y-3">
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
      <p className="text-sm text-slate-600">
        Numbers without a country code are read as {countryCode}, the campaign&apos;s default
        country code.
      </p>
      {problems.length > 0 && <BadRows rows={problems} total={rows.length} unit={unit} />}
    </div>
  );
}

function BadRows({ rows, total, unit }: { rows: ImportRow[]; total: number; unit: string }) {
  return (
    <div className="space-y-1 rounded-md bg-amber-50 p-3">
      <table className="w-full text-left text-sm text-amber-950">
        <caption className="text-left font-medium">
          {formatNumber(rows.length)} of {formatCount(total, 'row')} will not be imported
        </caption>
        <thead className="text-xs">
          <tr>
            <th className="py-1 pr-2 capitalize">{unit}</th>
            <th className="py-1">Reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, LISTED).map((row) => (
            <tr key={row.line} className="border-t border-amber-200 align-top">
              <td className="py-1 pr-2 tabular-nums">{row.line}</td>
              <td className="py-1 break-all">{row.problem}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-sm text-amber-950">
        {rows.length > LISTED && `And ${formatNumber(rows.length - LISTED)} more. `}
        The other rows are imported; the report lists these with a CSV download to fix them.
      </p>
    </div>
  );
}
