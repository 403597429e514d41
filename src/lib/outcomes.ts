/** How an ended call ended, in the order and colours every outcome chart and table uses. */
export const OUTCOMES = [
  { key: 'completed', label: 'Completed', color: '#059669' },
  { key: 'no_answer', label: 'No answer', color: '#d97706' },
  { key: 'voicemail', label: 'Voicemail', color: '#0284c7' },
  { key: 'busy', label: 'Busy', color: '#ea580c' },
  { key: 'failed', label: 'Failed', color: '#e11d48' },
] as const;
