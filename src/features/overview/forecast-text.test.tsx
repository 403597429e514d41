import { afterEach, describe, expect, it } from 'vitest';
import { setViewerZone } from '../../lib/viewer-zone';
import { renderSentence } from '../../test/sentence';
import { forecastText } from './forecast-text';

// Monday 23 November 2026, 15:00 UTC = 10:00 in New York.
const now = Date.parse('2026-11-23T15:00:00Z');
const base = { status: 'active' as const, total: 5000, timeZone: 'America/New_York', now };
const forecast = (overrides = {}) => ({
  rate_per_hour: 120.5,
  remaining: 4000,
  finishes_at: '2026-11-24T19:17:00Z',
  basis: 'last 30 minutes',
  ...overrides,
});
const sentence = (...args: Parameters<typeof forecastText>) =>
  renderSentence(forecastText(...args));

afterEach(() => setViewerZone(null));

describe('forecastText', () => {
  it("says when in the campaign's zone, short name shown and full name on hover, for any viewer", () => {
    for (const viewer of ['America/Chicago', 'Asia/Tokyo']) {
      setViewerZone(viewer);
      expect(sentence(forecast({ finishes_at: '2026-11-23T19:17:00Z' }), base)).toEqual({
        seen: 'Finishes Mon 14:20 EST (in about 4h 20m), at 121 contacts/hour over the last 30 minutes.',
        zones: ['America/New_York'],
      });
      expect(sentence(forecast(), base).seen).toBe(
        'Finishes Tue 14:00 EST (in about 1 day 4h), at 121 contacts/hour over the last 30 minutes.',
      );
    }
  });

  it('never says 24 hours where it means a day', () => {
    const twenty = Date.parse('2026-11-23T15:20:00Z');
    expect(
      sentence(forecast({ finishes_at: '2026-11-25T15:00:00Z' }), { ...base, now: twenty }).seen,
    ).toMatch(/\(in about 2 days\)/);
  });

  it('rounds a later finish to the hour and names its date beyond a week', () => {
    expect(sentence(forecast({ finishes_at: '2026-12-08T16:40:00Z' }), base).seen).toMatch(
      /^Finishes Tue Dec 8 12:00 EST /,
    );
  });

  it('says a finish in UTC, naming UTC, when the browser does not know the zone', () => {
    expect(
      sentence(forecast({ finishes_at: '2026-11-23T19:17:00Z' }), {
        ...base,
        timeZone: 'Asia/Riyadh87',
      }),
    ).toEqual({
      seen: 'Finishes Mon 19:20 UTC (in about 4h 20m), at 121 contacts/hour over the last 30 minutes.',
      zones: ['UTC'],
    });
  });

  it('keeps one decimal for a slow rate', () => {
    expect(
      sentence(forecast({ rate_per_hour: 2.345, finishes_at: '2026-11-23T16:00:00Z' }), base).seen,
    ).toBe(
      'Finishes Mon 11:00 EST (in about 1h 0m), at 2.3 contacts/hour over the last 30 minutes.',
    );
  });

  it('explains every case without a finish time', () => {
    expect(forecastText(forecast(), { ...base, total: 0 })).toBe(
      'No contacts yet: import contacts to get an estimate.',
    );
    expect(forecastText(forecast({ remaining: 0, finishes_at: null }), base)).toBe(
      'Every contact is finished.',
    );
    expect(forecastText(forecast({ finishes_at: null }), { ...base, status: 'paused' })).toBe(
      'No estimate while the campaign is paused (4,000 contacts left).',
    );
    expect(forecastText(forecast({ rate_per_hour: 0, finishes_at: null }), base)).toBe(
      'No contact finished over the last 30 minutes of calling window, so no finish time yet (4,000 contacts left).',
    );
  });
});
