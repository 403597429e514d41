import { describe, expect, it } from 'vitest';
import { guessMapping, mapCsvRows, parseCsv } from './csv-import';

describe('parseCsv', () => {
  it('gives each row the file line it starts on, across quoted line breaks, blank lines, CRLF and a BOM', () => {
    const table = parseCsv(
      '\uFEFFname,phone\r\n"Ada\r\nLovelace",555\r\n\r\nBob,666\r\n,\r\nCy , 777 ',
    );
    expect(table.headers).toEqual(['name', 'phone']);
    expect(table.rows).toEqual([
      { line: 2, values: ['Ada\r\nLovelace', '555'] },
      { line: 5, values: ['Bob', '666'] },
      { line: 7, values: ['Cy', '777'] },
    ]);
  });

  it('names unnamed columns and maps several numbers in one cell, without duplicates', () => {
    const table = parseCsv('id,,Phone\nx1,hello,+1 415 555 0101; +1 415 555 0102|+1 415 555 0101');
    expect(table.headers).toEqual(['id', 'Column 2', 'Phone']);
    const mapping = guessMapping(table.headers);
    expect(mapping).toEqual({ phoneColumns: [2], externalIdColumn: 0, dataColumns: [1] });
    expect(mapCsvRows(table, mapping)[0]!.input).toEqual({
      external_id: 'x1',
      phone_numbers: ['+1 415 555 0101', '+1 415 555 0102'],
      data: { 'Column 2': 'hello' },
    });
  });
});
