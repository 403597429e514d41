// One rule for every CSV a user downloads: contact data is untrusted and may be written to run
// as a formula when the file is opened in a spreadsheet (OWASP's CSV injection advice).

/**
 * Starts like a formula somewhere: = + - @, or a tab, return, line feed, space, no-break space
 * or byte order mark that a spreadsheet may skip before one, or the full-width ＝ ＋ － ＠ that
 * some convert to their ASCII forms.
 */
const FORMULA_START = /^[=+\-@\t\r\n \u00a0\ufeff\uff1d\uff0b\uff0d\uff20]/;
/** Left readable: a plain number, or E.164 numbers separated by "; " (a phone column). */
const SAFE = /^[+-]?\d+(\.\d+)?$|^\+[1-9]\d{6,14}(; \+[1-9]\d{6,14})*$/;
/**
 * Quoted: a separator (Excel splits on ; in many locales, some importers on tabs), a quote or
 * a line break anywhere, or a space at either end that an importer might trim.
 */
const NEEDS_QUOTES = /[\t\r\n,;"]|^ | $/;

/** One cell of a CSV line: prefixed with ' when it starts like a formula, quoted when needed. */
export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = FORMULA_START.test(text) && !SAFE.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole CSV file: a header line and one line per row, CRLF-separated. */
export function csvText(fields: string[], rows: (string | number)[][]): string {
  return [fields, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}
