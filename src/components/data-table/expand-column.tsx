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
        className="rounded px-1.5 text-slate-600 normal-case hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
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
        className="rounded px-1.5 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span aria-hidden="true">{row.expanded ? '▾' : '▸'}</span>
      </button>
    ),
  };
}
