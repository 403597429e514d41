/** The head of a data table: small capitals on a grey band. */
export const headClass =
  'bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase';
/** A header or body cell of a data table. */
export const cellClass = 'px-3 py-2';
/** The head of a small table inside a panel (outcomes, attempt numbers, an import's rows). */
export const compactHeadClass = 'text-left text-xs text-slate-600';
/** A row below 640 px: a card of lines, its title beside the expand toggle. */
export const phoneRowClass =
  'max-sm:flex max-sm:flex-wrap max-sm:items-center max-sm:gap-x-2 max-sm:px-3 max-sm:py-2';
/** A cell of such a card: its column's name (data-label), then its value, on one line. */
export const phoneCellClass =
  'max-sm:flex max-sm:w-full max-sm:items-baseline max-sm:justify-between max-sm:gap-3 max-sm:text-right max-sm:before:text-left max-sm:before:text-xs max-sm:before:font-sans max-sm:before:font-medium max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]';
/** A cell of a phone's card: its row gives the padding. */
export const phoneCardCellClass = `${cellClass} max-sm:px-0 max-sm:py-0.5`;
/** A labelled cell's value: its parts (a badge and a chip) together, on the right. */
export const phoneValueClass = 'max-sm:min-w-0 max-sm:text-right max-sm:*:ml-auto';
