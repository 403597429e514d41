import { useQuery } from '@tanstack/react-query';
import { reportQueries } from '../../api/reports';
import type { ContactFilters } from '../../../contract/extensions';
import type { ContactBucket } from '../../../contract/schemas';
import { formatCount, formatDuration, formatNumber } from '../../lib/format';

const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);

/**
 * Seed 004's filtered audience stats: the report of exactly the contacts the list shows, so
 * the bucket (`status`) goes with the filters.
 */
export function FilteredStats({
  campaignId,
  status,
  filters,
}: {
  campaignId: string;
  status: ContactBucket | null;
  filters: ContactFilters;
}) {
  const report = useQuery(
    reportQueries.campaign(campaignId, status ? { ...filters, status: [status] } : filters),
  );
  if (!report.data) {
    return (
      <p className="text-sm text-slate-600" aria-busy={report.isPending}>
        {report.isError
          ? `Stats for these contacts are unavailable: ${report.error.message}`
          : 'Stats for these contacts…'}
      </p>
    );
  }
  const { contacts, attempts, rates, talk_time } = report.data;
  return (
    <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800">
      <strong>Stats for these contacts:</strong> {formatCount(contacts.total, 'contact')},{' '}
      {formatNumber(attempts.total)} calls, answer rate {percent(rates.answer_rate)}, success rate{' '}
      {percent(rates.success_rate)}, talk time {formatDuration(talk_time.total_seconds)}
      {talk_time.average_seconds !== null &&
        ` (${formatDuration(talk_time.average_seconds)} on average)`}
      .
    </p>
  );
}
