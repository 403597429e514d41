import { formatCount, formatNumber } from '../../../lib/format';
import { asText, truncate } from '../contact-display';
import type { ImportRow, SharedNumber } from './import-rows';
import { compactHeadClass } from '../../../components/data-table/table-classes';

const SHOWN = 5;
const LISTED = 50;

/**
 * The first rows as they will be sent, what the file holds (rows, contacts, duplicates), every
 * row that will not be sent with why, and numbers that several contacts share.
 */
export function ImportPreview({
  rows,
  shared,
  unit,
  countryCode,
}: {
  rows: ImportRow[];
  shared: SharedNumber[];
  unit: string;
  countryCode: string;
}) {
  const problems = rows.filter((r) => r.problem);
  const duplicates = problems.filter((r) => r.duplicateOf !== undefined).length;
  const contacts = rows.length - problems.length;
  return (
    <div className="space-y-3">
      <p className="text-sm font-medium">
        {formatCount(rows.length, 'row')}: {formatCount(contacts, 'contact')} to import
        {duplicates > 0 && `, ${formatCount(duplicates, 'duplicate row')}`}
        {problems.length > duplicates &&
          `, ${formatCount(problems.length - duplicates, 'row')} with a problem`}
        .
      </p>
      <table className="w-full text-left text-sm">
        <caption className="text-left text-sm font-medium">
          Preview of the first {Math.min(SHOWN, rows.length)} of {formatCount(rows.length, 'row')}
        </caption>
        <thead className={compactHeadClass}>
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
      {shared.length > 0 && <SharedNumbers shared={shared} unit={unit} />}
    </div>
  );
}

function SharedNumbers({ shared, unit }: { shared: SharedNumber[]; unit: string }) {
  return (
    <div className="space-y-1 rounded-md bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">
        {shared.length === 1
          ? '1 phone number belongs to more than one contact'
          : `${formatNumber(shared.length)} phone numbers belong to more than one contact`}
      </p>
      <ul aria-label="Shared phone numbers" className="list-disc pl-5">
        {shared.slice(0, LISTED).map((s) => (
          <li key={s.number}>
            {s.number}: {unit}s {s.lines.map(formatNumber).join(', ')}
          </li>
        ))}
      </ul>
      <p>
        {shared.length > LISTED && `And ${formatNumber(shared.length - LISTED)} more. `}
        They are imported as separate contacts, and each may be called.
      </p>
    </div>
  );
}

function BadRows({ rows, total, unit }: { rows: ImportRow[]; total: number; unit: string }) {
  return (
    <div className="space-y-1 rounded-md bg-amber-50 p-3">
      <table className="w-full text-left text-sm text-amber-950">
        <caption className="text-left font-medium">
          {formatNumber(rows.length)} of {formatCount(total, 'row')} will be skipped
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
        They are not sent; the report lists them with a CSV download to fix them.
      </p>
    </div>
  );
}
