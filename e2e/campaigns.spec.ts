import { api, expect, expectNoAxeViolations, test } from './fixtures';

type Campaign = { id: string; name: string; status: string; external_id: string | null };

test.describe('Campaign list', () => {
  test('filters by status and name, keeps filters on reload, and pages without repeats', async ({
    page,
  }) => {
    const tag = `e2e-${Date.now()}`;
    // Twelve of our own campaigns, two of them paused, so paging and filtering are ours to count.
    const created: Campaign[] = [];
    for (let i = 0; i < 12; i++) {
      created.push(
        await api<Campaign>(page, '/campaign/campaigns', {
          method: 'POST',
          body: { name: `${tag} list ${i}` },
        }),
      );
    }
    await api(page, `/campaign/campaigns/${created[3]!.id}/pause`, { method: 'POST' });
    await api(page, `/campaign/campaigns/${created[7]!.id}/pause`, { method: 'POST' });

    await page.goto('/campaigns?limit=5');
    await page.getByRole('searchbox', { name: 'Search by name' }).fill(tag);
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    const links = page.getByRole('link', { name: new RegExp(`^${tag} list`) });
    await expect(links).toHaveCount(5);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(links).toHaveCount(10);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(links).toHaveCount(12);
    await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
    const names = await links.allTextContents();
    expect(new Set(names).size).toBe(12);
    // Newest first.
    expect(names[0]).toBe(`${tag} list 11`);

    await page.getByRole('checkbox', { name: 'Paused' }).click();
    await expect(page.getByRole('checkbox', { name: 'Paused' })).toBeChecked();
    await expect(links).toHaveCount(2);
    await expect(page).toHaveURL(/status=paused/);
    await page.reload();
    await expect(page.getByRole('searchbox', { name: 'Search by name' })).toHaveValue(tag);
    await expect(page.getByRole('checkbox', { name: 'Paused' })).toBeChecked();
    await expect(links).toHaveCount(2);
    await expect(links.first()).toHaveText(`${tag} list 7`);

    await page.goBack();
    await expect(links).toHaveCount(5);
  });

  test('creates a campaign and lands on it', async ({ page }) => {
    const name = `Created in e2e ${Date.now()}`;
    await page.goto('/campaigns');
    await page.getByRole('button', { name: 'New campaign' }).click();
    const dialog = page.getByRole('dialog', { name: 'New campaign' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('External ID').fill(`ext-${Date.now()}`);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Create campaign' }).click();
    await dialog.getByRole('button', { name: 'Skip import' }).click();
    await dialog.getByRole('button', { name: 'Keep paused' }).click();
    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}/);
    await expect(page.getByRole('heading', { name })).toBeVisible();
    // Created paused: nothing dials until Start.
    await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  });

  test('a duplicate external_id is explained next to the field, keeping the input', async ({
    page,
  }) => {
    const external = `dup-${Date.now()}`;
    await api(page, '/campaign/campaigns', {
      method: 'POST',
      body: { name: 'First', external_id: external },
    });
    await page.goto('/campaigns');
    await page.getByRole('button', { name: 'New campaign' }).click();
    const dialog = page.getByRole('dialog', { name: 'New campaign' });
    await dialog.getByLabel('Name').fill('Second');
    await dialog.getByLabel('External ID').fill(external);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByRole('button', { name: 'Create campaign' }).click();
    await expect(dialog.getByLabel('External ID')).toHaveAccessibleDescription(/already/i);
    await expect(dialog.getByLabel('Name')).toHaveValue('Second');
  });

  test('a read-only key sees why it cannot create campaigns, and nothing writes to find out', async ({
    page,
  }) => {
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') writes.push(`${r.method()} ${r.url()}`);
    });
    await page.goto('/settings');
    await page.getByLabel('API token').fill('ak_demo_read');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByTestId('connection-badge')).toHaveText(
      'Northwind EnergyAPI key “Demo read-only key”',
    );
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Campaigns' })
      .click();
    await expect(page.getByRole('button', { name: 'New campaign' })).toBeDisabled();
    await expect(
      page.getByText('Read-only key: ask an admin for a manage key to create campaigns.'),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Spring outreach' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeDisabled();
    await page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Import contacts' })).toBeDisabled();
    expect(writes).toEqual([]);
  });

  test('connects with a credential typed on the connection page', async ({ page }) => {
    await page.goto('/settings');
    await page.getByLabel('API token').fill('ak_not_a_real_key');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('The server does not recognise this token.');
    await page.getByLabel('API token').fill('pat_demo_admin');
    await page.getByLabel('Organization ID').fill('org_other');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByText(/personal access token for org org_other/)).toBeVisible();
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
    // The token never reaches the address bar.
    expect(page.url()).not.toContain('pat_demo_admin');
  });

  test('the list passes an axe scan', async ({ page }) => {
    await page.goto('/campaigns');
    await expect(page.getByRole('link').nth(4)).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
