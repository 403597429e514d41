import type { ContactFilters } from '../../contract/extensions.ts';
import { fold } from './schema.ts';

/**
 * The contract's contact filters as one SQL condition on `contacts` (AND across filters, OR
 * within one), with its parameters. Every part can use an index of migration 002 or is a
 * cheap check of the folded search text.
 */
export function contactFilterSql(
  filters: ContactFilters,
  campaignId: string | null,
): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters.search) {
    const needle = fold(filters.search.trim());
    const digits = needle.replace(/\D/g, '');
    // "(415) 555" finds +14155550123 too: a phone search matches on its digits.
    if (digits && digits !== needle && /^[\d\s().+-]+$/.test(needle)) {
      parts.push('(instr(search_text, ?) > 0 OR instr(search_text, ?) > 0)');
      params.push(needle, digits);
    } else {
      parts.push('instr(search_text, ?) > 0');
      params.push(needle);
    }
  }
  for (const column of ['last_status', 'first_status'] as const) {
    const wanted = filters[column];
    if (!wanted?.length) continue;
    const statuses = wanted.filter((s) => s !== 'none');
    const or: string[] = [];
    if (statuses.length) {
      or.push(`${column} IN (${statuses.map(() => '?').join(', ')})`);
      params.push(...statuses);
    }
    if (wanted.includes('none')) or.push(`${column} IS NULL`);
    parts.push(`(${or.join(' OR ')})`);
  }
  if (filters.attempts?.length) {
    parts.push(`attempt_count IN (${filters.attempts.map(() => '?').join(', ')})`);
    params.push(...filters.attempts);
  }
  if (filters.result?.length) {
    const scope = campaignId === null ? 'campaign_id IS NULL' : 'campaign_id = ?';
    if (campaignId !== null) params.push(campaignId);
    const or = filters.result.map((pair) => {
      const colon = pair.indexOf(':');
      params.push(pair.slice(0, colon), pair.slice(colon + 1));
      return '(key = ? AND value = ?)';
    });
    parts.push(`id IN (SELECT contact_id FROM contact_results WHERE ${scope} AND (${or.join(' OR ')}))`);
  }
  return { where: parts.join(' AND '), params };
}

