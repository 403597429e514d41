import type { ContactQuery } from '../../contract/extensions.ts';
import { fold } from './schema.ts';

/**
 * The filters with `callable=now` resolved at the request's moment into `open`: 'any' (the
 * campaign's own window is open) or the zones open now.
 */
export type ResolvedContactQuery = ContactQuery & { open?: 'any' | string[] };

export type ContactFilterSql = {
  where: string;
  params: unknown[];
  /** An index on `contacts` that covers the condition, for counts the planner would not see it for. */
  coveringIndex: string | null;
};

/** The contact statuses of each stats bucket. */
const BUCKET_STATUSES = {
  pending: ['pending'],
  in_progress: ['locked', 'in_progress'],
  completed: ['completed'],
  exhausted: ['exhausted'],
} as const;

/**
 * The contract's contact filters as one SQL condition on `contacts` (AND across filters, OR
 * within one), with its parameters. Every part can use an index of migrations 002 and 003,
 * except a search shorter than three characters, a check of the folded text.
 */
export function contactFilterSql(filters: ResolvedContactQuery): ContactFilterSql {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (filters.timezone?.length) {
    const zones = filters.timezone.filter((z) => z !== 'none');
    const or = zones.length ? [`timezone IN (${zones.map(() => '?').join(', ')})`] : [];
    params.push(...zones);
    if (filters.timezone.includes('none')) or.push('timezone IS NULL');
    parts.push(`(${or.join(' OR ')})`);
  }
  if (filters.suppressed) {
    parts.push('suppressed = ?');
    params.push(filters.suppressed === 'true' ? 1 : 0);
  }
  if (filters.open !== undefined) {
    // callable=now: pending, and in a zone whose window is open (resolved by the route).
    parts.push("status = 'pending'");
    if (filters.open !== 'any') {
      parts.push(`timezone IN (${filters.open.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...filters.open);
    }
  }
  if (filters.status?.length) {
    // By status rather than the generated bucket column: contacts_summary covers status.
    const statuses = [...new Set(filters.status.flatMap((b) => BUCKET_STATUSES[b]))];
    parts.push(`status IN (${statuses.map(() => '?').join(', ')})`);
    params.push(...statuses);
  }
  if (filters.search) {
    const needle = fold(filters.search.trim());
    const digits = needle.replace(/\D/g, '');
    // "(415) 555" finds +14155550123 too: a phone search matches on its digits.
    const needles =
      digits && digits !== needle && /^[\d\s().+-]+$/.test(needle) ? [needle, digits] : [needle];
    if (needles.every((n) => [...n].length >= 3)) {
      // The trigram index (migration 003) finds substrings of three characters or more.
      parts.push('seq IN (SELECT rowid FROM contacts_search WHERE contacts_search MATCH ?)');
      params.push(needles.map((n) => `"${n.replaceAll('"', '""')}"`).join(' OR '));
    } else {
      parts.push(`(${needles.map(() => 'instr(search_text, ?) > 0').join(' OR ')})`);
      params.push(...needles);
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
    const needles = filters.result.flatMap((pair) => {
      const colon = pair.indexOf(':');
      return resultNeedles(pair.slice(0, colon), pair.slice(colon + 1));
    });
    parts.push(`(${needles.map(() => 'instr(latest_results, ?) > 0').join(' OR ')})`);
    params.push(...needles);
  }
  // Only contacts_summary holds latest_results; the planner prefers narrower indexes and then
  // reads every contact row to check it.
  return {
    where: parts.join(' AND '),
    params,
    coveringIndex: filters.result?.length ? 'contacts_summary' : null,
  };
}

/**
 * The texts a contact's latest_results (minified JSON, key → [type, value], migration 003)
 * holds when its latest result for `key` is `value`, whatever its type. Quotes inside keys and
 * values are escaped in that JSON, so `{"key":[` or `,"key":[` only ever starts an entry.
 */
function resultNeedles(key: string, value: string): string[] {
  // Only the types that could have stored this text: a boolean is "true" or "false", a number
  // as SQLite writes it starts with a digit (or a minus and a digit). Fewer needles, same rows.
  const types = [
    'string',
    ...(value === 'true' || value === 'false' ? ['boolean'] : []),
    ...(/^-?\d/.test(value) ? ['number'] : []),
  ];
  return types.flatMap((type) =>
    ['{', ','].map(
      (before) =>
        `${before}${JSON.stringify(key)}:[${JSON.stringify(type)},${JSON.stringify(value)}]`,
    ),
  );
}
