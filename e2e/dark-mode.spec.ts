import { expect, expectNoAxeViolations, test } from './fixtures';
import { PAGES } from './pages';

const theme = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.documentElement.dataset.theme);

test.describe('Dark mode', () => {
  test.use({ colorScheme: 'dark' });

  for (const { name, path, ready } of PAGES) {
    test(`the ${name} follows a dark system and passes axe`, async ({ page }) => {
      await page.goto(path);
      await ready(page);
      expect(await theme(page)).toBe('dark');
      // The page itself is dark, not only marked so.
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(background).not.toBe('rgb(248, 250, 252)');
      await expectNoAxeViolations(page);
    });
  }

  test('a choice in Settings wins over the system, from the first paint of the next visit', async ({
    page,
  }) => {
    await page.goto('/settings');
    await page.getByRole('radio', { name: 'Light' }).check();
    expect(await theme(page)).toBe('light');
    // The app's code never arrives: only index.html's first script can have set the theme.
    await page.route(/\/assets\/.*\.js$/, (route) => route.abort());
    await page.goto('/campaigns');
    expect(await theme(page)).toBe('light');
    await page.unroute(/\/assets\/.*\.js$/);
    await page.goto('/settings');
    await page.getByRole('radio', { name: 'System' }).check();
    expect(await theme(page)).toBe('dark');
  });
});

test('a light system gets the light theme, and Dark in Settings turns it dark at once', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/settings');
  await expect(page.getByRole('region', { name: 'Display' })).toBeVisible();
  expect(await theme(page)).toBe('light');
  await page.getByRole('radio', { name: 'Dark' }).check();
  expect(await theme(page)).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  expect(await theme(page)).toBe('dark');
});
