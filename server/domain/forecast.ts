// The timeline's finish forecast: contacts finished per hour over the last 30 minutes the
// calling window was open, and the remaining contacts placed into the window's future opening
// hours, so a forecast made at 16:50 on a Friday says Monday rather than 18:00. Pure: the clock
// and the finish counts are passed in.
import { WEEKDAYS, type CampaignStatus, type Schedule } from '../../contract/schemas.ts';
import { ENOUGH_ENDED_CALLS, type Forecast } from '../../contract/extensions.ts';
import { isoSeconds } from '../db/time.ts';
import { zonedFormatter } from '../../contract/zoned-formatter.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const BASIS_MINUTES = 30;
// Every weekly schedule is open at least once in 8 days; a longer silence means a rate of 0.
const LOOKBACK_DAYS = 8;

export type Window = Pick<Schedule, 'days' | 'start_time' | 'end_time'>;
/**
 * Where a window's hours are read: one zone (the campaign's), or each of several (window_basis
 * "contact": the zones of the contacts left), where it is open whenever it is open in any.
 */
export type Zones = string | readonly string[];
/** Whole minutes since the epoch, [from, to). */
export type MinuteSpan = { from: number; to: number };

const WALL_CLOCK = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
} as const;

/** How far the timezone's wall clock is ahead of UTC at `ms`. */
function exactOffset(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of zonedFormatter(timeZone, WALL_CLOCK).formatToParts(ms))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return (
    Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) -
    Math.floor(ms / 1000) * 1000
  );
}

// formatToParts costs microseconds and a forecast walks days of windows (the stats batch, 200
// of them): offsets are kept per timezone and UTC hour, null for an hour an offset changes in.
const HOUR = 3_600_000;
const offsets = new Map<string, Map<number, number | null>>();
function offsetAt(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / HOUR);
  let zone = offsets.get(timeZone);
  if (!zone || zone.size >= 100_000) offsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(hour);
  if (offset === undefined) {
    const first = exactOffset(hour * HOUR, timeZone);
    offset = first === exactOffset((hour + 1) * HOUR - 1000, timeZone) ? first : null;
    zone.set(hour, offset);
  }
  return offset ?? exactOffset(ms, timeZone);
}

/** The instant a wall-clock time (ms since the epoch as if the zone were UTC) happens in the zone. */
function wallToUtc(wall: number, timeZone: string): number {
  const first = offsetAt(wall, timeZone);
  const offset = offsetAt(wall - first, timeZone);
  return offset === first ? wall - first : wall - offset;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The local day of `ms` (its midnight as wall-clock ms) and the wall-clock ms of `ms`. */
export function localDay(ms: number, timeZone: string) {
  const wall = ms + offsetAt(ms, timeZone);
  return { day: Math.floor(wall / DAY) * DAY, wall };
}

/** The window's opening on a local day, as instants, or null on a day it stays closed. */
export function opening(w: Window, timeZone: string, day: number): [number, number] | null {
  const weekday = WEEKDAYS[(new Date(day).getUTCDay() + 6) % 7]!;
  if (!w.days.includes(weekday)) return null;
  return [
    wallToUtc(day + minutesOf(w.start_time) * MINUTE, timeZone),
    wallToUtc(day + minutesOf(w.end_time) * MINUTE, timeZone),
  ];
}

/**
 * The last `minutes` whole minutes the window was open before `endMinute` (newest first), at
 * most LOOKBACK_DAYS back; no schedule: simply the last `minutes`.
 */
export function lastOpenMinutes(
  w: Window | null,
  timeZone: Zones,
  endMinute: number,
  minutes = BASIS_MINUTES,
): MinuteSpan[] {
  if (!w) return [{ from: endMinute - minutes, to: endMinute }];
  if (typeof timeZone !== 'string') {
    const spans: MinuteSpan[] = [];
    let left = minutes;
    const end = endMinute * MINUTE;
    const open = unionOpenings(w, timeZone, end - LOOKBACK_DAYS * DAY, LOOKBACK_DAYS + 1);
    for (let i = open.length - 1; i >= 0 && left > 0; i--) {
      const to = Math.min(Math.floor(open[i]![1] / MINUTE), endMinute);
      const from = Math.max(Math.ceil(open[i]![0] / MINUTE), to - left);
      if (to <= from) continue;
      spans.push({ from, to });
      left -= to - from;
    }
    return spans;
  }
  const spans: MinuteSpan[] = [];
  let left = minutes;
  const { day: today } = localDay(endMinute * MINUTE, timeZone);
  for (let day = today; left > 0 && day > today - LOOKBACK_DAYS * DAY; day -= DAY) {
    const open = opening(w, timeZone, day);
    if (!open) continue;
    const to = Math.min(Math.floor(open[1] / MINUTE), endMinute);
    const from = Math.max(Math.ceil(open[0] / MINUTE), to - left);
    if (to <= from) continue;
    spans.push({ from, to });
    left -= to - from;
  }
  return spans;
}

/**
 * When `needMs` of open window has passed after `fromMs` (no schedule: always open); null for
 * a window that never opens.
 */
export function placeWork(
  w: Window | null,
  timeZone: Zones,
  fromMs: number,
  needMs: number,
): number | null {
  if (!w) return fromMs + needMs;
  if (typeof timeZone !== 'string') return placeInUnion(w, timeZone, fromMs, needMs);
  const perWeek = w.days.length * (minutesOf(w.end_time) - minutesOf(w.start_time)) * MINUTE;
  if (perWeek <= 0) return null;
  let { day, wall } = localDay(fromMs, timeZone);
  let cursor = fromMs;
  // Whole weeks at a time first (a long list at a slow rate would walk for years), leaving at
  // least a week to walk day by day.
  const weeks = Math.floor(needMs / perWeek) - 1;
  if (weeks > 0) {
    day += weeks * 7 * DAY;
    wall += weeks * 7 * DAY;
    cursor = wallToUtc(wall, timeZone);
    needMs -= weeks * perWeek;
  }
  for (; ; day += DAY) {
    const open = opening(w, timeZone, day);
    if (!open) continue;
    const start = Math.max(open[0], cursor);
    if (open[1] <= start) continue;
    if (open[1] - start >= needMs) return start + needMs;
    needMs -= open[1] - start;
  }
}

/**
 * The window's openings in each of `zones` from `fromMs` for `days` days, merged where they
 * overlap, in order (an opening under way at `fromMs` starts there).
 */
export function unionOpenings(
  w: Window,
  zones: readonly string[],
  fromMs: number,
  days: number,
): [number, number][] {
  const all: [number, number][] = [];
  for (const zone of zones) {
    const { day: first } = localDay(fromMs, zone);
    for (let day = first; day < first + days * DAY; day += DAY) {
      const o = opening(w, zone, day);
      if (o && o[1] > fromMs) all.push([Math.max(o[0], fromMs), o[1]]);
    }
  }
  all.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const o of all) {
    const last = merged.at(-1);
    if (last && o[0] <= last[1]) last[1] = Math.max(last[1], o[1]);
    else merged.push([...o]);
  }
  return merged;
}

