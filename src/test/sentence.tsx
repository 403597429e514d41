import type { ReactNode } from 'react';
import { render } from '@testing-library/react';

/** An element's text as the screen shows it: what is only for screen readers left out. */
export function seenText(element: Element): string {
  const shown = element.cloneNode(true) as Element;
  shown.querySelectorAll('.sr-only').forEach((el) => el.remove());
  return shown.textContent ?? '';
}

/**
 * A findByText matcher for a sentence whose parts are elements (a time with its zone): the
 * innermost element whose seen text matches.
 */
export function seenSentence(pattern: string | RegExp) {
  const matches = (el: Element) =>
    typeof pattern === 'string' ? seenText(el) === pattern : pattern.test(seenText(el));
  return (_: string, el: Element | null) =>
    el !== null && matches(el) && ![...el.children].some(matches);
}

/**
 * A sentence rendered as a page shows it: `seen` is its text on screen, `zones` the full zone
 * name each of its times offers on hover.
 */
export function renderSentence(sentence: ReactNode): { seen: string; zones: string[] } {
  const { container, unmount } = render(<p>{sentence}</p>);
  const seen = seenText(container);
  const zones = [...container.querySelectorAll('time')].map((t) => t.getAttribute('title') ?? '');
  unmount();
  return { seen, zones };
}
