/**
 * How an ended call ended, in the order every outcome chart, legend and table uses; each has one
 * colour everywhere, a colour-blind-safe one that follows the theme (index.css, --outcome-*).
 */
export const OUTCOMES = [
  { key: 'completed', label: 'Completed', color: 'var(--outcome-completed)' },
  { key: 'no_answer', label: 'No answer', color: 'var(--outcome-no-answer)' },
  { key: 'voicemail', label: 'Voicemail', color: 'var(--outcome-voicemail)' },
  { key: 'busy', label: 'Busy', color: 'var(--outcome-busy)' },
  { key: 'failed', label: 'Failed', color: 'var(--outcome-failed)' },
] as const;
