import type { ReactNode } from 'react';
import { inputClass } from '../../../components/field';
import type { CsvMapping } from './csv-import';

function ColumnChecklist({
  legend,
  headers,
  checked,
  onChange,
  children,
}: {
  legend: string;
  headers: string[];
  checked: number[];
  onChange: (checked: number[]) => void;
  children?: ReactNode;
}) {
  const toggle = (i: number, on: boolean) =>
    onChange(on ? [...checked, i].sort((a, b) => a - b) : checked.filter((x) => x !== i));
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {headers.map((h, i) => (
          <label key={i} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={checked.includes(i)}
              onChange={(e) => toggle(i, e.target.checked)}
            />
            {h}
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

/** Which CSV columns dial, which identifies the contact, and which are kept in `data`. */
export function CsvMappingForm({
  headers,
  mapping,
  onChange,
}: {
  headers: string[];
  mapping: CsvMapping;
  onChange: (mapping: CsvMapping) => void;
}) {
  return (
    <div className="space-y-4">
      <ColumnChecklist
        legend="Phone number columns"
        headers={headers}
        checked={mapping.phoneColumns}
        onChange={(phoneColumns) => onChange({ ...mapping, phoneColumns })}
      >
        {mapping.phoneColumns.length === 0 && (
          <p className="mt-1 text-sm text-red-800">
            Choose at least one column with phone numbers.
          </p>
        )}
      </ColumnChecklist>
      <label className="block text-sm font-medium">
        External ID column
        <select
          className={inputClass}
          value={mapping.externalIdColumn ?? ''}
          onChange={(e) =>
            onChange({
              ...mapping,
              externalIdColumn: e.target.value === '' ? null : Number(e.target.value),
            })
          }
        >
          <option value="">None (every row is a new contact)</option>
          {headers.map((h, i) => (
            <option key={i} value={i}>
              {h}
            </option>
          ))}
        </select>
      </label>
      <ColumnChecklist
        legend="Keep in contact data"
        headers={headers}
        checked={mapping.dataColumns}
        onChange={(dataColumns) => onChange({ ...mapping, dataColumns })}
      />
    </div>
  );
}
