import { useDeferredValue, useMemo, type ComponentType } from 'react';
import { FiringAlertBadge } from '../../entities/alert/firing-alerts';
import { PausedBy } from '../../entities/campaign/paused-by';
import type { AlertEvent } from '../../../contract/alerts';
import { Link } from 'react-router';
import type { Campaign, Configuration } from '../../../contract/schemas';
import type { ActivityEvent, BatchStats } from '../../../contract/extensions';
import {
  DataTable,
  type ColumnDef,
  type DataTableProps,
  type SortingState,
} from '../../components/data-table/data-table';
import { StatusBadge } from '../../components/status-badge';
import { ZonedTime } from '../../components/zoned-time';
import { useNow } from '../../lib/use-now';
import {
  AnswerRateCell,
  ConversionCell,
  FinishesCell,
  InFlightCell,
  NoStats,
  ProgressCell,
  ReasonChip,
  SpendCell,
} from './board-cells';
import { useExtension } from '../../api/session';
import { BOARD_SORTS, sortCampaigns, type BoardSort, type BoardSortKey } from './sort-campaigns';
import type { LiveBoard } from './use-live-board';

type Live = { campaign: Campaign; stats: BatchStats; now: number; timeZone?: string };
type Context = {
  shown: boolean;
  /** Rows are loading for a board that may show: its sort buttons' line is kept on a phone. */
  sortable: boolean;
  byId: LiveBoard['byId'];
  configurations: Map<string, Configuration>;
  now: number;
  /** (ext) alerts firing now, by campaign. */
  firing: ReadonlyMap<string, AlertEvent[]>;
  /** (ext) activity: each paused campaign's latest pause, by campaign. */
  pauses: ReadonlyMap<string, ActivityEvent>;
  /** (ext) goal and cost: their columns. */
  goals: boolean;
  costs: boolean;
};

const nowrap = 'whitespace-nowrap';
const NO_ALERTS: ReadonlyMap<string, AlertEvent[]> = new Map();
const NO_PAUSES: ReadonlyMap<string, ActivityEvent> = new Map();

/** A live column: sortable, numbers biggest first (finish times soonest first). */
function liveColumn(
  key: Exclude<BoardSortKey, 'name'>,
  Cell: ComponentType<Live>,
  { byId, now, configurations }: Context,
): ColumnDef<Campaign> {
  return {
    id: key,
    header: BOARD_SORTS[key],
    enableSorting: true,
    sortDescFirst: key !== 'finishes',
    meta: { className: 'tabular-nums text-slate-800', headerClassName: nowrap },
    cell: ({ row: { original: c } }) => {
      const stats = byId.get(c.id);
      // The campaign's zone: a finish is forecast against its calling window.
      const timeZone = c.configuration_id
        ? configurations.get(c.configuration_id)?.timezone
        : undefined;
      return stats ? (
        <Cell campaign={c} stats={stats} now={now} timeZone={timeZone} />
      ) : (
        <NoStats campaign={c} />
      );
    },
  };
}

