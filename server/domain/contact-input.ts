import type { ContactInput, ValidationIssue } from '../../contract/schemas.ts';
import type { NormalizedContact, RowWarning } from '../db/contacts.ts';
import { HttpError } from './errors.ts';
import { normalizePhone } from '../../contract/phone.ts';
import { zoneOfNumber } from './phone-zones.ts';
import { isUsableTimezone } from './timezones.ts';

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
  opts: { strictE164: boolean; field: string; at?: Date },
): Promise<{ contacts: NormalizedContact[]; warnings: (string | RowWarning)[] }> {
  const at = opts.at ?? new Date();
  const issues: ValidationIssue[] = [];
  const warnings: (string | RowWarning)[] = [];
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
    const numbers = [...phones];
    normalized.push({
      ...contact,
      phone_numbers: numbers,
      ...(await zoneOf(contact, numbers[0], at, (message) =>
        warnings.push({
          index: i,
          code: 'timezone_unknown',
          message: `${opts.field}[${i}]: ${message}`,
        }),
      )),
    });
  }
  if (issues.length > 0) throw new HttpError(422, issues);
  return { contacts: normalized, warnings };
}

/**
 * The contact's zone: `data.timezone` when it names a known zone, else its first number's
 * (null when the mapping cannot tell one).
 */
export async function zoneOf(
  contact: ContactInput,
  first: string | undefined,
  at: Date,
  warn: (message: string) => void,
): Promise<Pick<NormalizedContact, 'timezone' | 'timezone_source'>> {
  const given = contact.data?.timezone;
  if (typeof given === 'string' && isUsableTimezone(given))
    return { timezone: given, timezone_source: 'data' };
  if (given !== undefined)
    warn(
      `data.timezone ${JSON.stringify(given).slice(0, 80)} is not a known time zone; the number's is used`,
    );
  const zone = first === undefined ? null : await zoneOfNumber(first, at);
  return { timezone: zone, timezone_source: zone === null ? null : 'phone' };
}
