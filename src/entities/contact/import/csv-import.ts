import Papa from 'papaparse';
import type { ContactInput } from '../../../../contract/schemas';
import type { ImportRow } from './import-rows';

export type CsvTable = {
  headers: string[];
  /** Data rows with the file line each starts on, so errors can point into the file. */
  rows: { line: number; values: string[] }[];
};

export type CsvMapping = {
  phoneColumns: number[];
  externalIdColumn: number | null;
  dataColumns: number[];
};

const newlines = (s: string) => s.match(/\n/g)?.length ?? 0;

export function parseCsv(file: string): CsvTable {
  const text = file.replace(/^\uFEFF/, '');
  const rows: CsvTable['rows'] = [];
  let headers: string[] | null = null;
  let line = 1; // the line at `last`
  let last = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: 'greedy',
    step: (result) => {
      // The cursor sits after the row's line break. The row ends on the line before it and
      // starts as many lines earlier as its quoted values hold line breaks.
      const end =
        text[result.meta.cursor - 1] === '\n' ? result.meta.cursor - 1 : result.meta.cursor;
      const endLine = line + newlines(text.slice(last, end));
      const rowLine = endLine - result.data.reduce((n, v) => n + newlines(v), 0);
      line += newlines(text.slice(last, result.meta.cursor));
      last = result.meta.cursor;
      const values = result.data.map((v) => v.trim());
      if (headers === null) headers = values.map((h, i) => h || `Column ${i + 1}`);
      else rows.push({ line: rowLine, values });
    },
  });
  return { headers: headers ?? [], rows };
}

const PHONE_HEADER = /phone|mobile|cell|tel|number/i;
const EXTERNAL_ID_HEADER = /^(external[ _-]?id|id|contact[ _-]?id|customer[ _-]?id)$/i;

/** A first guess the user can change: phone-like headers dial, an id-like one identifies. */
export function guessMapping(headers: string[]): CsvMapping {
  const phoneColumns = headers.flatMap((h, i) => (PHONE_HEADER.test(h) ? [i] : []));
  const externalIdColumn = headers.findIndex((h) => EXTERNAL_ID_HEADER.test(h));
  const mapped = (i: number) => phoneColumns.includes(i) || i === externalIdColumn;
  return {
    phoneColumns,
    externalIdColumn: externalIdColumn === -1 ? null : externalIdColumn,
    dataColumns: headers.flatMap((_, i) => (mapped(i) ? [] : [i])),
  };
}

/** One cell may hold several numbers ("+44 20 7946 0000; +44 7700 900000"). */
function phonesOf(values: string[], columns: number[]): string[] {
  const phones = columns.flatMap((c) => (values[c] ?? '').split(/[;|]/)).map((p) => p.trim());
  return [...new Set(phones.filter(Boolean))];
}

export function mapCsvRows(table: CsvTable, mapping: CsvMapping): ImportRow[] {
  return table.rows.map(({ line, values }) => {
    const raw = Object.fromEntries(table.headers.map((h, i) => [h, values[i] ?? '']));
    const phone_numbers = phonesOf(values, mapping.phoneColumns);
    if (phone_numbers.length === 0) return { line, raw, input: null, problem: 'No phone number' };
    const input: ContactInput = { phone_numbers };
    const externalId =
      mapping.externalIdColumn === null ? '' : (values[mapping.externalIdColumn] ?? '');
    if (externalId) input.external_id = externalId;
    const data = Object.fromEntries(
      mapping.dataColumns.flatMap((c) => (values[c] ? [[table.headers[c]!, values[c]]] : [])),
    );
    if (Object.keys(data).length > 0) input.data = data;
    return { line, raw, input, problem: null };
  });
}
