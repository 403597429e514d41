import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The key numbers a manager reads first, by their test ids. */
const FIRST_SCREEN = ['key-answer-rate', 'key-conversions', 'key-finish', 'key-in-flight'];

async function expectInFirstScreen(page: Page, height: number, width: number) {
  for (const id of FIRST_SCREEN) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.y, `${id} top`).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height, `${id} bottom at ${width}×${height}`).toBeLessThanOrEqual(height);
    expect(box!.x + box!.width, `${id} right at ${width}×${height}`).toBeLessThanOrEqual(width);
    // Nothing of a value hidden behind its box's ellipsis (a range keeps its end).
    const value = page.getByTestId(id).locator('dd').first();
    const cut = await value.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(cut, `${id} value cut at ${width}×${height}`).toBe(false);
  }
}

test.describe('Is it working, on the first screen', () => {
  for (const [width, height] of [
    [1360, 850],
    [390, 844],
  ] as const) {
    test(`Spring outreach shows its answer rate, conversions, finish and calls in flight without scrolling at ${width}×${height}`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.goto('/campaigns/spring-outreach');
      for (const id of FIRST_SCREEN) await expect(page.getByTestId(id)).toBeVisible();
      await expect(page.getByTestId('key-answer-rate')).toContainText(/of [\d,]+ ended calls/);
      await expect(page.getByTestId('key-conversions')).toContainText(/answered contacts/);
      await expect(page.getByTestId('key-spend')).toContainText('$');
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await page.screenshot({ path: `test-results/overview-${width}.png` });
      await expectInFirstScreen(page, height, width);
    });
  }

  test('a goal set on the Settings tab shows its conversions on the board and the Overview', async ({
    page,
  }) => {
    // Q4 renewals is paused with a history of calls and results, so its numbers hold still.
    await page.goto('/campaigns/q4-renewals/settings');
    const goal = page.getByRole('group', { name: 'Goal' });
    await goal.getByLabel('Goal results').fill('');
    await goal.getByRole('checkbox', { name: /^qualification\.interested:true/ }).check();
    await expect(goal.getByLabel('Goal results')).toHaveValue('qualification.interested:true');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();

    await page.getByRole('link', { name: 'Overview' }).click();
    const conversions = page.getByTestId('key-conversions');
    await expect(conversions).toHaveText(/^Conversions[\d,]+[\d.]+% of [\d,]+ answered contacts$/);
    const count = (await conversions.getByRole('link').textContent())!;
    expect(Number(count.replace(/\D/g, ''))).toBeGreaterThan(0);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Campaigns' })
      .click();
    // allTextContents does not wait: the board's columns first.
    await expect(page.getByRole('columnheader', { name: 'Conversion' })).toBeVisible();
    const headers = await page.getByRole('columnheader').allTextContents();
    const column = headers.findIndex((h) => h.startsWith('Conversion'));
    expect(column).toBeGreaterThan(0);
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Q4 renewals', exact: true }) });
    await expect(row.getByRole('cell').nth(column)).toHaveText(/^\d+\.\d%$/);
  });
});
