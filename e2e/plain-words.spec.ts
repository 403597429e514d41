import { api, expect, expectNoAxeViolations, test } from './fixtures';

type Configuration = { id: string; retry_interval_minutes: number };

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test.describe('Plain words', () => {
  test('the header names the org, not its id', async ({ page }) => {
    await page.goto('/campaigns');
    const badge = page.getByTestId('connection-badge');
    await expect(badge).toHaveText('Northwind EnergyAPI key “Demo manager key”');
    await expect(badge).not.toContainText('org_demo');
  });

  test('the activity log says a change of configuration with the names, here and org-wide', async ({
    page,
  }) => {
    const stamp = Date.now();
    const [before, after] = await Promise.all(
      [`Mornings ${stamp}`, `Evenings ${stamp}`].map((name) =>
        api<Configuration>(page, '/campaign/configurations', {
          method: 'POST',
          body: { name },
        }),
      ),
    );
    const name = `Words ${stamp}`;
    const campaign = await api<{ id: string }>(page, '/campaign/campaigns', {
      method: 'POST',
      body: { name, configuration_id: before!.id },
    });
    await api(page, `/campaign/campaigns/${campaign.id}`, {
      method: 'PATCH',
      body: { configuration_id: after!.id },
    });

    await page.goto(`/campaigns/${campaign.id}/activity`);
    const events = page.getByRole('list', { name: 'Activity events' });
    const sentence = `Demo manager key changed the configuration of ${name} from Mornings ${stamp} to Evenings ${stamp}`;
    await expect(events.getByRole('listitem').filter({ hasText: sentence })).toBeVisible();
    await expect(
      events.getByRole('listitem').filter({
        hasText: `Demo manager key created ${name} with the configuration Mornings ${stamp}`,
      }),
    ).toBeVisible();
    await expect(events).not.toContainText(UUID);
    await expectNoAxeViolations(page);

    // The org's log names the campaign of each entry, as a link to it.
    await page.goto('/settings');
    const org = page.getByRole('region', { name: 'Activity' });
    await org.getByRole('combobox', { name: 'Action' }).selectOption('campaign.updated');
    const entry = org.getByRole('listitem').filter({ hasText: sentence });
    await expect(entry).toBeVisible();
    await entry.getByRole('link', { name }).click();
    await expect(page).toHaveURL(new RegExp(`/campaigns/${campaign.id}$`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  });

  test('the time between calls is entered in days and comes back in days', async ({ page }) => {
    const name = `Daily ${Date.now()}`;
    await page.goto('/configurations');
    await page.getByRole('button', { name: 'New configuration' }).click();
    const dialog = page.getByRole('dialog', { name: 'New configuration' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Time between calls').fill('2');
    await dialog.getByRole('radio', { name: 'days' }).check();
    await dialog.getByRole('button', { name: 'Create configuration' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('Up to 3 calls, 2 days apart');

    // The API keeps minutes; the form opens the saved value in days again.
    const { configurations } = await api<{ configurations: (Configuration & { name: string })[] }>(
      page,
      '/campaign/configurations',
    );
    expect(configurations.find((c) => c.name === name)?.retry_interval_minutes).toBe(2880);
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${name}` });
    await expect(edit.getByLabel('Time between calls')).toHaveValue('2');
    await expect(edit.getByRole('radio', { name: 'days' })).toBeChecked();
    await expectNoAxeViolations(page);
  });
});
