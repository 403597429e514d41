import { z } from 'zod/mini';
import { normalizePhone, type Normalized } from '../../../../contract/phone';
import { contactInputSchema, type ContactInput } from '../../../../contract/schemas';

/**
 * One contact to import, with where it came from: `line` is the file line of a CSV row or the
 * 1-based position of a pasted JSON item. `problem` rows are never sent; `duplicateOf` is the
 * line of the later row with the same contact, imported instead of this one.
 */
export type ImportRow = {
  line: number;
  raw: Record<string, string>;
  input: ContactInput | null;
  problem: string | null;
  duplicateOf?: number;
};

const pastedSchema = z.union([z.array(z.unknown()), z.object({ contacts: z.array(z.unknown()) })]);

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** Pasted JSON: a list of contacts, or `{ "contacts": [...] }` as the API takes it. */
export function parseJsonContacts(text: string): { rows: ImportRow[] } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { error: `This is not valid JSON: ${(e as Error).message}` };
  }
  const shape = pastedSchema.safeParse(parsed);
  if (!shape.success) return { error: 'Paste a JSON list of contacts, or { "contacts": [...] }.' };
  const items = Array.isArray(shape.data) ? shape.data : shape.data.contacts;
  if (items.length === 0) return { error: 'The list is empty.' };
  const rows = items.map((item, i): ImportRow => {
    const raw = { json: JSON.stringify(item) };
    const contact = contactInputSchema.safeParse(item);
    if (contact.success) return { line: i + 1, raw, input: contact.data, problem: null };
    return { line: i + 1, raw, input: null, problem: describeIssue(contact.error.issues[0]!) };
  });
  return { rows };
}

export type PhoneCheck = (raw: string) => Normalized;

/**
 * The contract's phone rule with the configuration's calling code, remembering each number's
 * answer: every change of the column mapping checks the whole file again, and parsing 50,000
 * numbers takes about a second.
 */
export function phoneCheck(countryCode: string | null): PhoneCheck {
  const known = new Map<string, Normalized>();
  return (raw) => {
    let answer = known.get(raw);
    if (!answer) {
      answer = normalizePhone(raw, countryCode);
      known.set(raw, answer);
    }
    return answer;
  };
}

/**
 * Marks every row the server would refuse, and why, by the rules it applies: the contract's
 * contact schema (CSV cells are unchecked until here) and its phone rule. Only the rows that
 * pass are sent, so one typo no longer makes the server refuse a chunk of good rows.
 */
export function checkRows(rows: ImportRow[], checkPhone: PhoneCheck): ImportRow[] {
  return rows.map((row) => {
    if (!row.input) return row;
    const contact = contactInputSchema.safeParse(row.input);
    if (!contact.success) {
      return { ...row, input: null, problem: describeIssue(contact.error.issues[0]!) };
    }
    const reasons = contact.data.phone_numbers.flatMap((raw) => {
      const answer = checkPhone(raw);
      return answer.ok ? [] : [answer.reason];
    });
    if (reasons.length > 0) return { ...row, input: null, problem: reasons.join('; ') };
    return { ...row, input: contact.data };
  });
}

/**
 * Rows naming the same contact (id or external ID) as a later row are skipped, with why: the
 * API would let the later row overwrite the earlier one and count it as an update, so a file
 * holding one contact twice would report more contacts saved than exist. The later row wins,
 * as it would in one request.
 */
export function markDuplicates(rows: ImportRow[], unit: string): ImportRow[] {
  const keptBy = new Map<string, ImportRow>();
  const out = [...rows];
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (!row.input) continue;
    // Each key names what it is, so an id and an external ID never collide.
    const keys = [
      ...(row.input.id ? [`id "${row.input.id}"`] : []),
      ...(row.input.external_id ? [`external ID "${row.input.external_id}"`] : []),
    ];
    const clash = keys.find((key) => keptBy.has(key));
    if (clash) {
      const kept = keptBy.get(clash)!;
      out[i] = {
        ...row,
        input: null,
        duplicateOf: kept.line,
        problem: `Duplicate: the same ${clash} is on ${unit} ${kept.line}, which is imported instead`,
      };
      continue;
    }
    for (const key of keys) keptBy.set(key, row);
  }
  return out;
}

/** A number that more than one contact of the import dials, with the rows that have it. */
export type SharedNumber = { number: string; lines: number[] };

/** Numbers (as E.164) that two or more rows to be imported share: allowed, but worth a look. */
export function sharedNumbers(rows: ImportRow[], checkPhone: PhoneCheck): SharedNumber[] {
  const lines = new Map<string, number[]>();
  for (const row of rows) {
    if (!row.input) continue;
    const own = new Set<string>();
    for (const raw of row.input.phone_numbers) {
      const answer = checkPhone(raw);
      if (answer.ok) own.add(answer.e164);
    }
    for (const number of own) lines.set(number, [...(lines.get(number) ?? []), row.line]);
  }
  return [...lines]
    .filter(([, at]) => at.length > 1)
    .map(([number, at]) => ({ number, lines: at }));
}
