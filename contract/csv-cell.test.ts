import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from './csv-cell.ts';

const cells = (csv: string) => Papa.parse<string[]>(csv, { delimiter: ',' }).data[1]!;

describe('CSV export of untrusted contact data', () => {
  it('prefixes cells that start like a formula, as OWASP advises', () => {
    const csv = csvText(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      [['=1+1', '+cmd|calc', '-2+3', '@SUM(A1)', '\tx', '\ry']],
    );
    expect(cells(csv)).toEqual(["'=1+1", "'+cmd|calc", "'-2+3", "'@SUM(A1)", "'\tx", "'\ry"]);
  });

  it('prefixes a formula behind a space, no-break space, byte order mark or line feed', () => {
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('\u00a0=1+1')).toBe("'\u00a0=1+1");
    expect(csvCell('\ufeff=1+1')).toBe("'\ufeff=1+1");
    expect(csvCell('\n=1+1')).toBe(`"'\n=1+1"`);
  });

  it('prefixes the full-width ＝ ＋ － ＠ that spreadsheets may read as their ASCII forms', () => {
    expect(['＝1+1', '＋1', '－1', '＠SUM(A1)'].map(csvCell)).toEqual([
      "'＝1+1",
      "'＋1",
      "'－1",
      "'＠SUM(A1)",
    ]);
  });

  it('quotes a cell with a tab inside, so a tab-splitting importer cannot start a formula', () => {
    expect(csvCell('a\t=b')).toBe('"a\t=b"');
    expect(cells(csvText(['x', 'y'], [['a\t=b', 'next']]))).toEqual(['a\t=b', 'next']);
  });

  it('quotes any cell with ; , quotes or line breaks, so no locale splits a formula into its own cell', () => {
    const csv = csvText(['note'], [['safe;=HYPERLINK("http://evil")']]);
    expect(csv.split('\r\n')[1]).toBe('"safe;=HYPERLINK(""http://evil"")"');
    expect(cells(csv)).toEqual(['safe;=HYPERLINK("http://evil")']);
    expect(
      csvText(['x'], [['a,b'], ['line\nbreak'], ['cr\rhere'], ['plain']])
        .split('\r\n')
        .slice(1),
    ).toEqual(['"a,b"', '"line\nbreak"', '"cr\rhere"', 'plain']);
  });

  it('keeps phone numbers and plain numbers readable, and plain text as it is', () => {
    const csv = csvText(
      ['phones', 'n', 'neg', 'name'],
      [['+14155550123; +442071234567', '+14155550123', -5, 'Ada Lovelace']],
    );
    expect(cells(csv)).toEqual([
      '+14155550123; +442071234567',
      '+14155550123',
      '-5',
      'Ada Lovelace',
    ]);
    expect(csv.split('\r\n')[1]).toBe('"+14155550123; +442071234567",+14155550123,-5,Ada Lovelace');
  });

  it('applies the same rule to the header line', () => {
    expect(csvText(['=cmd', 'ok'], []).split('\r\n')).toEqual(["'=cmd,ok"]);
  });
});
