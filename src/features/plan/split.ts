import type { Plan } from '../../../contract/extensions';

/** When the plan finishes with `lines` lines (ms); null: never, or not planned that far. */
export function finishWith(plan: Plan, lines: number): number | null {
  const iso = plan.at_lines.find((a) => a.lines === lines)?.finishes_at;
  return iso ? Date.parse(iso) : null;
}

/** The least lines (within the org limit) that finish by `deadline`; null when none does. */
export function linesFor(plan: Plan, deadline: number): number | null {
  if (plan.remaining.contacts === 0) return 0;
  for (const a of plan.at_lines) {
    if (a.finishes_at && Date.parse(a.finishes_at) <= deadline) return a.lines;
  }
  return null;
}

export type SplitCampaign = { id: string; cap: number | null; plan: Plan; deadline: number | null };

/**
 * The lines each campaign gets today: the dialer shares the org limit round-robin among the
 * campaigns with work, none above its cap, and what a capped one cannot use goes to the others.
 */
export function todaysSplit(campaigns: SplitCampaign[], limit: number): Map<string, number> {
  const share = new Map<string, number>();
  let left = limit;
  let open = campaigns.filter((c) => c.plan.remaining.contacts > 0);
  for (const c of campaigns) share.set(c.id, 0);
  while (left > 0 && open.length > 0) {
    const each = Math.max(1, Math.floor(left / open.length));
    const next: SplitCampaign[] = [];
    for (const c of open) {
      if (left === 0) break;
      const room = (c.cap ?? Infinity) - share.get(c.id)!;
      const give = Math.min(each, room, left);
      share.set(c.id, share.get(c.id)! + give);
      left -= give;
      if (room > give) next.push(c);
    }
    open = next;
  }
  return share;
}

/**
 * Caps that meet the most deadlines within the org limit: the deadlines needing fewest lines
 * first (which meets the most), each capped at its need, while a line is left for every other
 * campaign; those share what remains. Every cap is at least 1, as the API requires.
 */
export function proposeCaps(campaigns: SplitCampaign[], limit: number): Map<string, number> {
  const caps = new Map<string, number>();
  const needs = campaigns
    .flatMap((c) => {
      const need = c.deadline === null ? null : linesFor(c.plan, c.deadline);
      return need === null || need === 0 ? [] : [{ id: c.id, need }];
    })
    .sort((a, b) => a.need - b.need);
  let left = limit;
  for (const { id, need } of needs) {
    const others = campaigns.length - caps.size - 1;
    if (need + others > left) break;
    caps.set(id, need);
    left -= need;
  }
  const rest = campaigns.filter((c) => !caps.has(c.id));
  rest.forEach((c, i) => {
    const each = Math.floor(left / rest.length) + (i < left % rest.length ? 1 : 0);
    caps.set(c.id, Math.max(1, each));
  });
  return caps;
}
