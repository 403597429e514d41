import { memo, useDeferredValue } from 'react';
import { Link } from 'react-router';
import type { Campaign, Configuration } from '../../../contract/schemas';
import { SkeletonRows } from '../../components/skeleton-rows';
import { StatusBadge } from '../../components/status-badge';
import { formatDate } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { BoardCells, ReasonChip } from './board-cells';
import { BOARD_SORTS, sortCampaigns, type BoardSort, type BoardSortKey } from './sort-campaigns';
import type { LiveBoard } from './use-live-board';

type Column = { label: string; sort?: BoardSortKey };

const LIST: Column[] = [
  { label: 'Name' },
  { label: 'External ID' },
  { label: 'Status' },
  { label: 'Configuration' },
  { label: 'Created' },
];
const BOARD: Column[] = [
  { label: BOARD_SORTS.name, sort: 'name' },
  { label: 'Status' },
  { label: BOARD_SORTS.progress, sort: 'progress' },
  { label: BOARD_SORTS.in_flight, sort: 'in_flight' },
  { label: BOARD_SORTS.answer_rate, sort: 'answer_rate' },
  { label: BOARD_SORTS.finishes, sort: 'finishes' },
  { label: 'Configuration' },
  { label: 'Created' },
];

function HeaderCell({
  column,
  sort,
  onSort,
}: {
  column: Column;
  sort: BoardSort | null;
  onSort: (next: BoardSort | null) => void;
}) {
  const className = 'px-3 py-2 whitespace-nowrap';
  if (!column.sort) {
    return (
      <th scope="col" className={className}>
        {column.label}
      </th>
    );
  }
  const key = column.sort;
  const current = sort?.key === key ? sort : null;
  // Numbers sort biggest first, names A to Z; a third press returns to the server's order.
  const firstDescending = key !== 'name' && key !== 'finishes';
  const next =
    current === null
      ? { key, descending: firstDescending }
      : current.descending === firstDescending
        ? { key, descending: !firstDescending }
        : null;
  return (
    <th
      scope="col"
      className={className}
      aria-sort={current ? (current.descending ? 'descending' : 'ascending') : undefined}
    >
      <button
        type="button"
        onClick={() => onSort(next)}
        className="inline-flex items-center gap-1 uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {column.label}
        <span aria-hidden="true" className="w-3">
          {current ? (current.descending ? '↓' : '↑') : ''}
        </span>
      </button>
    </th>
  );
}

/**
 * The rows for one answer of the board. Memoized and fed a deferred copy of the numbers: each
 * 5 s poll's answer arrives in a synchronous render (TanStack Query's store), and a page of
 * rows in one task is a long one on a phone; this way they follow in React's sliced pass.
 */
const CampaignRows = memo(function CampaignRows({
  campaigns,
  byId,
  shown,
  configurations,
  sortKey,
  descending,
  now,
}: {
  campaigns: Campaign[];
  byId: LiveBoard['byId'];
  shown: boolean;
  configurations: Map<string, Configuration>;
  sortKey: BoardSortKey | null;
  descending: boolean;
  now: number;
}) {
  const rows =
    shown && sortKey ? sortCampaigns(campaigns, byId, { key: sortKey, descending }) : campaigns;
  return rows.map((c) => {
    const configuration = c.configuration_id
      ? (configurations.get(c.configuration_id) ?? null)
      : null;
    const stats = byId.get(c.id);
    return (
      <tr key={c.id} className="hover:bg-slate-50">
        <td className="px-3 py-2 font-medium">
          {/* Cut short at 20rem so the other columns stay in view; the title has it whole. */}
          <Link
            to={`/campaigns/${c.id}`}
            title={c.name}
            className="block max-w-[20rem] truncate text-indigo-700 hover:underline"
          >
            {c.name}
          </Link>
        </td>
        {!shown && (
          <td className="px-3 py-2 font-mono text-xs text-slate-700">
            <span title={c.external_id ?? undefined} className="block max-w-[12rem] truncate">
              {c.external_id ?? '—'}
            </span>
          </td>
        )}
        <td className="px-3 py-2">
          <StatusBadge status={c.status} />
          {/* A paused or closed campaign's badge already says why. */}
          {stats && c.status === 'active' && (
            <ReasonChip campaign={c} stats={stats} configuration={configuration} now={now} />
          )}
        </td>
        {shown && <BoardCells campaign={c} stats={stats} now={now} />}
        <td className="px-3 py-2 text-slate-700">
          <span title={configuration?.name} className="block max-w-[12rem] truncate">
            {configuration
              ? configuration.name
              : c.configuration_id
                ? 'Unknown configuration'
                : 'None'}
          </span>
        </td>
        <td className="px-3 py-2 text-slate-700">
          <time dateTime={c.created_at}>{formatDate(c.created_at)}</time>
        </td>
      </tr>
    );
  });
});

export function CampaignTable({
  campaigns,
  loading,
  configurations,
  board,
  sort,
  onSort,
}: {
  campaigns: Campaign[];
  loading: boolean;
  configurations: Map<string, Configuration>;
  board: LiveBoard;
  sort: BoardSort | null;
  onSort: (next: BoardSort | null) => void;
}) {
  // Finish times and calling windows move by the minute, not the second.
  const now = useNow(30_000);
  const columns = board.shown ? BOARD : LIST;
  const byId = useDeferredValue(board.byId);
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table
        className="min-w-full divide-y divide-slate-200 text-sm"
        aria-busy={loading || undefined}
      >
        <caption className="sr-only">
          Campaigns{board.shown ? ', with live numbers for active and paused ones' : ''}
        </caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {columns.map((c) => (
              <HeaderCell key={c.label} column={c} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {loading ? (
            <SkeletonRows columns={columns.length} />
          ) : (
            <CampaignRows
              campaigns={campaigns}
              byId={byId}
              shown={board.shown}
              configurations={configurations}
              sortKey={sort?.key ?? null}
              descending={sort?.descending ?? false}
              now={now}
            />
          )}
        </tbody>
      </table>
    </div>
  );
}
