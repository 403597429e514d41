// The IANA timezone names this server knows (Node's own list, and UTC).
export const TIMEZONES = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
const KNOWN = new Set(TIMEZONES);

export const isKnownTimezone = (tz: string) => KNOWN.has(tz);

/**
 * Whether a contact's `data.timezone` names a zone: a known name, or an alias this runtime
 * resolves (Asia/Kolkata, which Node lists as Asia/Calcutta).
 */
export function isUsableTimezone(tz: string): boolean {
  if (KNOWN.has(tz)) return true;
  if (tz.length > 64 || !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