/** placeWork for a window read in several zones: open whenever it is open in any of them. */
function placeInUnion(
  w: Window,
  zones: readonly string[],
  fromMs: number,
  needMs: number,
): number | null {
  const week = unionOpenings(w, zones, fromMs, 7);
  const perWeek = week.reduce((n, [a, b]) => n + b - a, 0);
  if (perWeek <= 0) return null;
  let cursor = fromMs;
  // Whole weeks first, as placeWork does (a week's open time is the same a week later, but for
  // daylight saving's hour, which a walk of one week more than covers).
  const weeks = Math.floor(needMs / perWeek) - 1;
  if (weeks > 0) {
    cursor += weeks * 7 * DAY;
    needMs -= weeks * perWeek;
  }
  for (;;) {
    const open = unionOpenings(w, zones, cursor, 8);
    for (const [a, b] of open) {
      if (b - a >= needMs) return a + needMs;
      needMs -= b - a;
    }
    cursor = open.at(-1)?.[1] ?? cursor + 7 * DAY;
  }
}

export type ForecastCampaign = {
  status: CampaignStatus;
  /** Contacts pending, locked or in progress. */
  remaining: number;
  schedule: Window | null;
  timezone: Zones;
};

/**
 * The forecast at `now`. `finishedIn` counts contacts finished in the given minutes (from the
 * rollups). finishes_at is null when the rate is 0, when the campaign is not active, and when
 * nothing remains: a finished campaign has no finish ahead (the report says when it finished).
 */
export function forecast(
  c: ForecastCampaign,
  finishedIn: (spans: MinuteSpan[]) => number,
  now: Date,
): Forecast {
  const spans = lastOpenMinutes(c.schedule, c.timezone, Math.floor(now.getTime() / MINUTE));
  const minutes = spans.reduce((n, s) => n + s.to - s.from, 0);
  const perHour = minutes === 0 ? 0 : (finishedIn(spans) * 60) / minutes;
  const finishes =
    c.status === 'active' && c.remaining > 0 && perHour > 0
      ? placeWork(c.schedule, c.timezone, now.getTime(), (c.remaining / perHour) * 3_600_000)
      : null;
  return {
    rate_per_hour: Math.round(perHour * 100) / 100,
    remaining: c.remaining,
    finishes_at: finishes === null ? null : isoSeconds(new Date(finishes)),
    basis: 'last 30 minutes',
  };
}

const RANGE_MINUTES = 180;

/**
 * A finish range that holds still: the finishes at the rates of the last 30 minutes and of the
 * last 3 hours of open window, earliest first. Null without enough ended calls (`ended`) or
 * without a finish at either rate.
 */
export function forecastRange(
  c: ForecastCampaign,
  finishedIn: (spans: MinuteSpan[]) => number,
  now: Date,
  ended: number,
): { earliest: string; latest: string } | null {
  if (c.status !== 'active' || c.remaining === 0 || ended < ENOUGH_ENDED_CALLS) return null;
  const endMinute = Math.floor(now.getTime() / MINUTE);
  const finishes = [BASIS_MINUTES, RANGE_MINUTES].map((length) => {
    const spans = lastOpenMinutes(c.schedule, c.timezone, endMinute, length);
    const minutes = spans.reduce((n, s) => n + s.to - s.from, 0);
    const perHour = minutes === 0 ? 0 : (finishedIn(spans) * 60) / minutes;
    return perHour > 0
      ? placeWork(c.schedule, c.timezone, now.getTime(), (c.remaining / perHour) * 3_600_000)
      : null;
  });
  const known = finishes.filter((f): f is number => f !== null);
  if (known.length === 0) return null;
  return {
    earliest: isoSeconds(new Date(Math.min(...known))),
    latest: isoSeconds(new Date(Math.max(...known))),
  };
}
