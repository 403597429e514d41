import type { Page } from '@playwright/test';
import {
  api,
  createDialingCampaign,
  expect,
  expectNoAxeViolations,
  setHidden,
  tabTo,
  test,
} from './fixtures';

const row = (page: Page, name: string) =>
  page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

test.describe('Live campaign board', () => {
  test('shows live numbers for the demo campaigns and sorts by them from the keyboard', async ({
    page,
  }) => {
    // A small campaign of its own moves visibly within seconds; the big demo campaign can sit
    // at the org limit with its progress on one whole percent for longer than a test waits.
    const campaign = await createDialingCampaign(page, 'Board', 200, '+1415557');
    try {
      await page.goto('/campaigns');
      await expect(page.getByText(/^Live · updated \d+s ago$/)).toBeVisible();
      for (const name of ['Spring outreach', campaign.name]) {
        await expect(row(page, name).getByRole('cell').nth(2)).toHaveText(/^\d+%$/);
        await expect(row(page, name).getByRole('cell').nth(3)).toHaveText(/^\d+/);
      }
      // The dialer moves the numbers while the supervisor watches.
      const mine = row(page, campaign.name).getByRole('cell');
      const progress = await mine.nth(2).textContent();
      await expect.poll(() => mine.nth(2).textContent(), { timeout: 30_000 }).not.toBe(progress);
    } finally {
      // Other specs share the server: leave no extra campaign dialing.
      await api(page, `/campaign/campaigns/${campaign.id}/close`, { method: 'POST' });
    }
    await expectNoAxeViolations(page);

    const header = page.getByRole('button', { name: 'Progress' });
    await tabTo(page, header);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('columnheader', { name: 'Progress' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await expect(header).toBeFocused();
    await expect(page).toHaveURL(/sort=progress&order=desc/);
    const values = await page
      .getByRole('row')
      .filter({ has: page.getByText(/^\d+%$/) })
      .evaluateAll((rows) =>
        rows.map((r) => Number(r.querySelectorAll('td')[2]!.textContent!.replace('%', ''))),
      );
    expect(values.length).toBeGreaterThan(1);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  // Playwright's clock drives the page's timers: the 5-second rhythm is checked in simulated
  // time, exactly, while the requests themselves go to the real server.
  test('sends exactly one stats request per 5 s while visible and none while hidden', async ({
    page,
  }) => {
    const batches: string[] = [];
    const single: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/campaign/stats') batches.push(url.search);
      if (/\/campaign\/campaigns\/[^/]+\/stats$/.test(url.pathname)) single.push(url.pathname);
    });
    await page.clock.install();
    await page.goto('/campaigns');
    await expect(page.getByText(/^Live · updated/)).toBeVisible();
    await expect.poll(() => batches.length).toBe(1);
    expect(new URLSearchParams(batches[0]).getAll('campaign_id').length).toBeGreaterThan(1);
    // One interval at a time: each answer arrives before the next is due, as in real time.
    for (let n = 2; n <= 5; n++) {
      await page.clock.runFor(5_000);
      await expect.poll(() => batches.length).toBe(n);
    }

    await setHidden(page, true);
    await expect(page.getByText(/^Paused while the tab is hidden/)).toBeVisible();
    await page.clock.runFor(60_000);
    expect(batches.length).toBe(5);

    await setHidden(page, false);
    await expect.poll(() => batches.length).toBe(6);
    expect(single).toEqual([]);
  });

  test('a reload of the Overview shows the forecast and a non-empty history at once', async ({
    page,
  }) => {
    await page.goto('/campaigns/spring-outreach');
    // The demo's dialer has to have ended a few calls first.
    await expect(page.getByText(/calls? ended in the last 6 hours:/)).toBeVisible({
      timeout: 30_000,
    });
    await page.reload();
    const fast = { timeout: 2_000 };
    await expect(page.getByRole('heading', { name: 'Spring outreach' })).toBeVisible();
    await expect(
      page.getByText(/^(Finishes \w{3} .* contacts\/hour|No contact finished over the last)/),
    ).toBeVisible(fast);
    await expect(page.getByText(/^[\d,]+ calls? ended in the last 6 hours:/)).toBeVisible(fast);
    await expect(page.getByText(/^Peak [1-9][\d,]* in the last 6 hours/)).toBeVisible(fast);

    await page.getByRole('radio', { name: 'Last 24 hours' }).click();
    await expect(page.getByRole('radio', { name: 'Last 24 hours' })).toBeChecked();
    await expect(page).toHaveURL(/range=24h/);
    await expect(page.getByText(/ended in the last 24 hours:/)).toBeVisible();
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Last 24 hours' })).toBeChecked();
    await expectNoAxeViolations(page);
  });
});
