import type { ColumnDef } from './data-table';

/**
 * The first column of a table with `renderDetails`: a toggle per row ("Show attempts for
 * lead-7", from `rowLabel`) and one in the header for the whole page. "Expand all" holds for
 * the rows of every page until a row is closed or all are collapsed.
 */
export function expandColumn<T>(rowLabel: (row: T) => string): ColumnDef<T> {
  return {
    id: 'expand',
    header: ({ allExpanded: all, setAllExpanded }) => (
      <button
        type="button"
        aria-expanded={all}
        aria-label={all ? 'Collapse all rows' : 'Expand all rows'}
        onClick={() => setAllExpanded(!all)}
        className="inline-flex min-h-7 min-w-7 items-center justify-center rounded text-slate-600 normal-case hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600 max-sm:min-h-11 max-sm:min-w-11 pointer-coarse:min-h-11 pointer-coarse:min-w-11"
      >
        <span aria-hidden="true">{all ? '▾' : '▸'}</span>
      </button>
    ),
    cell: ({ row }) => (
      <button
        type="button"
        aria-expanded={row.expanded}
        aria-label={`${row.expanded ? 'Hide' : 'Show'} ${rowLabel(row.original)}`}
        onClick={row.toggleExpanded}
        className="-my-1 inline-flex min-h-7 min-w-7 items-center justify-center rounded text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 max-sm:min-h-11 max-sm:min-w-11 pointer-coarse:min-h-11 pointer-coarse:min-w-11"
      >
        <span aria-hidden="true">{row.expanded ? '▾' : '▸'}</span>
      </button>
    ),
  };
}
