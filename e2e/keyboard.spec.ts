import type { Locator, Page } from '@playwright/test';
import { api, expect, expectNoAxeViolations, tabTo, test } from './fixtures';

// Journeys done with the keyboard alone: no click(), no mouse. Focus is checked after every
// dialog and every change a poll or a save makes under the user.

const PAGES = [
  ['/campaigns', 'Campaigns · Headroom'],
  ['/campaigns/spring-outreach', 'Spring outreach · Overview · Headroom'],
  ['/campaigns/spring-outreach/contacts', 'Spring outreach · Contacts · Headroom'],
  ['/campaigns/spring-outreach/calls', 'Spring outreach · Calls · Headroom'],
  ['/campaigns/spring-outreach/activity', 'Spring outreach · Activity · Headroom'],
  ['/campaigns/spring-outreach/settings', 'Spring outreach · Settings · Headroom'],
  ['/contacts', 'Contacts without a campaign · Headroom'],
  ['/configurations', 'Configurations · Headroom'],
  ['/settings', 'Settings · Headroom'],
] as const;

/**
 * One press of Tab, and the focus is on `next`: a time input's hour, minute and AM/PM take a
 * Tab each, so Tab goes on while the focus stays inside the field it was on.
 */
async function tabOnTo(page: Page, next: Locator) {
  const from = await page.evaluateHandle(() => document.activeElement);
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    if (!(await from.evaluate((el) => el === document.activeElement))) break;
  }
  await expect(next).toBeFocused();
}

async function scrollsSideways(page: Page) {
  return page.evaluate(
    () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
  );
}

