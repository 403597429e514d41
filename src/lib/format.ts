// The first screens format numbers and "5 minutes ago" by hand: a page's first Intl
// formatter loads the ICU data, about 100 ms on a phone-class CPU before anything shows.
// The output is Intl's en-US (format.test.ts compares them); anything rarer uses Intl,
// built once on first use (toLocaleString(options) would build one on every call).
// Times in a named zone go through formatInZone, which is given the zone every time.
//
// One clock: every absolute time shown names its zone (formatZoned, or components/zoned-time
// with the full name on hover and for screen readers). The calling window and what is
// forecast against it (a window's opening, a finish estimate) are in the campaign's zone;
// everything that happened (activity, attempts, creation, charts) in the viewer's zone,
// chosen in Settings (viewerZone).
import { knownTimeZone, zonedFormatter } from '../../contract/zoned-formatter';
import { browserZone, chosenZone } from './viewer-zone';

let numberFormat: Intl.NumberFormat | undefined;

/** Shown for a value that cannot be true: NaN, a negative count, an end before its start. */
export const NOT_A_VALUE = '—';

/** A count, grouped: every number the dashboard shows this way counts something, so none is negative. */
export function formatNumber(n: number): string {
  if (!(n >= 0) || !Number.isFinite(n)) return NOT_A_VALUE;
  if (!Number.isSafeInteger(n)) return (numberFormat ??= new Intl.NumberFormat('en-US')).format(n);
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** "1 contact", "2,500 contacts": English nouns that take an s. */
export function formatCount(n: number, noun: string): string {
  return `${formatNumber(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** "1–50": a range of counts, or "—" when its end is before its start or either is no count. */
export function formatRange(start: number, end: number): string {
  if (!(start >= 0 && end >= start) || !Number.isFinite(end)) return NOT_A_VALUE;
  return `${formatNumber(start)}–${formatNumber(end)}`;
}

/** English relative time as Intl.RelativeTimeFormat('en', { numeric: 'auto' }) says it. */
function relative(value: number, unit: 'second' | 'minute' | 'hour' | 'day'): string {
  if (value === 0 && unit === 'second') return 'now';
  if (unit === 'day' && Math.abs(value) === 1) return value < 0 ? 'yesterday' : 'tomorrow';
  const amount = `${formatNumber(Math.abs(value))} ${unit}${Math.abs(value) === 1 ? '' : 's'}`;
  return value < 0 ? `${amount} ago` : `in ${amount}`;
}

export function formatRelative(iso: string, now: number = Date.now()): string {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const seconds = Math.round((t - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative(seconds, 'second');
  if (abs < 3600) return relative(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative(Math.round(seconds / 3600), 'hour');
  return relative(Math.round(seconds / 86400), 'day');
}

export function formatDuration(seconds: number): string {
  if (!(seconds >= 0 && Number.isFinite(seconds))) return NOT_A_VALUE;
  if (seconds < 60) return `${Math.round(seconds)}s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (m < 60) return s ? `${m}m ${s}s` : `${m}m`;
  const h = Math.floor(m / 60);
  return `${h}h ${m % 60}m`;
}

/** The viewer's timezone: chosen in Settings, else the browser's. */
export function viewerZone(): string {
  return chosenZone() ?? browserZone();
}

/** The zone that times asked for in `zone` are shown in: itself, or UTC if the browser lacks it. */
export function shownZone(zone: string): string {
  return knownTimeZone(zone) ? zone : 'UTC';
}

/** What to say wherever `zone` is shown, when this browser does not know it; else null. */
export function unknownZoneNote(zone: string): string | null {
  return knownTimeZone(zone) ? null : `Times in UTC: this browser does not know ${zone}`;
}

const ZONED = {
  /** "14:20" */
  clock: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** "Tue 14:20" */
  'weekday-clock': { weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** "Tue Nov 24 14:20" */
  'date-clock': {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * An instant on the wall clock of `zone`, 24-hour. In UTC when the browser does not know the
 * zone: name the zone with shownZone and put unknownZoneNote beside it.
 */
export function formatInZone(at: number | Date, zone: string, style: keyof typeof ZONED): string {
  return zonedFormatter(zone, ZONED[style]).format(at).replaceAll(',', '');
}

const ZONED_OPTIONS = {
  ...ZONED,
  /** "Nov 20, 2026" */
  date: { year: 'numeric', month: 'short', day: 'numeric' },
  /** "Nov 20, 14:20:05" */
  'date-time': {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  },
  /** "Nov 20" */
  'month-day': { month: 'short', day: 'numeric' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * How an absolute time is written: a date, a date and clock (to the second), `upcoming` (a
 * weekday and clock within the coming week, a date beyond it), or formatInZone's styles.
 */
export type ZonedStyle = keyof typeof ZONED | 'date' | 'date-time' | 'upcoming';

/** The zone's short name at that instant, as en-US says it: "CST", "GMT+1", "UTC". */
export function zoneAbbreviation(at: number | Date, zone: string): string {
  const parts = zonedFormatter(zone, { timeZoneName: 'short' }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? shownZone(zone);
}

function formatZonedText(at: Date, zone: string, style: ZonedStyle, now: number): string {
  const options =
    style === 'upcoming'
      ? at.getTime() - now > 6 * 86_400_000
        ? ZONED_OPTIONS['month-day']
        : ZONED_OPTIONS['weekday-clock']
      : ZONED_OPTIONS[style];
  const text = zonedFormatter(zone, options).format(at);
  // "Tue, 14:20" and "Tue, Nov 24, 14:20" lose their commas; a date keeps the year's.
  return style === 'date' || style === 'date-time' ? text : text.replaceAll(',', '');
}

/**
 * An absolute time in `zone` (the browser's UTC when it lacks it): its text, the zone's short
 * name then, and the zone it is shown in. Null for an instant that is no date.
 */
export function zonedParts(
  at: string | number | Date,
  zone: string,
  style: ZonedStyle,
  now: number = Date.now(),
): { text: string; abbreviation: string; zone: string } | null {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return null;
  return {
    text: formatZonedText(d, zone, style, now),
    abbreviation: zoneAbbreviation(d, zone),
    zone: shownZone(zone),
  };
}

/** An absolute time in `zone` with its zone's short name: "Nov 20, 14:20:05 CST". */
export function formatZoned(
  at: string | number | Date,
  zone: string,
  style: ZonedStyle,
  now?: number,
): string {
  const parts = zonedParts(at, zone, style, now);
  return parts ? `${parts.text} ${parts.abbreviation}` : String(at);
}
const moneyFormats = new Map<string, Intl.NumberFormat>();
/** "$1,234.56": an amount in an ISO 4217 currency; the code itself when the browser knows it not. */
export function formatMoney(amount: number, currency: string): string {
  if (!Number.isFinite(amount)) return NOT_A_VALUE;
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    } catch {
      return `${amount.toFixed(2)} ${currency}`;
    }
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

/** "45.2%": a rate the API gives as a percentage with two decimals. */
export const formatPercent = (value: number) => `${value.toFixed(1)}%`;
