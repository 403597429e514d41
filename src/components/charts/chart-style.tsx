import type { ReactNode } from 'react';

// The palette's own variables, so the charts follow the theme (index.css) like the page does.
export const AXIS = { stroke: 'var(--color-slate-400)' };
export const TICK = { fontSize: 12, fill: 'var(--color-slate-600)' };
export const GRID = { stroke: 'var(--color-slate-200)', strokeDasharray: '3 3' };
export const AXIS_TITLE = { fontSize: 12, fill: 'var(--color-slate-700)' };
export const TOOLTIP = {
  contentStyle: {
    background: 'var(--color-white)',
    borderColor: 'var(--color-slate-300)',
    color: 'var(--color-slate-900)',
  },
  labelStyle: { color: 'var(--color-slate-900)' },
};
/** Legend text in the text colour, beside its swatch: a series' colour is not a text colour. */
export const legendText = (value: ReactNode) => (
  <span style={{ color: 'var(--color-slate-700)' }}>{value}</span>
);
