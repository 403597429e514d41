// The IANA timezone names this server knows (Node's own list, and UTC).
export const TIMEZONES = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
const KNOWN = new Set(TIMEZONES);

export const isKnownTimezone = (tz: string) => KNOWN.has(tz);
