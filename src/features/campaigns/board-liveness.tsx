import { useNow } from '../../lib/use-now';
import type { LiveBoard } from './use-live-board';

// Always one line tall, so the table below never moves when the numbers arrive.
const line = 'flex min-h-5 items-center gap-2 text-sm text-slate-700';

/** Whether the board's numbers are live and how old they are; never a live region. */
export function BoardLiveness({ board }: { board: LiveBoard }) {
  const now = useNow(1000);
  const { query } = board;
  if (!board.shown) return <p className={line} />;
  if (!query.data) {
    return query.isError ? (
      <p className={`${line} text-red-800`}>
        Live numbers could not be loaded: {query.error.message}
      </p>
    ) : (
      <p className={line}>Loading live numbers…</p>
    );
  }
  const seconds = Math.max(0, Math.round((now - query.dataUpdatedAt) / 1000));
  const state = query.isError
    ? `Update failed (${query.error.message}); showing numbers from ${seconds}s ago`
    : board.live
      ? `Live · updated ${seconds}s ago`
      : !board.visible
        ? `Paused while the tab is hidden · updated ${seconds}s ago`
        : `Not live: no active campaign on screen · updated ${seconds}s ago`;
  return (
    <p className={line} aria-live="off">
      <span
        aria-hidden="true"
        className={`h-2 w-2 rounded-full ${query.isError ? 'bg-red-600' : board.live ? 'animate-pulse bg-emerald-600' : 'bg-slate-400'}`}
      />
      {state}
    </p>
  );
}
