import { Link } from 'react-router';
import type { Campaign } from '../../../contract/schemas';
import { SkeletonRows } from '../../components/skeleton-rows';
import { StatusBadge } from '../../components/status-badge';
import { formatDate } from '../../lib/format';

const HEADERS = ['Name', 'External ID', 'Status', 'Configuration', 'Created'];

export function CampaignTable({
  campaigns,
  loading,
  configNames,
}: {
  campaigns: Campaign[];
  loading: boolean;
  configNames: Map<string, string>;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table
        className="min-w-full divide-y divide-slate-200 text-sm"
        aria-busy={loading || undefined}
      >
        <caption className="sr-only">Campaigns</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {loading ? (
            <SkeletonRows columns={HEADERS.length} />
          ) : (
            campaigns.map((c) => (
              <tr key={c.id} className="hover:bg-slate-50">
                <td className="px-3 py-2 font-medium">
                  <Link to={`/campaigns/${c.id}`} className="text-indigo-700 hover:underline">
                    {c.name}
                  </Link>
                </td>
                <td className="px-3 py-2 font-mono text-xs text-slate-700">
                  {c.external_id ?? '—'}
                </td>
                <td className="px-3 py-2">
                  <StatusBadge status={c.status} />
                </td>
                <td className="px-3 py-2 text-slate-700">
                  {c.configuration_id
                    ? (configNames.get(c.configuration_id) ?? 'Unknown configuration')
                    : 'None'}
                </td>
                <td className="px-3 py-2 text-slate-700">
                  <time dateTime={c.created_at}>{formatDate(c.created_at)}</time>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
