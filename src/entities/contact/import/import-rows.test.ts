import { describe, expect, it } from 'vitest';
import {
  checkRows,
  markDuplicates,
  phoneCheck,
  sharedNumbers,
  type ImportRow,
} from './import-rows';

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

  it('skips a row naming the same contact as a later one, by external ID or id, keeping the later', () => {
    const rows = markDuplicates(
      [
        row(1, { external_id: 'a', phone_numbers: ['+14155550101'] }),
        row(2, { id: 'c-1', phone_numbers: ['+14155550102'] }),
        row(3, { external_id: 'a', phone_numbers: ['+14155550103'] }),
        { line: 4, raw: {}, input: null, problem: 'No phone number' },
        row(5, { id: 'c-1', external_id: 'b', phone_numbers: ['+14155550105'] }),
        row(6, { external_id: 'c-1', phone_numbers: ['+14155550106'] }),
      ],
      'item',
    );
    expect(rows.map((r) => [r.line, r.duplicateOf, r.problem])).toEqual([
      [1, 3, 'Duplicate: the same external ID "a" is on item 3, which is imported instead'],
      [2, 5, 'Duplicate: the same id "c-1" is on item 5, which is imported instead'],
      [3, undefined, null],
      [4, undefined, 'No phone number'],
      [5, undefined, null],
      // An external ID equal to another row's id is another contact.
      [6, undefined, null],
    ]);
    expect(rows.filter((r) => r.input).map((r) => r.line)).toEqual([3, 5, 6]);
  });

  it('finds numbers that several rows to import share, as the server will store them', () => {
    const shared = sharedNumbers(
      [
        row(2, { phone_numbers: ['020 7946 0018', '+44 20 7946 0018'] }),
        row(3, { phone_numbers: ['+442079460018'] }),
        row(4, { phone_numbers: ['020 7946 0019'] }),
        { line: 5, raw: {}, input: null, problem: 'Duplicate' },
      ],
      phoneCheck('+44'),
    );
    expect(shared).toEqual([{ number: '+442079460018', lines: [2, 3] }]);
  });
});
