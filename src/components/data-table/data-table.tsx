import { memo, type ReactNode } from 'react';
import {
  functionalUpdate,
  getCoreRowModel,
  useReactTable,
  type CellContext,
  type ColumnDef,
  type HeaderContext,
  type Row,
  type RowData,
  type SortingState,
  type Table,
} from '@tanstack/react-table';
import { ErrorState } from '../error-state';
import { Pagination, type PaginationProps } from './pagination';
import { SkeletonRows } from './skeleton-rows';
import { cellClass, headClass } from './table-classes';

declare module '@tanstack/react-table' {
  // TValue is TanStack's; the interface must keep its parameters to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Added to the column's body cells (and `headerClassName` to its header). */
    className?: string;
    headerClassName?: string;
  }
}

export type { ColumnDef, SortingState };

type Failure = { title: string; error: unknown; onRetry: () => void };

export type DataTableProps<T> = {
  /** Read by screen readers only: what the rows are. */
  caption: ReactNode;
  /**
   * Memoize them (useMemo or a module constant). A column's `cell` and `header` are called as
   * render functions, never mounted as components: new columns (a poll's numbers in them)
   * re-render the cells and keep what is inside, focus included.
   */
  columns: ColumnDef<T>[];
  data: T[];
  /** A row's key: stable across answers, so a poll re-renders rows in place. */
  getRowId: (row: T) => string;
  /** Skeleton rows instead of `data`, under the same header. */
  loading?: boolean;
  /** Whether an answer has arrived: until it has, an empty `data` is not "empty". */
  answered?: boolean;
  /** Shown instead of the table once answered with nothing (`pagination.total`, else `data`). */
  empty?: ReactNode;
  /** Shown instead of the table: an ErrorState with its Retry. */
  failure?: Failure | null;
  /** Above the table, shown with it. */
  toolbar?: ReactNode;
  /** Offset pages under the table; pass it once the answer that counts them is in. */
  pagination?: PaginationProps;
  /** Below the table (and its pagination), shown with it. */
  footer?: ReactNode;
  /**
   * The order shown, for sortable columns (`enableSorting`, an `accessorFn`, `sortDescFirst`):
   * `data` arrives in that order (the caller sorts, here or on the server); a header's button
   * cycles first direction, the other, none.
   */
  sorting?: SortingState;
  onSortingChange?: (next: SortingState) => void;
  /** An expanded row's details, in a full-width row under it (see expandColumn). */
  renderDetails?: (row: T) => ReactNode;
  rowClassName?: string;
};

/** A header or cell: a render function is called, not mounted (see `columns`). */
function render<C>(content: ReactNode | ((context: C) => ReactNode), context: C): ReactNode {
  return typeof content === 'function' ? content(context) : content;
}

type RowProps<T> = {
  row: Row<T>;
  columns: ColumnDef<T>[];
  expanded: boolean;
  renderDetails?: (row: T) => ReactNode;
  className?: string;
};

/**
 * One row, re-rendered only when its item (an answer's unchanged items keep their identity:
 * React Query shares them), the columns or its expansion change, so a poll renders the rows
 * that moved and a parent's re-render renders none.
 */
const DataRow = memo(
  function DataRow<T>({ row, expanded, renderDetails, className }: RowProps<T>) {
    const cells = row.getVisibleCells();
    return (
      <>
        <tr className={className}>
          {cells.map((cell) => (
            <td
              key={cell.id}
              className={`${cellClass} ${cell.column.columnDef.meta?.className ?? ''}`}
            >
              {render<CellContext<T, unknown>>(cell.column.columnDef.cell, cell.getContext())}
            </td>
          ))}
        </tr>
        {expanded && renderDetails && (
          <tr>
            <td colSpan={cells.length} className="bg-slate-50 px-6 py-4">
              {renderDetails(row.original)}
            </td>
          </tr>
        )}
      </>
    );
  },
  (a, b) =>
    a.row.original === b.row.original &&
    a.columns === b.columns &&
    a.expanded === b.expanded &&
    a.renderDetails === b.renderDetails &&
    a.className === b.className,
) as <T>(props: RowProps<T>) => ReactNode;

function HeaderCells<T>({ table }: { table: Table<T> }) {
  return table.getFlatHeaders().map((header) => {
    const { column } = header;
    const content = render<HeaderContext<T, unknown>>(column.columnDef.header, header.getContext());
    const className = `${cellClass} ${column.columnDef.meta?.headerClassName ?? ''}`;
    if (!column.getCanSort()) {
      return (
        <th key={header.id} scope="col" className={className}>
          {content}
        </th>
      );
    }
    const sorted = column.getIsSorted();
    return (
      <th
        key={header.id}
        scope="col"
        className={className}
        aria-sort={sorted === 'desc' ? 'descending' : sorted === 'asc' ? 'ascending' : undefined}
      >
        <button
          type="button"
          onClick={() => column.toggleSorting()}
          className="inline-flex items-center gap-1 uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {content}
          {/* An unsorted column shows it can be sorted; aria-sort says the order. */}
          <span aria-hidden="true" className="w-3">
            {sorted === 'desc' ? '↓' : sorted === 'asc' ? '↑' : '↕'}
          </span>
        </button>
      </th>
    );
  });
}

/**
 * The one data table: columns (TanStack Table's), skeleton rows while loading, the empty and
 * failed states instead of the table, a toolbar above, offset pages below, header sorting
 * with aria-sort, expandable rows and memoized rows.
 */
export function DataTable<T>({
  caption,
  columns,
  data,
  getRowId,
  loading = false,
  answered = true,
  empty,
  failure,
  toolbar,
  pagination,
  footer,
  sorting,
  onSortingChange,
  renderDetails,
  rowClassName,
}: DataTableProps<T>) {
  const table = useReactTable({
    columns,
    data,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    // The rows arrive in order and paged; the table keeps no state a new answer would reset.
    manualSorting: true,
    manualPagination: true,
    autoResetAll: false,
    enableMultiSort: false,
    defaultColumn: { enableSorting: false },
    ...(sorting && {
      state: { sorting },
      onSortingChange: (updater) => onSortingChange?.(functionalUpdate(updater, sorting)),
    }),
  });

  if (failure) return <ErrorState {...failure} />;
  if (answered && (pagination?.total ?? data.length) === 0 && empty) return empty;
  return (
    <>
      {toolbar}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table
          className="min-w-full divide-y divide-slate-200 text-sm"
          aria-busy={loading || undefined}
        >
          <caption className="sr-only">{caption}</caption>
          <thead className={headClass}>
            <tr>
              <HeaderCells table={table} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {loading ? (
              <SkeletonRows columns={columns.length} />
            ) : (
              table
                .getRowModel()
                .rows.map((row) => (
                  <DataRow
                    key={row.id}
                    row={row}
                    columns={columns}
                    expanded={row.getIsExpanded()}
                    renderDetails={renderDetails}
                    className={rowClassName}
                  />
                ))
            )}
          </tbody>
        </table>
      </div>
      {pagination && <Pagination {...pagination} />}
      {footer}
    </>
  );
}
