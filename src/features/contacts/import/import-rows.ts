import { z } from 'zod/mini';
import { normalizePhone, type Normalized } from '../../../../contract/phone';
import { contactInputSchema, type ContactInput } from '../../../../contract/schemas';

/**
 * One contact to import, with where it came from: `line` is the file line of a CSV row or the
 * 1-based position of a pasted JSON item. `problem` rows are never sent.
 */
export type ImportRow = {
  line: number;
  raw: Record<string, string>;
  input: ContactInput | null;
  problem: string | null;
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
