import {
  parsePhoneNumberWithError,
  getCountries,
  getCountryCallingCode,
  type CountryCode,
} from 'libphonenumber-js';
import { DEFAULT_COUNTRY_CODE, E164 } from './schemas.ts';

// The first region listed for a calling code is its main one (US for +1, GB for +44).
const regionByCallingCode = new Map<string, CountryCode>();
for (const country of getCountries()) {
  const code = `+${getCountryCallingCode(country)}`;
  if (!regionByCallingCode.has(code)) regionByCallingCode.set(code, country);
}
regionByCallingCode.set('+1', 'US');
regionByCallingCode.set('+44', 'GB');
regionByCallingCode.set('+7', 'RU');

export type Normalized = { ok: true; e164: string } | { ok: false; reason: string };

/**
 * A number as E.164, reading national numbers with the configuration's calling code. The
 * server normalizes every upserted number with it, and the importer checks rows with it
 * before sending, so both refuse the same numbers.
 */
export function normalizePhone(
  raw: string,
  countryCode: string | null,
  strictE164 = false,
): Normalized {
  const input = raw.trim();
  if (strictE164 && !E164.test(input)) {
    return {
      ok: false,
      reason: `"${raw}" is not an E.164 number (ad-hoc contacts need +<country><number>)`,
    };
  }
  const code = countryCode ?? DEFAULT_COUNTRY_CODE;
  try {
    const region = regionByCallingCode.get(code);
    const parsed = input.startsWith('+')
      ? parsePhoneNumberWithError(input)
      : region
        ? parsePhoneNumberWithError(input, region)
        : parsePhoneNumberWithError(`${code}${input.replace(/^0+/, '')}`);
    if (!parsed.isPossible())
      return { ok: false, reason: `"${raw}" is not a possible phone number` };
    return { ok: true, e164: parsed.number };
  } catch {
    return { ok: false, reason: `"${raw}" cannot be parsed as a phone number` };
  }
}
