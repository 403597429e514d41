import { memo, useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ErrorState } from '../error-state';
import { Pagination, type PaginationProps } from './pagination';
import { SkeletonRows } from './skeleton-rows';
import {
  cellClass,
  headClass,
  phoneCardCellClass,
  phoneCellClass,
  phoneRowClass,
  phoneValueClass,
} from './table-classes';

/** What a cell is given: its row's item, key and expansion. */
export type Row<T> = {
  id: string;
  original: T;
  expanded: boolean;
  toggleExpanded: () => void;
};

/** What a header is given: whether every row shown is expanded, and the way to change that. */
export type HeaderContext = {
  allExpanded: boolean;
  setAllExpanded: (open: boolean) => void;
};

export type ColumnDef<T> = {
  id: string;
  header: ReactNode | ((context: HeaderContext) => ReactNode);
  cell: (context: { row: Row<T> }) => ReactNode;
  /** A button in the header sets the order (`sorting`); `data` must arrive in it. */
  enableSorting?: boolean;
  /** The button's first click sorts descending (numbers biggest first), else ascending. */
  sortDescFirst?: boolean;
  /** Added to the column's body cells (and `headerClassName` to its header). */
  meta?: { className?: string; headerClassName?: string };
};

/** The order shown: one column at most, or none (the data's own order). */
export type SortingState = { id: string; desc: boolean }[];

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
   * The order shown, for sortable columns: `data` arrives in that order (the caller sorts, here
   * or on the server); a header's button cycles first direction, the other, none.
   */
  sorting?: SortingState;
  onSortingChange?: (next: SortingState) => void;
  /** An expanded row's details, in a full-width row under it (see expandColumn). */
  renderDetails?: (row: T) => ReactNode;
  rowClassName?: string;
};

/** Expanded rows: `true` after "Expand all", which holds for the rows of every page. */
type Expanded = true | ReadonlySet<string>;

/**
 * Below 640 px a row is a card: the first column titled in words is its heading, the others
 * "Label value" lines under it (the label from the header), so no column is off screen.
 */
function phoneCell<T>(column: ColumnDef<T>, title: ColumnDef<T> | undefined) {
  if (typeof column.header !== 'string') return { className: '' };
  if (column === title) return { className: 'max-sm:min-w-0 max-sm:flex-1 max-sm:font-medium' };
  return { className: phoneCellClass, 'data-label': column.header };
}

/** A header a phone keeps: a sort button, or the toggle that expands every row. */
function actsOnPhone<T>(column: ColumnDef<T>, onSortingChange?: (next: SortingState) => void) {
  return column.id === 'expand' || (!!column.enableSorting && !!onSortingChange);
}

type RowProps<T> = {
  id: string;
  item: T;
  columns: ColumnDef<T>[];
  expanded: boolean;
  onToggle: (id: string) => void;
  renderDetails?: (row: T) => ReactNode;
  className?: string;
  /** The column that heads the row's card on a phone. */
  title?: ColumnDef<T>;
};

/**
 * One row, re-rendered only when its item (an answer's unchanged items keep their identity:
 * React Query shares them), the columns or its expansion change, so a poll renders the rows
 * that moved and a parent's re-render renders none.
 */
const DataRow = memo(function DataRow<T>({
  id,
  item,
  columns,
  expanded,
  onToggle,
  renderDetails,
  className,
  title,
}: RowProps<T>) {
  const row: Row<T> = { id, original: item, expanded, toggleExpanded: () => onToggle(id) };
  return (
    <>
      <tr className={`${phoneRowClass} ${className ?? ''}`}>
        {columns.map((column) => {
          const phone = phoneCell(column, title);
          return (
            <td
              key={column.id}
              data-label={phone['data-label']}
              className={`${phoneCardCellClass} ${phone.className} ${column.meta?.className ?? ''}`}
            >
              {phone['data-label'] ? (
                // One value beside its label.
                <div className={phoneValueClass}>{column.cell({ row })}</div>
              ) : (
                column.cell({ row })
              )}
            </td>
          );
        })}
      </tr>
      {expanded && renderDetails && (
        <tr className="max-sm:block">
          <td colSpan={columns.length} className="bg-slate-50 px-6 py-4 max-sm:block max-sm:px-3">
            {renderDetails(item)}
          </td>
        </tr>
      )}
    </>
  );
}) as <T>(props: RowProps<T>) => ReactNode;

