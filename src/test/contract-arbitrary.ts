import fc from 'fast-check';
import type * as z from 'zod/mini';
import { ACTIVITY_ACTIONS } from '../../contract/extensions';
import { WEEKDAYS } from '../../contract/schemas';

// Answers a foreign server may give: any value a contract schema accepts, with the meaning
// the contract gives each field (a `*_at` is an ISO timestamp, a `timezone` an IANA-style
// name, a count a whole number ≥ 0), biased towards the odd ones: empty and very long text,
// zones no browser knows, zero and huge counts, empty lists, nulls wherever nullable.

type Def = {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  entries?: Record<string, string>;
  values?: unknown[];
  valueType?: z.ZodMiniType;
  items?: z.ZodMiniType[];
  in?: z.ZodMiniType;
  checks?: { _zod: { def: { check: string; format?: string } } }[];
};
const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const LONG = [
  'x'.repeat(5000),
  'Lorem ipsum dolor sit amet '.repeat(300),
  'مرحبا بالعالم '.repeat(300),
  '🎉👩‍👩‍👧‍👦'.repeat(800),
];
const ODD = [
  '<img src=x onerror=alert(1)>',
  '   ',
  'null',
  'undefined',
  'constructor',
  'toString',
  '\u202eevil',
  'Ünïcødé – “quotes”',
  '0',
  '-1',
];

/** Any text: mostly short, sometimes empty, very long or odd. */
export const text = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 24 }) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom(...LONG) },
    { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  );

/**
 * Unique ids: the contract's ids are the server's, so a list never repeats one. Each answer's
 * ids start from its own seed, so they do not depend on the order the requests came in.
 */
let idPrefix = '';
let nextId = 0;
export const id = () =>
  fc.constantFrom('uuid', 'upper', 'short').map((style) => {
    const n = (++nextId).toString(16).padStart(12, '0');
    if (style === 'upper') return `${idPrefix}-0000-4000-8000-${n}`.toUpperCase();
    if (style === 'short') return `id_${idPrefix}_${n}`;
    return `${idPrefix}-0000-4000-8000-${n}`;
  });

/** Names a browser knows, and some it does not (a newer tz database, a typo). */
export const ZONES = [
  'UTC',
  'America/New_York',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Etc/GMT-14',
  'Europe/Kyiv',
  'Asia/Riyadh87',
  'Mars/Olympus_Mons',
  'America/Argentina/ComodRivadavia',
  '',
];

/** RFC 3339 timestamps from 1970 to 2200, with and without milliseconds and offsets. */
export const timestamp = () =>
  fc
    .tuple(
      fc.date({
        min: new Date('1970-01-01T00:00:00Z'),
        max: new Date('2200-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
      fc.constantFrom('ms', 'seconds', 'offset', 'micro', 'now'),
    )
    .map(([date, style]) => {
      const iso = (style === 'now' ? new Date() : date).toISOString();
      if (style === 'seconds') return iso.replace(/\.\d{3}Z$/, 'Z');
      if (style === 'offset') return iso.replace(/Z$/, '+05:45');
      if (style === 'micro') return iso.replace(/Z$/, '123Z');
      return iso;
    });

const count = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.nat({ max: 100 }) },
    { weight: 2, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.constantFrom(2 ** 31 - 1, 1e12, Number.MAX_SAFE_INTEGER) },
  );
const between = (min: number, max: number) =>
  fc.oneof(fc.constantFrom(min, max), fc.integer({ min, max }));
const real = (min: number, max: number) =>
  fc.oneof(fc.constantFrom(min, max), fc.double({ min, max, noNaN: true }));

/** Whole numbers by what the contract says of the field. */
function integer(key: string) {
  if (key === 'concurrency_limit' || key === 'max_concurrent_calls') return between(1, 1000);
  if (key === 'max_attempts') return between(1, 20);
  if (key === 'retry_interval_minutes') return between(0, 10080);
  if (key === 'bucket_seconds') return fc.constantFrom(60, 300, 900, 3600, 86_400);
  if (key === 'limit') return between(1, 200);
  return count();
}

/** Other numbers: rates are percentages, means and extremes of results any finite value. */
function number(key: string) {
  if (key.endsWith('_rate')) return real(0, 100);
  if (key === 'mean' || key === 'min' || key === 'max') return real(-1e9, 1e9);
  return real(0, 1e12);
}

/** Text by what the contract says of the field. */
function string(key: string): fc.Arbitrary<string> {
  if (/(^|_)(at|from|to)$/.test(key)) return timestamp();
  // Half of them unknown: where a page meets a zone only on a deep path, it still meets one.
  if (key === 'timezone' || key === 'timezones')
    return fc.oneof(fc.constantFrom(...ZONES.slice(0, 6)), fc.constantFrom(...ZONES.slice(6)));
  if (key === 'external_id' || key === 'next_cursor') return text();
  if (key === 'id' || key.endsWith('_id')) return id();
  if (key.includes('phone_number'))
    return fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(/^\+[1-9]\d{6,14}$/) },
      { weight: 1, arbitrary: text() },
    );
  if (key === 'default_country_code') return fc.constantFrom('+1', '+44', '+358', '+1684');
  if (key === 'start_time' || key === 'end_time')
    return fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  if (key === 'days') return fc.oneof(fc.constantFrom(...WEEKDAYS), text());
  if (key === 'action')
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...ACTIVITY_ACTIONS) },
      { weight: 1, arbitrary: text() },
    );
  if (key === 'role') return fc.oneof(fc.constantFrom('agent', 'user', 'contact'), text());
  return text();
}

