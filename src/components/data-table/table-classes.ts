/** The head of a data table: small capitals on a grey band. */
export const headClass =
  'bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase';
/** A header or body cell of a data table. */
export const cellClass = 'px-3 py-2';
/** The head of a small table inside a panel (outcomes, attempt numbers, an import's rows). */
export const compactHeadClass = 'text-left text-xs text-slate-600';
