import type { QueryClient } from '@tanstack/react-query';
import { callQueries, type CallsParams } from '../../api/calls';
import type { Call, CallsPage } from '../../../contract/extensions';
import type { Campaign } from '../../../contract/schemas';
import { downloadCsv, fileSlug } from '../../lib/csv-download';
import { callSeconds } from './call-columns';

const PAGE = 200;
const asText = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function toColumns(calls: Call[]) {
  const resultKeys = [...new Set(calls.flatMap((c) => Object.keys(c.result ?? {})))].sort();
  const fields = [
    'started_at',
    'ended_at',
    'duration_seconds',
    'status',
    'contact_external_id',
    'contact_id',
    'attempt_number',
    'phone_number',
    'conversation_id',
    ...resultKeys,
  ];
  const rows = calls.map((c) => {
    const seconds = callSeconds(c);
    return [
      c.started_at,
      c.ended_at ?? '',
      seconds === null ? '' : Math.round(seconds),
      c.status,
      c.contact_external_id ?? '',
      c.contact_id,
      c.attempt_number,
      c.phone_number,
      c.conversation_id ?? '',
      ...resultKeys.map((k) => asText(c.result?.[k])),
    ];
  });
  return { fields, rows };
}

/**
 * Every attempt that matches the filter, a cursor page of 200 at a time through React Query
 * (not kept in the cache afterwards), as one CSV. Cursor pages do not shift as calls are
 * made, so each attempt is written once.
 */
export async function exportCalls(
  queryClient: QueryClient,
  campaign: Campaign,
  filter: Omit<CallsParams, 'limit' | 'cursor'>,
  opts: { signal: AbortSignal; onProgress: (done: number, total: number | null) => void },
): Promise<{ file: string; count: number } | 'cancelled'> {
  const calls: Call[] = [];
  let cursor: string | null = null;
  do {
    if (opts.signal.aborted) return 'cancelled';
    const page: CallsPage = await queryClient.fetchQuery({
      ...callQueries.page(campaign.id, { ...filter, limit: PAGE, cursor }),
      gcTime: 0,
    });
    calls.push(...page.attempts);
    cursor = page.next_cursor;
    opts.onProgress(calls.length, cursor ? null : calls.length);
  } while (cursor);
  if (opts.signal.aborted) return 'cancelled';
  const { fields, rows } = toColumns(calls);
  const suffix = filter.statuses.length > 0 || filter.from ? '-filtered' : '';
  const file = `${fileSlug(campaign.name)}-calls${suffix}.csv`;
  downloadCsv(file, fields, rows);
  return { file, count: rows.length };
}