function HeaderCell<T>({
  column,
  context,
  sorting,
  onSortingChange,
}: {
  column: ColumnDef<T>;
  context: HeaderContext;
  sorting?: SortingState;
  onSortingChange?: (next: SortingState) => void;
}) {
  const { header, enableSorting, sortDescFirst = false, meta } = column;
  const content = typeof header === 'function' ? header(context) : header;
  // On a phone only the headers that do something stay: a row's card labels its own cells.
  const className = `${cellClass} ${meta?.headerClassName ?? ''} max-sm:shrink-0 max-sm:p-0 max-sm:whitespace-nowrap ${actsOnPhone(column, onSortingChange) ? '' : 'max-sm:hidden'}`;
  if (!enableSorting || !onSortingChange) {
    return (
      <th scope="col" className={className}>
        {content}
      </th>
    );
  }
  const current = sorting?.[0]?.id === column.id ? sorting[0] : undefined;
  // First direction, the other, then the data's own order.
  const next: SortingState = !current
    ? [{ id: column.id, desc: sortDescFirst }]
    : current.desc === sortDescFirst
      ? [{ id: column.id, desc: !sortDescFirst }]
      : [];
  return (
    <th
      scope="col"
      className={className}
      aria-sort={current ? (current.desc ? 'descending' : 'ascending') : undefined}
    >
      <button
        type="button"
        onClick={() => onSortingChange(next)}
        className="inline-flex items-center gap-1 uppercase underline decoration-slate-400 decoration-dotted underline-offset-4 hover:text-slate-900 hover:decoration-solid focus-visible:outline-2 focus-visible:outline-indigo-600 max-sm:min-h-11 max-sm:rounded-md max-sm:border max-sm:border-slate-300 max-sm:bg-white max-sm:px-2"
      >
        {content}
        {/* An unsorted column shows it can be sorted; aria-sort says the order. */}
        <span aria-hidden="true" className="w-3">
          {current ? (current.desc ? '↓' : '↑') : '↕'}
        </span>
      </button>
    </th>
  );
}

/**
 * The one data table: typed columns, skeleton rows while loading, the empty and failed states
 * instead of the table, a toolbar above, offset pages below, header sorting with aria-sort,
 * expandable rows and memoized rows.
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
  const [expanded, setExpanded] = useState<Expanded>(() => new Set());
  const ids = data.map(getRowId);
  // The rows shown, for a row closed after "Expand all": the others shown stay open. A ref, so
  // the toggle keeps its identity and the rows their memo.
  const shownIds = useRef(ids);
  useLayoutEffect(() => {
    shownIds.current = ids;
  });
  const toggle = useCallback(
    (id: string) =>
      setExpanded((old) => {
        const next = new Set(old === true ? shownIds.current : old);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const isExpanded = (id: string) => expanded === true || expanded.has(id);
  const header: HeaderContext = {
    allExpanded: expanded === true || (expanded.size > 0 && ids.every(isExpanded)),
    setAllExpanded: (open) => setExpanded(open ? true : new Set()),
  };

  const title = columns.find((c) => typeof c.header === 'string');
  if (failure) return <ErrorState {...failure} />;
  if (answered && (pagination?.total ?? data.length) === 0 && empty) return empty;
  return (
    <>
      {toolbar}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table
          className="min-w-full divide-y divide-slate-200 text-sm max-sm:block"
          aria-busy={loading || undefined}
        >
          <caption className="sr-only">{caption}</caption>
          <thead
            className={`${headClass} ${columns.some((c) => actsOnPhone(c, onSortingChange)) ? 'max-sm:block' : 'max-sm:hidden'}`}
          >
            <tr className="max-sm:flex max-sm:items-center max-sm:gap-2 max-sm:overflow-x-auto max-sm:px-3 max-sm:py-2">
              {columns.map((column) => (
                <HeaderCell
                  key={column.id}
                  column={column}
                  context={header}
                  sorting={sorting}
                  onSortingChange={onSortingChange}
                />
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 max-sm:block">
            {loading ? (
              <SkeletonRows columns={columns.length} />
            ) : (
              data.map((item, i) => (
                <DataRow
                  key={ids[i]}
                  id={ids[i]!}
                  item={item}
                  columns={columns}
                  expanded={isExpanded(ids[i]!)}
                  onToggle={toggle}
                  renderDetails={renderDetails}
                  className={rowClassName}
                  title={title}
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
