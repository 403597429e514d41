const formatters = new Map<string, Intl.DateTimeFormat>();
const known = new Map<string, boolean>();

/**
 * Whether this runtime's time zone data has `timeZone`. A browser's may lack a zone the
 * server accepts (one dropped from tzdata, such as Asia/Riyadh87), and Intl throws for it.
 */
export function knownTimeZone(timeZone: string): boolean {
  let answer = known.get(timeZone);
  if (answer === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      answer = true;
    } catch {
      answer = false;
    }
    known.set(timeZone, answer);
  }
  return answer;
}

/**
 * One formatter per timezone and options: building one costs far more than using it. A zone
 * this runtime does not know formats in UTC rather than throwing; the server accepts only zones
 * it knows, and the SPA says so beside such a zone (src/lib/format.ts).
 */
export function zonedFormatter(
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const zone = knownTimeZone(timeZone) ? timeZone : 'UTC';
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}
