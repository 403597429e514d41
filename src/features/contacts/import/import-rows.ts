import { z } from 'zod/mini';
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
    const issue = contact.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return { line: i + 1, raw, input: null, problem: `${where}${issue.message}` };
  });
  return { rows };
}
