import { formatNumber, formatRange } from '../../lib/format';
import { Button } from '../button';

export type PaginationProps = {
  /** 1-based; the request's offset is `(page - 1) * size`. */
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
  /** Offered with `onSize`: the page sizes to choose from. */
  sizes?: readonly number[];
  onSize?: (size: number) => void;
};

/** "Showing a–b of n", Previous and Next, and the page size when there is a choice. */
export function Pagination({ page, size, total, onPage, sizes, onSize }: PaginationProps) {
  const offset = (page - 1) * size;
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center gap-3 text-sm">
      <span aria-live="polite">
        Showing {total === 0 ? '0' : formatRange(offset + 1, Math.min(offset + size, total))} of{' '}
        {formatNumber(total)}
      </span>
      <Button disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <Button disabled={offset + size >= total} onClick={() => onPage(page + 1)}>
        Next
      </Button>
      {sizes && onSize && (
        <label className="flex items-center gap-2">
          Page size
          <select
            value={size}
            onChange={(e) => onSize(Number(e.target.value))}
            className="rounded-md border border-slate-300 px-2 py-1 max-sm:min-h-11"
          >
            {sizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
    </nav>
  );
}
