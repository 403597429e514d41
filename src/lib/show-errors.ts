import { flushSync } from 'react-dom';

/**
 * Renders `update` (the state change that sets a form's errors) at once, then moves focus to
 * the first field it marked invalid: a screen reader reads its label and message, and on a
 * phone it scrolls into view instead of sitting above the visible part of a dialog.
 */
export function showErrors(form: HTMLElement | null, update: () => void): void {
  flushSync(update);
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.focus();
  first?.scrollIntoView?.({ block: 'center' });
}
