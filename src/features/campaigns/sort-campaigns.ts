import type { Campaign } from '../../../contract/schemas';
import type { BatchStats } from '../../../contract/extensions';

export const BOARD_SORTS = {
  name: 'Name',
  progress: 'Progress',
  in_flight: 'In flight',
  answer_rate: 'Answer rate',
  conversion: 'Conversion',
  spend: 'Spend',
  finishes: 'Finishes',
} as const;
export type BoardSortKey = keyof typeof BOARD_SORTS;
export type BoardSort = { key: BoardSortKey; descending: boolean };

/** Share of contacts finished (completed or exhausted), 0..100; null without contacts. */
export function progressPercent(stats: BatchStats): number | null {
  const { total, completed, exhausted } = stats.contacts;
  return total === 0 ? null : Math.floor(((completed + exhausted) / total) * 100);
}

function sortValue(c: Campaign, stats: BatchStats | undefined, key: BoardSortKey) {
  if (key === 'name') return c.name.toLowerCase();
  if (!stats) return null;
  if (key === 'progress') return progressPercent(stats);
  if (key === 'in_flight') return stats.contacts.in_progress;
  if (key === 'answer_rate') return stats.answer_rate;
  if (key === 'conversion') return stats.conversion_rate ?? null;
  if (key === 'spend') return stats.cost?.total ?? null;
  return stats.finishes_at === null ? null : Date.parse(stats.finishes_at);
}

/**
 * The rows on screen in the chosen order; rows without a value (no numbers, no estimate)
 * go last either way, and ties keep the server's order (newest first).
 */
export function sortCampaigns(
  campaigns: Campaign[],
  byId: Map<string, BatchStats>,
  sort: BoardSort | null,
): Campaign[] {
  if (!sort) return campaigns;
  const direction = sort.descending ? -1 : 1;
  return campaigns
    .map((c, index) => ({ c, index, value: sortValue(c, byId.get(c.id), sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      }
      const order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return order * direction || a.index - b.index;
    })
    .map((row) => row.c);
}

export function readBoardSort(params: URLSearchParams): BoardSort | null {
  const key = params.get('sort');
  if (!key || !(key in BOARD_SORTS)) return null;
  return { key: key as BoardSortKey, descending: params.get('order') === 'desc' };
}
