import { test as base, expect, type Locator, type Page } from '@playwright/test';
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

/**
 * A new active campaign of `count` contacts, which the demo's dialer starts on at once: named
 * "Label 1764445000000", external ID "label-1764445000000", numbers `prefix` + 4 digits.
 */
export async function createDialingCampaign(
  page: Page,
  label: string,
  count: number,
  prefix: string,
) {
  const stamp = Date.now();
  const slug = `${label.toLowerCase()}-${stamp}`;
  const campaign = await api<{ id: string }>(page, '/campaign/campaigns', {
    method: 'POST',
    body: {
      name: `${label} ${stamp}`,
      external_id: slug,
      contacts: Array.from({ length: count }, (_, i) => ({
        external_id: `${slug}-${i}`,
        phone_numbers: [`${prefix}${String(i).padStart(4, '0')}`],
      })),
    },
  });
  return { id: campaign.id, name: `${label} ${stamp}`, externalId: slug };
}

export async function expectNoAxeViolations(page: Page) {
  // WCAG 2.2's target size (24 px, or that much room) is off in axe by default; Lighthouse runs it.
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  expect(
    results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    ),
  ).toEqual([]);
}

/** Presses Tab until `target` has the focus, as a keyboard user would reach it. */
export async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** Emulates the tab being hidden or shown, as the browser does when switching tabs. */
export async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (h ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}

export const test = base;
export { expect };
