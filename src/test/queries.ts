import { within } from '@testing-library/react';

/**
 * What a description list says for `term`, as a screen reader pairs them: the definition
 * that goes with the term of that name (dt and dd are the roles term and definition).
 */
export function definitionOf(container: HTMLElement, term: string): string {
  const list = within(container);
  const terms = list.getAllByRole('term');
  const definitions = list.getAllByRole('definition');
  const index = terms.findIndex((t) => t.textContent === term);
  if (index === -1)
    throw new Error(`No term "${term}" among ${terms.map((t) => t.textContent).join(', ')}`);
  return definitions[index]?.textContent ?? '';
}
