import Papa from 'papaparse';

/**
 * Cells a spreadsheet would run as a formula get a leading quote: contact data is untrusted
 * and may be written to trigger exactly that. A leading + or - is left alone only on plain
 * numbers, so "+14155550123" stays a phone number.
 */
const FORMULA = /^[=@\t\r]|^[+-](?![\d\s().-]*$)/;

export function downloadCsv(filename: string, fields: string[], rows: (string | number)[][]): void {
  const text = Papa.unparse({ fields, data: rows }, { escapeFormulae: FORMULA });
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