/** Lists the contract keys by something (a report's results by key…) never repeat it. */
const SET_LISTS = ['timezones', 'phone_numbers', 'days', 'extensions', 'scopes'];
const KEYED_BY = ['id', 'key', 'value', 'attempt', 'at'];
function identity(element: z.ZodMiniType, key: string): ((v: unknown) => unknown) | null {
  const def = defOf(element);
  if (def.type === 'string') return SET_LISTS.includes(key) ? (v) => v : null;
  // A union of objects (a report's result summaries) is keyed by a field they all have.
  const shapes = (def.type === 'union' ? def.options!.map(defOf) : [def]).map((d) =>
    d.type === 'object' ? d.shape! : {},
  );
  const field = KEYED_BY.find((k) => shapes.every((shape) => k in shape));
  return field ? (v) => (v as Record<string, unknown>)[field] : null;
}

const isInt = (def: Def) =>
  def.checks?.some(
    (c) => c._zod.def.check === 'number_format' && c._zod.def.format?.includes('int'),
  );

/**
 * An arbitrary of the values `schema` accepts; `key` is the field (or the list) it belongs to,
 * which decides the value's meaning. Optional fields are sometimes absent, nullable ones null.
 */
export function arbitraryOf(schema: z.ZodMiniType, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return string(key);
    case 'number':
      return isInt(def) ? integer(key) : number(key);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 3 });
    case 'nullable':
      return fc.oneof(
        { weight: key === 'next_cursor' ? 6 : 1, arbitrary: fc.constant(null) },
        { weight: 2, arbitrary: arbitraryOf(def.innerType!, key) },
      );
    case 'optional':
    case 'default':
      return arbitraryOf(def.innerType!, key);
    case 'pipe':
      return arbitraryOf(def.in!, key);
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'union':
      return fc.oneof(...def.options!.map((option) => arbitraryOf(option, key)));
    case 'tuple':
      return fc.tuple(...def.items!.map((item) => arbitraryOf(item, key)));
    case 'array': {
      const element = arbitraryOf(def.element!, key);
      const by = identity(def.element!, key);
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant([]) },
        {
          weight: 4,
          arbitrary: by
            ? fc.uniqueArray(element, { maxLength: 12, selector: by })
            : fc.array(element, { maxLength: 12 }),
        },
      );
    }
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.string({ maxLength: 16 }), fc.constantFrom('', 'constructor', LONG[0]!)),
        arbitraryOf(def.valueType!, key),
        { maxKeys: 8 },
      );
    case 'object': {
      const shape = def.shape!;
      const required = Object.keys(shape).filter((k) => defOf(shape[k]!).type !== 'optional');
      return fc.record(
        Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryOf(v, k)])),
        { requiredKeys: required },
      );
    }
    default:
      throw new Error(`contract-arbitrary: no generator for a zod "${def.type}" (${key})`);
  }
}

/** One value of `schema` for `seed`, checked against it: a generator bug fails loudly. */
export function sampleOf<T>(schema: z.ZodMiniType<T>, seed: number): T {
  idPrefix = (seed >>> 0).toString(16).padStart(8, '0');
  nextId = 0;
  const [value] = fc.sample(arbitraryOf(schema), { seed, numRuns: 1 });
  const checked = schema.safeParse(value);
  if (!checked.success)
    throw new Error(`contract-arbitrary made an invalid value: ${checked.error.message}`);
  return value as T;
}