test.describe('Keyboard, focus and titles', () => {
  test('every page has its own title and none scrolls sideways at 390 px', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, title] of PAGES) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page).toHaveTitle(title);
      // Let tables and charts arrive before measuring.
      await page.waitForLoadState('networkidle');
      expect(await scrollsSideways(page), path).toBe(false);
    }
  });

  test('following a link moves focus to the new page heading', async ({ page }) => {
    await page.goto('/campaigns');
    const link = page.getByRole('link', { name: 'Spring outreach' });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Spring outreach' })).toBeFocused();
    await expect(page).toHaveTitle('Spring outreach · Overview · Headroom');
  });

  test('creates a configuration with a timezone and a calling window', async ({ page }) => {
    const name = `Keys ${Date.now()}`;
    await page.goto('/configurations');
    const create = page.getByRole('button', { name: 'New configuration' });
    await tabTo(page, create);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New configuration' });
    await tabTo(page, dialog.getByLabel('Name'));
    await page.keyboard.type(name);
    const timezone = dialog.getByRole('combobox', { name: 'Timezone' });
    await tabTo(page, timezone);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('tokyo');
    await page.keyboard.press('Enter');
    await expect(timezone).toHaveValue('Asia/Tokyo');
    // Escape in the list closes the list only; Tab goes on to the calling window.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Name')).not.toBeFocused();
    await expect(page.locator(':focus')).toBeVisible();
    const start = dialog.getByLabel('Start time');
    await tabTo(page, start);
    await page.keyboard.type('0730');
    await tabTo(page, dialog.getByRole('button', { name: 'Create configuration' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(create).toBeFocused();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Asia/Tokyo');
    await expect(row).toContainText('07:30–');
  });

  test('walks New configuration to Create by Tab alone, leaving the timezone list open', async ({
    page,
  }) => {
    const name = `Tab only ${Date.now()}`;
    await page.goto('/configurations');
    const create = page.getByRole('button', { name: 'New configuration' });
    await tabTo(page, create);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New configuration' });
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await page.keyboard.type(name);
    for (const label of ['Agent ID', 'Caller number', 'Default country code']) {
      await tabOnTo(page, dialog.getByLabel(label));
    }
    const timezone = dialog.getByRole('combobox', { name: 'Timezone' });
    await tabOnTo(page, timezone);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('tokyo');
    await expect(timezone).toHaveAttribute('aria-expanded', 'true');
    await expect(dialog.getByRole('option', { name: /Asia\/Tokyo/ })).toBeVisible();
    await expectNoAxeViolations(page);
    // Tab with the list open takes its highlighted zone and goes on to the next field.
    await tabOnTo(page, dialog.getByRole('checkbox', { name: 'Call in each contact’s own hours' }));
    await expect(timezone).toHaveValue('Asia/Tokyo');
    await expect(timezone).toHaveAttribute('aria-expanded', 'false');
    await tabOnTo(page, dialog.getByRole('checkbox', { name: 'Any time (no calling window)' }));
    for (const day of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']) {
      await tabOnTo(page, dialog.getByRole('checkbox', { name: day, exact: true }));
    }
    await tabOnTo(page, dialog.getByLabel('Start time'));
    await tabOnTo(page, dialog.getByLabel('End time'));
    await tabOnTo(page, dialog.getByLabel('Calls per contact, at most'));
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('5');
    await tabOnTo(page, dialog.getByLabel('Time between calls'));
    // The unit is one stop: its radios are a group that arrows move within.
    await tabOnTo(page, dialog.getByRole('radio', { name: 'hours' }));
    await page.keyboard.press('ArrowRight');
    await expect(dialog.getByRole('radio', { name: 'days' })).toBeChecked();
    await tabOnTo(page, dialog.getByRole('checkbox', { name: 'Price calls with a rate card' }));
    await tabOnTo(page, dialog.getByRole('button', { name: 'Cancel' }));
    await tabOnTo(page, dialog.getByRole('button', { name: 'Create configuration' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(create).toBeFocused();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Asia/Tokyo');
    await expect(row).toContainText('Up to 5 calls, 1 day apart');
  });

  test('creates a campaign, then pauses and starts it, focus staying on the button', async ({
    page,
  }) => {
    const name = `Keys campaign ${Date.now()}`;
    await page.goto('/campaigns');
    await tabTo(page, page.getByRole('button', { name: 'New campaign' }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New campaign' });
    // An empty name is refused, with focus on the field that says why.
    await tabTo(page, dialog.getByRole('button', { name: 'Next' }));
    await page.keyboard.press('Enter');
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription(/required/i);
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('heading', { name: 'Step 2 of 4: Configuration' })).toBeFocused();
    await tabTo(page, dialog.getByRole('button', { name: 'Create campaign' }));
    await page.keyboard.press('Enter');
    await tabTo(page, dialog.getByRole('button', { name: 'Skip import' }));
    await page.keyboard.press('Enter');
    await tabTo(page, dialog.getByRole('button', { name: 'Start calling' }));
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 1, name });
    await expect(heading).toBeFocused();

    await tabTo(page, page.getByRole('button', { name: 'Pause' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Start' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: `${name} paused.` })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Pause' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: `${name} started.` })).toBeVisible();
  });

  // Playwright's clock drives the page's 5-second polls: three of them without waiting 15 s.
  test('focus stays on Refresh across three polls', async ({ page }) => {
    await page.clock.install();
    await page.goto('/campaigns/spring-outreach');
    await expect(page.getByText('Live')).toBeVisible();
    const refresh = page.getByRole('button', { name: 'Refresh statistics' });
    await tabTo(page, refresh);
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/stats'));
    await page.keyboard.press('Enter');
    await refreshed;
    let polls = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/stats')) polls++;
    });
    for (let n = 1; n <= 3; n++) {
      await page.clock.runFor(5_000);
      await expect.poll(() => polls).toBeGreaterThanOrEqual(n);
      await expect(refresh).toBeFocused();
    }
  });

  test('expands a contact and opens its conversation; focus returns to the link', async ({
    page,
  }) => {
    await page.goto('/campaigns/spring-outreach/contacts?status=completed');
    const expand = page.getByRole('button', { name: /^Show attempts for/ }).first();
    await tabTo(page, expand);
    await page.keyboard.press('Enter');
    const open = page
      .getByRole('listitem')
      .filter({ hasText: 'Attempt' })
      .getByRole('button', { name: 'Open conversation' })
      .last();
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Conversation' });
    await expect(dialog.getByRole('list', { name: 'Transcript' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
  });

  test('lowers the concurrency limit after confirming; focus returns to the field', async ({
    page,
  }) => {
    test.info().annotations.push({ type: 'restores', description: 'concurrency_limit 10' });
    try {
      await page.goto('/settings');
      // Lowering to 1 asks first only below the calls in flight: wait for 2, not left to chance.
      await expect(
        page.getByRole('meter', { name: 'Org calls in flight against the limit' }),
      ).toHaveAttribute('aria-valuetext', /^([2-9]|\d\d+) of 10 calls in flight$/, {
        timeout: 30_000,
      });
      const limit = page.getByLabel('Concurrency limit');
      await tabTo(page, limit);
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('1');
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('dialog', { name: 'Lower the limit to 1?' });
      await expect(confirm).toBeVisible();
      await tabTo(page, confirm.getByRole('button', { name: 'Lower the limit' }));
      await page.keyboard.press('Enter');
      await expect(confirm).toBeHidden();
      await expect(page.getByText('Saved.')).toBeVisible();
      await expect(limit).toBeFocused();
    } finally {
      await api(page, '/campaign/concurrency-settings', {
        method: 'PUT',
        body: { concurrency_limit: 10 },
      });
    }
  });

  test('the stale Overview passes axe: marked by an outline and a note, not faded', async ({
    page,
  }) => {
    await page.clock.install();
    await page.goto('/campaigns/spring-outreach');
    await expect(page.getByText('Live')).toBeVisible();
    // The network fails under the page (no answer is faked: requests are dropped). The clock
    // runs the polls and their retries on, 5 s at a time, each failure answered before the next.
    await page.route('**/stats', (route) => route.abort('connectionrefused'));
    const failed = page.getByText('Update failed');
    await expect
      .poll(async () => {
        await page.clock.runFor(5_000);
        return failed.isVisible();
      })
      .toBe(true);
    await expect(
      page.getByText('Stale: these numbers are from the last successful update.'),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
