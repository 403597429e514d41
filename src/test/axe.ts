import axe from 'axe-core';
import { expect } from 'vitest';

/** jsdom lays nothing out, so contrast is left to the e2e scans; every other rule applies. */
export async function expectNoAxeViolations(container: Element) {
  const { violations } = await axe.run(container, {
    rules: { 'color-contrast': { enabled: false } },
  });
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}
