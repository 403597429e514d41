import type { ContactInput, ValidationIssue } from '../../contract/schemas.ts';
import type { NormalizedContact } from '../db/contacts.ts';
import { HttpError } from './errors.ts';
import { normalizePhone } from '../../contract/phone.ts';

/** Contacts normalized between yields to the event loop, 10 ms at a time, so a big request never holds it. */
const SLICE_MS = 10;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Normalizes every number to E.164. Any unparseable number rejects the whole request
 * (422 naming each offending index) so that nothing is written.
 */
export async function normalizeContacts(
  contacts: ContactInput[],
  countryCode: string | null,
  opts: { strictE164: boolean; field: string },
): Promise<{ contacts: NormalizedContact[]; warnings: string[] }> {
  const issues: ValidationIssue[] = [];
  const warnings: string[] = [];
  const normalized: NormalizedContact[] = [];
  let slice = performance.now();
  for (let i = 0; i < contacts.length; i++) {
    if (performance.now() - slice >= SLICE_MS) {
      await yieldToOthers();
      slice = performance.now();
    }
    const contact = contacts[i]!;
    const phones = new Set<string>();
    contact.phone_numbers.forEach((raw, j) => {
      const result = normalizePhone(raw, countryCode, opts.strictE164);
      if (!result.ok) {
        issues.push({
          loc: ['body', opts.field, i, 'phone_numbers', j],
          msg: result.reason,
          type: 'phone_invalid',
        });
        return;
      }
      if (result.e164 !== raw)
        warnings.push(
          `${opts.field}[${i}].phone_numbers[${j}]: normalized "${raw}" to ${result.e164}`,
        );
      if (phones.has(result.e164)) {
        warnings.push(
          `${opts.field}[${i}].phone_numbers[${j}]: dropped duplicate number ${result.e164}`,
        );
      } else {
        phones.add(result.e164);
      }
    });
    normalized.push({ ...contact, phone_numbers: [...phones] });
  }
  if (issues.length > 0) throw new HttpError(422, issues);
  return { contacts: normalized, warnings };
}
