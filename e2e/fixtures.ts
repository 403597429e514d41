import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const MANAGE_TOKEN = 'ak_demo_manage';

/** Calls the reference API directly, for test setup only (never to check what a user sees). */
export async function api<T = unknown>(
  page: Page,
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<T> {
  const res = await page.request.fetch(path, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${init.token ?? MANAGE_TOKEN}`,
      'Content-Type': 'application/json',
    },
    data: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok())
    throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status()}: ${await res.text()}`);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);
}

export const test = base;
export { expect };
