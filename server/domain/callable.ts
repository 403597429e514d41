// Who of a campaign's pending contacts may be called now, when the others' windows open, and
// who is never called (no zone under window_basis "contact"; suppressed), from the maintained
// counts per zone (migration 013): a handful of rows whatever the campaign's size.
import type { Callable } from '../../contract/extensions.ts';
import type { Schedule } from '../../contract/schemas.ts';
import { insideWindow } from '../../contract/calling-window.ts';
import { pendingZones } from '../db/dialer.ts';
import type { Db } from '../db/schema.ts';
import { sql } from '../db/statements.ts';
import { isoSeconds } from '../db/time.ts';
import { localDay, opening } from './forecast.ts';

const DAY = 86_400_000;

type WindowRow = {
  timezone: string;
  schedule: Schedule | null;
  window_basis: 'campaign' | 'contact';
  n_pending: number;
  n_suppressed: number;
};

function windowRow(db: Db, campaignId: string): WindowRow {
  const row = sql<[string], Omit<WindowRow, 'schedule'> & { schedule: string | null }>(
    db,
    `SELECT COALESCE(cfg.timezone, 'UTC') AS timezone, cfg.schedule,
       COALESCE(cfg.window_basis, 'campaign') AS window_basis, c.n_pending, c.n_suppressed
     FROM campaigns c LEFT JOIN configurations cfg ON cfg.id = c.configuration_id WHERE c.id = ?`,
  ).get(campaignId)!;
  return { ...row, schedule: row.schedule ? (JSON.parse(row.schedule) as Schedule) : null };
}

/** When the window next opens in `zone` after `at` (ms), or null when it never does. */
export function nextOpening(schedule: Schedule, zone: string, at: number): number | null {
  const { day: today } = localDay(at, zone);
  for (let day = today; day <= today + 8 * DAY; day += DAY) {
    const o = opening(schedule, zone, day);
    if (o && o[0] > at) return o[0];
  }
  return null;
}

/**
 * The zones whose window is open at `at`: 'any' (window_basis "campaign" inside its window, or
 * no schedule) or the contacts' zones open now (an empty list: none).
 */
export function openZones(db: Db, campaignId: string, at: Date): 'any' | string[] {
  const row = windowRow(db, campaignId);
  if (row.window_basis === 'campaign')
    return insideWindow(row.schedule, row.timezone, at) ? 'any' : [];
  return pendingZones(db, campaignId)
    .map((z) => z.timezone)
    .filter((zone) => zone !== '' && insideWindow(row.schedule, zone, at));
}

export function callable(db: Db, campaignId: string, now: Date): Callable {
  const row = windowRow(db, campaignId);
  const answer: Callable = {
    now: 0,
    later: [],
    no_timezone: 0,
    suppressed: row.n_suppressed,
    generated_at: isoSeconds(now),
  };
  const groups =
    row.window_basis === 'campaign'
      ? [{ timezone: row.timezone, n: row.n_pending }]
      : pendingZones(db, campaignId);
  for (const { timezone, n } of groups) {
    if (n <= 0) continue;
    if (timezone === '') answer.no_timezone += n;
    else if (insideWindow(row.schedule, timezone, now)) answer.now += n;
    else {
      const opens = row.schedule && nextOpening(row.schedule, timezone, now.getTime());
      if (opens)
        answer.later.push({ opens_at: isoSeconds(new Date(opens)), timezone, contacts: n });
    }
  }
  answer.later.sort((a, b) =>
    a.opens_at === b.opens_at
      ? a.timezone < b.timezone
        ? -1
        : 1
      : a.opens_at < b.opens_at
        ? -1
        : 1,
  );
  return answer;
}
