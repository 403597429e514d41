import type { QueryClient } from '@tanstack/react-query';
import { contactQueries } from '../../api/contacts';
import type { Campaign, Contact, ContactBucket } from '../../../contract/schemas';
import type { ContactFilters } from '../../../contract/extensions';
import { hasContactFilters } from '../../lib/contact-filters';
import { contactName } from '../../entities/contact/contact-label';
import { downloadCsv, fileSlug } from '../../lib/csv-download';
import { asText, lastResult } from '../../entities/contact/contact-display';

const PAGE = 200;

function toColumns(contacts: Contact[]) {
  const dataKeys = new Set<string>();
  const resultKeys = new Set<string>();
  for (const c of contacts) {
    Object.keys(c.data).forEach((k) => dataKeys.add(k));
    Object.keys(lastResult(c) ?? {}).forEach((k) => resultKeys.add(k));
  }
  const data = [...dataKeys].sort();
  const results = [...resultKeys].sort();
  const fields = [
    'external_id',
    'name',
    'phone_numbers',
    'status',
    'attempts',
    'last_outcome',
    'last_attempt_at',
    ...data.map((k) => `data.${k}`),
    ...results,
  ];
  const rows = contacts.map((c) => {
    const last = c.attempts.at(-1);
    const result = lastResult(c) ?? {};
    return [
      c.external_id ?? '',
      contactName(c) ?? '',
      c.phone_numbers.join('; '),
      c.status,
      c.attempts.length,
      last?.status ?? '',
      last?.started_at ?? '',
      ...data.map((k) => asText(c.data[k])),
      ...results.map((k) => asText(result[k])),
    ];
  });
  return { fields, rows };
}

/**
 * Fetches every page of the filter through React Query (not kept in the cache afterwards)
 * and downloads them as one CSV. Contacts that move between pages while the dialer runs
 * are written once.
 */
export async function exportContacts(
  queryClient: QueryClient,
  campaign: Campaign,
  status: ContactBucket | null,
  filters: ContactFilters,
  opts: { signal: AbortSignal; onProgress: (done: number, total: number) => void },
): Promise<{ file: string; count: number } | 'cancelled'> {
  const byId = new Map<string, Contact>();
  let total = Infinity;
  for (let offset = 0; offset < total; offset += PAGE) {
    if (opts.signal.aborted) return 'cancelled';
    const page = await queryClient.fetchQuery({
      ...contactQueries.list(campaign.id, {
        limit: PAGE,
        offset,
        status,
        ...(hasContactFilters(filters) ? { filters } : {}),
      }),
      gcTime: 0,
    });
    total = page.total;
    page.contacts.forEach((c) => byId.set(c.id, c));
    opts.onProgress(Math.min(offset + PAGE, total), total);
    if (page.contacts.length === 0) break;
  }
  if (opts.signal.aborted) return 'cancelled';
  const { fields, rows } = toColumns([...byId.values()]);
  const suffix =
    (status ? `-${status.replace('_', '-')}` : '') +
    (hasContactFilters(filters) ? '-filtered' : '');
  const file = `${fileSlug(campaign.name)}-contacts${suffix}.csv`;
  downloadCsv(file, fields, rows);
  return { file, count: rows.length };
}
