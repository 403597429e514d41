import { api, expect, test } from './fixtures';

type Campaign = { id: string; name: string; created_at: string };

// The same instant, as a viewer in each zone sees it: the date, and the zone's short name,
// with the full name on hover.
const VIEWERS = [
  { zone: 'America/Chicago', abbreviation: /^(CST|CDT)$/ },
  { zone: 'Europe/Berlin', abbreviation: /^GMT\+[12]$/ },
  { zone: 'Asia/Tokyo', abbreviation: /^GMT\+9$/ },
];

test('viewers in Chicago, Berlin and Tokyo each see the same instant labelled in their zone', async ({
  browser,
  baseURL,
  page,
}) => {
  const campaigns = await api<{ campaigns: Campaign[] }>(page, '/campaign/campaigns?limit=100');
  const spring = campaigns.campaigns.find((c) => c.name === 'Spring outreach')!;
  const instants: string[] = [];
  for (const { zone, abbreviation } of VIEWERS) {
    const context = await browser.newContext({ baseURL, timezoneId: zone });
    const viewer = await context.newPage();
    await viewer.goto('/campaigns');
    const row = viewer
      .getByRole('row')
      .filter({ has: viewer.getByRole('link', { name: 'Spring outreach' }) });
    const created = row.locator('td[data-label="Created"] time');
    await expect(created).toHaveAttribute('title', zone);
    instants.push((await created.getAttribute('datetime'))!);
    const date = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
    }).format(new Date(spring.created_at));
    await expect(created).toContainText(date);
    expect(await created.locator('[aria-hidden="true"]').textContent()).toMatch(abbreviation);
    // Screen readers hear the zone's full name.
    await expect(created.locator('.sr-only')).toHaveText(zone);

    // The activity log and the attempts name the same zone.
    await viewer.goto('/campaigns/spring-outreach/contacts?status=completed');
    await viewer
      .getByRole('button', { name: /^Show attempts for/ })
      .first()
      .click();
    const started = viewer
      .getByText(/^Started/)
      .first()
      .locator('time');
    await expect(started).toHaveAttribute('title', zone);
    await context.close();
  }
  expect(new Set(instants).size).toBe(1);
});

test("a viewer who chooses another zone in Settings sees every page's times in it", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, timezoneId: 'America/Chicago' });
  const page = await context.newPage();
  await page.goto('/settings');
  const zone = page.getByRole('combobox', { name: 'Your time zone' });
  await expect(zone).toHaveValue('America/Chicago');
  await zone.fill('Tokyo');
  await page.keyboard.press('Enter');
  await expect(zone).toHaveValue('Asia/Tokyo');
  await page.goto('/campaigns');
  const created = page
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Spring outreach' }) })
    .locator('td[data-label="Created"] time');
  await expect(created).toHaveAttribute('title', 'Asia/Tokyo');
  await expect(created).toContainText('GMT+9');
  await page.goto('/campaigns/spring-outreach/activity');
  await expect(page.locator('main time').first()).toHaveAttribute('title', 'Asia/Tokyo');
  await context.close();
});
