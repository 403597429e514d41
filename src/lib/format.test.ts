import { afterEach, describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDuration,
  formatInZone,
  formatNumber,
  formatRange,
  formatRelative,
  shownZone,
  unknownZoneNote,
  viewerZone,
  formatZoned,
  zoneAbbreviation,
} from './format';
import { browserZone, setViewerZone } from './viewer-zone';

// The hand-written formatters must say exactly what Intl's en-US says.
describe('formatting without Intl on the first screen', () => {
  it('groups numbers as Intl.NumberFormat en-US does', () => {
    const intl = new Intl.NumberFormat('en-US');
    for (const n of [0, 7, 999, 1000, 12_345, 999_999, 1_000_000, 2 ** 53 - 1, 12.5, 1e21]) {
      expect(formatNumber(n), String(n)).toBe(intl.format(n));
    }
    expect(formatNumber(-0)).toBe('0');
    expect(formatCount(1, 'campaign')).toBe('1 campaign');
    expect(formatCount(2500, 'contact')).toBe('2,500 contacts');
  });

  it('shows "—" for a number that cannot be a count, a range ending before it starts, a NaN duration', () => {
    for (const n of [-7, -1_234_567, NaN, Infinity, -Infinity]) {
      expect(formatNumber(n), String(n)).toBe('—');
    }
    expect(formatCount(-3, 'contact')).toBe('— contacts');
    expect(formatRange(1, 50)).toBe('1–50');
    expect(formatRange(0, 0)).toBe('0–0');
    expect(formatRange(1, -7369)).toBe('—');
    expect(formatRange(51, 50)).toBe('—');
    expect(formatRange(NaN, 3)).toBe('—');
    expect(formatDuration(90)).toBe('1m 30s');
    expect(formatDuration(NaN)).toBe('—');
    expect(formatDuration(-5)).toBe('—');
    expect(formatDuration(Infinity)).toBe('—');
  });

  it('says relative times as Intl.RelativeTimeFormat en (numeric: auto) does', () => {
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const now = Date.parse('2026-11-20T12:00:00Z');
    const cases: [number, number, Intl.RelativeTimeFormatUnit][] = [
      [0, 0, 'second'],
      [-1, -1, 'second'],
      [-45, -45, 'second'],
      [30, 30, 'second'],
      [-60, -1, 'minute'],
      [-150, -2, 'minute'],
      [600, 10, 'minute'],
      [-3600, -1, 'hour'],
      [7200, 2, 'hour'],
      [-86_400, -1, 'day'],
      [86_400, 1, 'day'],
      [-5 * 86_400, -5, 'day'],
      [1500 * 86_400, 1500, 'day'],
    ];
    for (const [offset, value, unit] of cases) {
      const iso = new Date(now + offset * 1000).toISOString();
      expect(formatRelative(iso, now), `${offset}s`).toBe(intl.format(value, unit));
    }
  });
});

describe('times in a named zone', () => {
  // Monday 23 November 2026, 19:17 UTC = 14:17 in New York.
  const at = Date.parse('2026-11-23T19:17:00Z');

  it('writes the wall clock of the zone it is given', () => {
    expect(formatInZone(at, 'America/New_York', 'clock')).toBe('14:17');
    expect(formatInZone(at, 'America/New_York', 'weekday-clock')).toBe('Mon 14:17');
    expect(formatInZone(at, 'Asia/Tokyo', 'date-clock')).toBe('Tue Nov 24 04:17');
    expect(formatInZone(new Date(at), 'UTC', 'clock')).toBe('19:17');
  });

  it('falls back to UTC, and says so, for a zone this browser does not know', () => {
    expect(() => new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Riyadh87' })).toThrow(
      RangeError,
    );
    expect(formatInZone(at, 'Asia/Riyadh87', 'weekday-clock')).toBe('Mon 19:17');
    expect(shownZone('Asia/Riyadh87')).toBe('UTC');
    expect(unknownZoneNote('Asia/Riyadh87')).toBe(
      'Times in UTC: this browser does not know Asia/Riyadh87',
    );
  });

  it('names a known zone as it is, with no note', () => {
    expect(shownZone('Europe/London')).toBe('Europe/London');
    expect(unknownZoneNote('Europe/London')).toBeNull();
    expect(unknownZoneNote(viewerZone())).toBeNull();
  });
});

describe("one clock: the same instant, labelled in each viewer's zone", () => {
  afterEach(() => setViewerZone(null));

  // 03:30 UTC on Friday 4 December 2026: still the 3rd in Chicago.
  const at = '2026-12-04T03:30:00Z';
  const VIEWERS = [
    ['America/Chicago', 'CST', 'Dec 3, 2026', 'Dec 3, 21:30:00', 'Thu 21:30'],
    ['Europe/Berlin', 'GMT+1', 'Dec 4, 2026', 'Dec 4, 04:30:00', 'Fri 04:30'],
    ['Asia/Tokyo', 'GMT+9', 'Dec 4, 2026', 'Dec 4, 12:30:00', 'Fri 12:30'],
  ] as const;

  it.each(VIEWERS)(
    'a viewer in %s sees it with the zone named',
    (zone, abbreviation, date, dateTime, upcoming) => {
      expect(zoneAbbreviation(Date.parse(at), zone)).toBe(abbreviation);
      expect(formatZoned(at, zone, 'date')).toBe(`${date} ${abbreviation}`);
      expect(formatZoned(at, zone, 'date-time')).toBe(`${dateTime} ${abbreviation}`);
      expect(formatZoned(at, zone, 'upcoming', Date.parse(at) - 3_600_000)).toBe(
        `${upcoming} ${abbreviation}`,
      );
      // The zone chosen in Settings, not the browser's.
      setViewerZone(zone);
      expect(viewerZone()).toBe(zone);
    },
  );

  it('writes a date beyond the coming week without its clock, and summer time by its own name', () => {
    expect(formatZoned('2027-07-04T16:00:00Z', 'America/Chicago', 'upcoming', Date.parse(at))).toBe(
      'Jul 4 CDT',
    );
  });

  it('is back on the browser zone once the choice is cleared, and forgets a choice equal to it', () => {
    setViewerZone('Asia/Tokyo');
    setViewerZone(null);
    expect(viewerZone()).toBe(browserZone());
    setViewerZone(browserZone());
    expect(localStorage.getItem('headroom:timezone')).toBeNull();
  });

  it('says an unparsable time as it came, and an unknown zone as UTC', () => {
    expect(formatZoned('not a date', 'Asia/Tokyo', 'date')).toBe('not a date');
    expect(formatZoned(at, 'Asia/Riyadh87', 'date-time')).toBe('Dec 4, 03:30:00 UTC');
  });
});
