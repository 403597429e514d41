import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../contract/extensions';
import { linesFor, proposeCaps, todaysSplit, type SplitCampaign } from './split';

const H = 3_600_000;
const NOW = Date.parse('2026-11-23T15:00:00Z');
/** A plan whose work takes `hours` line-hours: the finish at L lines is now + hours / L. */
const plan = (id: string, hours: number, limit = 10): Plan => ({
  campaign_id: id,
  generated_at: '2026-11-23T15:00:00Z',
  remaining: { contacts: hours > 0 ? 100 : 0, attempts_expected: 100 },
  attempts_per_line_hour: 10,
  basis: 'last 6 hours of calls',
  lines_now: limit,
  at_lines: Array.from({ length: limit }, (_, i) => ({
    lines: i + 1,
    finishes_at: new Date(NOW + Math.ceil((hours * H) / (i + 1) / 60_000) * 60_000).toISOString(),
  })),
  deadline: null,
  cost_to_finish: null,
});
const c = (id: string, hours: number, deadlineHours: number | null, cap: number | null = null) =>
  ({
    id,
    cap,
    plan: plan(id, hours),
    deadline: deadlineHours === null ? null : NOW + deadlineHours * H,
  }) satisfies SplitCampaign;

describe('the org split', () => {
  it('needs the least lines that meet a deadline, none when the limit cannot', () => {
    expect(linesFor(plan('a', 12), NOW + 3 * H)).toBe(4);
    expect(linesFor(plan('a', 12), NOW + H)).toBeNull();
  });

  it('shares the limit today as the dialer does: round-robin under the caps', () => {
    const split = todaysSplit([c('a', 10, null, 2), c('b', 10, null), c('c', 10, null)], 10);
    expect(Object.fromEntries(split)).toEqual({ a: 2, b: 4, c: 4 });
  });

  it('meets the most deadlines: the smallest needs first, a line left for every other', () => {
    // Needs: a 6 (12 h by 2 h), b 2 (4 h by 2 h), c 3 (6 h by 2 h); limit 10 and d has none.
    const caps = proposeCaps([c('a', 12, 2), c('b', 4, 2), c('c', 6, 2), c('d', 10, null)], 10);
    // a misses at any share it can have; a and d split the 5 left.
    expect(Object.fromEntries(caps)).toEqual({ b: 2, c: 3, a: 3, d: 2 });
  });
});
