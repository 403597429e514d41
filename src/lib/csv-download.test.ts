import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv } from './csv-download';

const cells = (csv: string) => Papa.parse<string[]>(csv).data[1]!;

describe('CSV export of untrusted contact data', () => {
  it('prefixes cells that start like a formula, as OWASP advises', () => {
    const csv = toCsv(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      [['=1+1', '+cmd|calc', '-2+3', '@SUM(A1)', '\tx', '\ry']],
    );
    expect(cells(csv)).toEqual(["'=1+1", "'+cmd|calc", "'-2+3", "'@SUM(A1)", "'\tx", "'\ry"]);
  });

  it('quotes any cell with ; , quotes or line breaks, so no locale splits a formula into its own cell', () => {
    const csv = toCsv(['note'], [['safe;=HYPERLINK("http://evil")']]);
    expect(csv.split('\r\n')[1]).toBe('"safe;=HYPERLINK(""http://evil"")"');
    expect(cells(csv)).toEqual(['safe;=HYPERLINK("http://evil")']);
    expect(
      toCsv(['x'], [['a,b'], ['line\nbreak'], ['plain']])
        .split('\r\n')
        .slice(1),
    ).toEqual(['"a,b"', '"line\nbreak"', 'plain']);
  });

  it('keeps phone numbers and plain numbers readable', () => {
    const csv = toCsv(
      ['phones', 'n', 'neg'],
      [['+14155550123; +442071234567', '+14155550123', -5]],
    );
    expect(cells(csv)).toEqual(['+14155550123; +442071234567', '+14155550123', '-5']);
  });
});
