import { expect, test } from './fixtures';
import { PAGES } from './pages';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test.describe('On a 390 px phone', () => {
  for (const { name, path, ready } of PAGES) {
    test(`the ${name} scrolls only up and down, under a header that stays`, async ({ page }) => {
      await page.goto(path);
      await ready(page);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      const header = page.getByRole('banner');
      expect((await header.boundingBox())!.height).toBeLessThanOrEqual(56);
      await page.mouse.wheel(0, 600);
      await expect.poll(async () => (await header.boundingBox())!.y).toBe(0);
    });
  }

  test('the navigation is a menu that opens, moves and closes by keyboard', async ({ page }) => {
    await page.goto('/campaigns');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu' });
    const box = (await menu.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await nav.getByRole('link', { name: 'Configurations' }).click();
    await expect(page).toHaveURL(/\/configurations$/);
    await expect(nav).toBeHidden();
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(nav.getByRole('link', { name: 'Campaigns' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();
  });

  test("the list's rows are cards showing each campaign's key numbers", async ({ page }) => {
    await page.goto('/campaigns');
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Spring outreach' }) });
    for (const label of ['Status', 'Progress', 'In flight', 'Answer rate', 'Finishes']) {
      const cell = row.locator(`td[data-label="${label}"]`);
      await expect(cell, label).toBeVisible();
      const { x, width } = (await cell.boundingBox())!;
      expect(x, label).toBeGreaterThanOrEqual(0);
      expect(x + width, label).toBeLessThanOrEqual(390);
    }
  });

  test('the campaign list does not jump down as the session and the board answer', async ({
    page,
  }) => {
    // The session held, as on a slow network: the page lays out what it does not know yet.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/campaign\/session$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/campaigns');
    const table = page.getByRole('table', { name: /^Campaigns/ });
    await expect(table).toHaveAttribute('aria-busy', 'true');
    const firstRow = () => table.locator('tbody tr').first().boundingBox();
    const before = { table: (await table.boundingBox())!.y, row: (await firstRow())!.y };
    release();
    await expect(page.getByRole('link', { name: 'Spring outreach' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Finished' })).toBeVisible();
    expect((await table.boundingBox())!.y).toBe(before.table);
    expect((await firstRow())!.y).toBe(before.row);
  });

  test("a campaign's configuration is one button in its header, opening to the details", async ({
    page,
  }) => {
    await page.goto('/campaigns/spring-outreach');
    const header = page.locator('header').filter({ hasText: 'Spring outreach' });
    const details = header.getByText('Calling window');
    await expect(details).toBeHidden();
    // About 330 px with the details open.
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(220);
    const button = header.getByRole('button', { name: 'Configuration' });
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(details).toBeVisible();
  });

  test("the plan's campaigns are cards with every figure in the screen's width", async ({
    page,
  }) => {
    await page.goto('/plan');
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Spring outreach' }) });
    await expect(row.getByRole('textbox', { name: /^Deadline for Spring outreach/ })).toBeVisible();
    for (const label of ['Lines needed', "At today's split", 'Proposed cap']) {
      const cell = row.locator(`td[data-label="${label}"]`);
      await expect(cell, label).toBeVisible();
      const { x, width } = (await cell.boundingBox())!;
      expect(x, label).toBeGreaterThanOrEqual(0);
      expect(x + width, label).toBeLessThanOrEqual(390);
    }
  });

  test("the contacts' rows show who, status and attempts, with a 44 px expand target", async ({
    page,
  }) => {
    await page.goto('/campaigns/spring-outreach/contacts');
    const toggle = page.getByRole('button', { name: /^Show attempts for/ }).first();
    await toggle.scrollIntoViewIfNeeded();
    await expect(toggle).toBeInViewport();
    const box = (await toggle.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    const row = page.getByRole('row').nth(1);
    await expect(row.getByRole('link').first()).toBeInViewport();
    await expect(row.locator('td[data-label="Status"]')).toBeVisible();
  });

  test("the Contacts tab's first row is on the first screen, its filters behind one button", async ({
    page,
  }) => {
    await page.goto('/campaigns/spring-outreach/contacts');
    const firstRow = page.getByRole('row').nth(1);
    await expect(firstRow.getByRole('link').first()).toBeVisible();
    await page.screenshot({ path: 'test-results/contacts-390.png' });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect((await firstRow.boundingBox())!.y).toBeLessThan(844);
    // The search stays; the rest of the filters open from a button that counts them.
    await expect(page.getByRole('searchbox')).toBeVisible();
    const filters = page.getByRole('button', { name: /^Filters/ });
    await expect(filters).toHaveAttribute('aria-expanded', 'false');
    await filters.click();
    await expect(filters).toHaveAttribute('aria-expanded', 'true');
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
