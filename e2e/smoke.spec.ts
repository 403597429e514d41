import { expect, test } from './fixtures';

test('the built app opens on the campaign list, already connected to the demo org', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByText('Headroom', { exact: true })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Campaigns', 'Configurations', 'Settings']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  await expect(page.getByText(/\d+ \/ \d+ calls in flight/)).toBeVisible();
});

test('config.json carries the runtime configuration and the demo credential', async ({
  request,
}) => {
  const res = await request.get('/config.json');
  expect(res.ok()).toBe(true);
  const config = await res.json();
  expect(config).toMatchObject({ apiBaseUrl: '', demoCredentials: { token: 'ak_demo_manage' } });
});

test('client-side routes load on reload and unknown ones say not found', async ({ page }) => {
  await page.goto('/configurations');
  await expect(page.getByRole('link', { name: 'Configurations' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
