import type { Page } from '@playwright/test';
import { api, expect, expectNoAxeViolations, test } from './fixtures';

type Campaign = { id: string };

test.describe('Configurations and org settings', () => {
  test('creates a London configuration with a window, uses it, and cannot delete it while in use', async ({
    page,
  }) => {
    const name = `London e2e ${Date.now()}`;
    await page.goto('/configurations');
    await page.getByRole('button', { name: 'New configuration' }).click();
    const dialog = page.getByRole('dialog', { name: 'New configuration' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Agent ID').fill('agent_uk');
    await dialog.getByLabel('Caller number').fill('+442079460000');
    await dialog.getByLabel('Default country code').fill('+44');
    const picker = dialog.getByRole('combobox', { name: 'Timezone' });
    await picker.fill('london');
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue('Europe/London');
    await dialog.getByLabel('Start time').fill('08:30');
    await dialog.getByLabel('End time').fill('18:00');
    await dialog.getByRole('button', { name: 'Create configuration' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Europe/London');
    await expect(row).toContainText('Mon, Tue, Wed, Thu, Fri 08:30–18:00');

    const campaign = await api<Campaign>(page, '/campaign/campaigns', {
      method: 'POST',
      body: { name: `Uses ${name}` },
    });
    await page.goto(`/campaigns/${campaign.id}/settings`);
    await page.getByLabel('Configuration').selectOption({ label: name });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.getByRole('link', { name: 'Overview', exact: true }).click();
    await expect(
      page.getByText('Mon, Tue, Wed, Thu, Fri 08:30–18:00 (Europe/London)'),
    ).toBeVisible();

    await page.goto('/configurations');
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    // Said up front, with no Delete to press that the server would refuse.
    const refusal = page.getByRole('dialog', { name: `${name} is in use` });
    await expect(refusal).toContainText('It is used by 1 campaign, so it cannot be deleted.');
    await expect(refusal.getByRole('button', { name: 'Delete configuration' })).toHaveCount(0);
    await refusal.getByRole('link', { name: `Uses ${name}` }).click();
    await expect(page).toHaveURL(new RegExp(`/campaigns/${campaign.id}/settings`));
    await expectNoAxeViolations(page);
  });

  test('the org limit holds: calls in flight never exceed it on the Overview', async ({ page }) => {
    // Other specs share the server: put the demo limit back whatever happens here.
    test.info().annotations.push({ type: 'restores', description: 'concurrency_limit 10' });
    try {
      await lowerAndWatch(page);
    } finally {
      await api(page, '/campaign/concurrency-settings', {
        method: 'PUT',
        body: { concurrency_limit: 10 },
      });
    }
  });

  async function lowerAndWatch(page: Page) {
    await page.goto('/settings');
    // The demo's around-the-clock campaign keeps the org near its limit of 10: once the page
    // shows more than 3 in flight, lowering to 3 must ask first (not left to chance).
    await expect(
      page.getByRole('meter', { name: 'Org calls in flight against the limit' }),
    ).toHaveAttribute('aria-valuetext', /^([4-9]|\d\d+) of 10 calls in flight$/, {
      timeout: 30_000,
    });
    const input = page.getByLabel('Concurrency limit');
    await input.fill('3');
    await page.getByRole('button', { name: 'Save limit' }).click();
    const confirm = page.getByRole('dialog', { name: 'Lower the limit to 3?' });
    await expect(confirm).toContainText('no new calls start until fewer than 3 are in flight');
    await confirm.getByRole('button', { name: 'Lower the limit' }).click();
    await expect(
      page.getByRole('meter', { name: 'Org calls in flight against the limit' }),
    ).toHaveAttribute('aria-valuetext', /of 3 calls in flight$/);

    await page.goto('/campaigns/spring-outreach');
    const meter = page.getByRole('meter', {
      name: 'Calls in flight against the concurrency limit',
    });
    // Calls started under the old limit finish; after that the count stays within 3.
    await expect(meter).toHaveAttribute('aria-valuetext', /^[0-3] of 3 calls in flight$/, {
      timeout: 30_000,
    });
    // Three fresh reads, each waited for rather than slept on.
    const refresh = page.getByRole('button', { name: 'Refresh statistics' });
    for (let i = 0; i < 3; i++) {
      const updated = page.waitForResponse((r) => r.url().endsWith('/stats') && r.ok());
      await refresh.click();
      await updated;
      await expect(meter).toHaveAttribute('aria-valuetext', /^[0-3] of 3 calls in flight$/);
    }
  }

  test('a key that may only read sees the limit read-only from the start', async ({ page }) => {
    await page.goto('/settings');
    await page.getByLabel('API token').fill('ak_demo_read');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const concurrency = page.getByRole('region', { name: 'Concurrency' });
    await expect(concurrency).toContainText(
      'Read-only key: ask an admin for a manage key to change the concurrency limit. The limit is shown read-only.',
    );
    await expect(concurrency.getByLabel('Concurrency limit')).toHaveCount(0);
    await expect(concurrency.getByRole('meter')).toBeVisible();
    await page.goto('/campaigns/spring-outreach/settings');
    await expect(page.getByLabel('Name')).toHaveAttribute('readonly', '');
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  });

  test('configurations and settings pass an axe scan', async ({ page }) => {
    await page.goto('/configurations');
    await expect(page.getByRole('row').nth(1)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'New configuration' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/settings');
    await expect(page.getByRole('meter')).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
