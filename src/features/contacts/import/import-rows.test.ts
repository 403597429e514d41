import { describe, expect, it } from 'vitest';
import { checkRows, phoneCheck, type ImportRow } from './import-rows';

const row = (line: number, input: ImportRow['input']): ImportRow => ({
  line,
  raw: {},
  input,
  problem: null,
});

describe('checkRows', () => {
  it('refuses what the server would, by the contract schema and phone rule, and passes the rest as the server reads it', () => {
    const rows = checkRows(
      [
        row(2, { external_id: ' a-1 ', phone_numbers: ['020 7946 0018'] }),
        row(3, { external_id: 'a/2', phone_numbers: ['020 7946 0019'] }),
        row(4, { phone_numbers: Array.from({ length: 11 }, (_, i) => `020 7946 00${10 + i}`) }),
        row(5, { phone_numbers: ['12345', '+44 20 7946 0020', 'x'] }),
        { line: 6, raw: {}, input: null, problem: 'No phone number' },
      ],
      phoneCheck('+44'),
    );
    expect(rows.map((r) => [r.line, r.problem])).toEqual([
      [2, null],
      [
        3,
        'external_id: external_id cannot contain / ? # % \\ or be . or .., since it is used in URLs',
      ],
      [4, 'phone_numbers: At most 10 phone numbers per contact'],
      [5, '"12345" is not a possible phone number; "x" cannot be parsed as a phone number'],
      [6, 'No phone number'],
    ]);
    expect(rows[0]!.input).toEqual({ external_id: 'a-1', phone_numbers: ['020 7946 0018'] });
    expect(rows.slice(1).every((r) => r.input === null)).toBe(true);
  });

  it('reads national numbers with the calling code it is given', () => {
    const [uk] = checkRows([row(2, { phone_numbers: ['020 7946 0018'] })], phoneCheck('+44'));
    const [us] = checkRows([row(2, { phone_numbers: ['020 7946 0018'] })], phoneCheck('+1'));
    expect(uk!.problem).toBeNull();
    expect(us!.problem).toMatch(/020 7946 0018/);
  });
});