function campaignColumns(context: Context): ColumnDef<Campaign>[] {
  const { shown, sortable, byId, configurations, now, firing, pauses, goals, costs } = context;
  // A board's columns while its rows load too: on a phone its skeleton cards are then as tall.
  const live = shown || sortable;
  const configurationOf = (c: Campaign) =>
    c.configuration_id ? (configurations.get(c.configuration_id) ?? null) : null;
  return [
    {
      id: 'name',
      header: BOARD_SORTS.name,
      // Names sort A to Z first, on the board only.
      enableSorting: live,
      sortDescFirst: false,
      meta: { className: 'font-medium', headerClassName: nowrap },
      cell: ({ row: { original: c } }) => (
        <>
          {/* Cut short at 20rem so the other columns stay in view; the title has it whole. */}
          <Link
            to={`/campaigns/${c.id}`}
            title={c.name}
            className="block max-w-[20rem] truncate text-indigo-700 hover:underline"
          >
            {c.name}
          </Link>
          <FiringAlertBadge firing={firing.get(c.id)} />
        </>
      ),
    },
    ...(live
      ? []
      : [
          {
            id: 'external_id',
            header: 'External ID',
            meta: { className: 'font-mono text-xs text-slate-700', headerClassName: nowrap },
            cell: ({ row: { original: c } }) => (
              <span title={c.external_id ?? undefined} className="block max-w-[12rem] truncate">
                {c.external_id ?? '—'}
              </span>
            ),
          } satisfies ColumnDef<Campaign>,
        ]),
    {
      id: 'status',
      header: 'Status',
      meta: { headerClassName: nowrap },
      cell: ({ row: { original: c } }) => {
        const stats = byId.get(c.id);
        return (
          <>
            <StatusBadge status={c.status} />
            {c.status === 'paused' && <PausedBy event={pauses.get(c.id)} now={now} />}
            {/* A paused or closed campaign's badge already says why. */}
            {stats && c.status === 'active' && (
              <ReasonChip campaign={c} stats={stats} configuration={configurationOf(c)} now={now} />
            )}
          </>
        );
      },
    },
    ...(live
      ? [
          liveColumn('progress', ProgressCell, context),
          liveColumn('in_flight', InFlightCell, context),
          liveColumn('answer_rate', AnswerRateCell, context),
          ...(goals ? [liveColumn('conversion', ConversionCell, context)] : []),
          ...(costs ? [liveColumn('spend', SpendCell, context)] : []),
          liveColumn('finishes', FinishesCell, context),
        ]
      : []),
    {
      id: 'configuration',
      header: 'Configuration',
      meta: { className: 'text-slate-700', headerClassName: nowrap },
      cell: ({ row: { original: c } }) => {
        const configuration = configurationOf(c);
        return (
          <span title={configuration?.name} className="block max-w-[12rem] truncate">
            {configuration
              ? configuration.name
              : c.configuration_id
                ? 'Unknown configuration'
                : 'None'}
          </span>
        );
      },
    },
    {
      id: 'created',
      header: 'Created',
      meta: { className: 'text-slate-700', headerClassName: nowrap },
      cell: ({ row: { original: c } }) => <ZonedTime at={c.created_at} style="date" />,
    },
  ];
}

/**
 * The campaigns, with the live board's columns when it is offered. The board's numbers are a
 * deferred copy: each 5 s poll's answer arrives in a synchronous render (TanStack Query's
 * store), and a page of rows in one task is a long one on a phone; this way the rows follow
 * in React's sliced pass, while the urgent render re-renders none of them.
 */
export function CampaignTable({
  campaigns,
  loading,
  boardExpected,
  configurations,
  board,
  sort,
  onSort,
  firing = NO_ALERTS,
  pauses = NO_PAUSES,
  ...states
}: {
  campaigns: Campaign[];
  loading: boolean;
  /** The board may show once the rows are in (offered, or the session not known yet). */
  boardExpected: boolean;
  configurations: Map<string, Configuration>;
  board: LiveBoard;
  sort: BoardSort | null;
  onSort: (next: BoardSort | null) => void;
  firing?: ReadonlyMap<string, AlertEvent[]>;
  pauses?: ReadonlyMap<string, ActivityEvent>;
} & Pick<DataTableProps<Campaign>, 'answered' | 'failure' | 'empty' | 'toolbar' | 'footer'>) {
  // Finish times and calling windows move by the minute, not the second.
  const now = useNow(30_000);
  const { shown } = board;
  const byId = useDeferredValue(board.byId);
  const goals = useExtension('goal');
  const costs = useExtension('cost');
  const sortable = loading && boardExpected;
  const columns = useMemo(
    () =>
      campaignColumns({ shown, sortable, byId, configurations, now, firing, pauses, goals, costs }),
    [shown, sortable, byId, configurations, now, firing, pauses, goals, costs],
  );
  // The order is the URL's, on the board only; sortCampaigns keeps rows without a value last
  // either way and ties in the server's order.
  const sortKey = shown ? (sort?.key ?? null) : null;
  const descending = sort?.descending ?? false;
  const rows = useMemo(
    () => (sortKey ? sortCampaigns(campaigns, byId, { key: sortKey, descending }) : campaigns),
    [campaigns, byId, sortKey, descending],
  );
  const sorting: SortingState = sortKey ? [{ id: sortKey, desc: descending }] : [];
  return (
    <DataTable
      caption={`Campaigns${shown ? ', with live numbers for active and paused ones' : ''}`}
      columns={columns}
      data={rows}
      getRowId={(c) => c.id}
      loading={loading}
      sorting={sorting}
      onSortingChange={([next]) =>
        onSort(next ? { key: next.id as BoardSortKey, descending: next.desc } : null)
      }
      rowClassName="hover:bg-slate-50"
      {...states}
    />
  );
}
