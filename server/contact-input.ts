import type { ContactInput, ValidationIssue } from '../contract/schemas.ts';
import type { NormalizedContact } from './db/contacts.ts';
import { HttpError } from './errors.ts';
import { normalizePhone } from './phone.ts';

/**
 * Normalizes every number to E.164. Any unparseable number rejects the whole request
 * (422 naming each offending index) so that nothing is written.
 */
export function normalizeContacts(
  contacts: ContactInput[],
  countryCode: string | null,
  opts: { strictE164: boolean; field: string },
): { contacts: NormalizedContact[]; warnings: string[] } {
  const issues: ValidationIssue[] = [];
  const warnings: string[] = [];
  const normalized = contacts.map((contact, i) => {
    const phones: string[] = [];
    contact.phone_numbers.forEach((raw, j) => {
      const result = normalizePhone(raw, countryCode, opts.strictE164);
      if (!result.ok) {
        issues.push({ loc: ['body', opts.field, i, 'phone_numbers', j], msg: result.reason, type: 'phone_invalid' });
        return;
      }
      if (result.e164 !== raw) warnings.push(`${opts.field}[${i}].phone_numbers[${j}]: normalized "${raw}" to ${result.e164}`);
      if (phones.includes(result.e164)) {
        warnings.push(`${opts.field}[${i}].phone_numbers[${j}]: dropped duplicate number ${result.e164}`);
      } else {
        phones.push(result.e164);
      }
    });
    return { ...contact, phone_numbers: phones };
  });
  if (issues.length > 0) throw new HttpError(422, issues);
  return { contacts: normalized, warnings };
}
