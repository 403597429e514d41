import Papa from 'papaparse';

/** A cell a spreadsheet would run as a formula: it starts with = + - @, a tab or a return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Left readable: a plain number, or E.164 numbers separated by "; " (a phone column). */
const SAFE = /^[+-]?\d+(\.\d+)?$|^\+[1-9]\d{6,14}(; \+[1-9]\d{6,14})*$/;
/** Quoted, so no locale's spreadsheet splits the cell (Excel splits on ; in many locales). */
const SPLITS = /[;,"\r\n]/;

/**
 * Contact data is untrusted and may be written to run in a spreadsheet: OWASP's CSV-injection
 * advice is applied to every cell, which is prefixed with ' when it starts like a formula.
 */
export function toCsv(fields: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return FORMULA_START.test(text) && !SAFE.test(text) ? `'${text}` : text;
  };
  return Papa.unparse(
    { fields, data: rows.map((row) => row.map(cell)) },
    { quotes: (value: unknown) => SPLITS.test(String(value)) },
  );
}

export function downloadCsv(filename: string, fields: string[], rows: (string | number)[][]): void {
  const text = toCsv(fields, rows);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // The click has handed the blob to the download; release it once that has started.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a campaign name: lower case, dashes, nothing a file system dislikes. */
export function fileSlug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'campaign'
  );
}
