import { api, expect, expectNoAxeViolations, tabTo, test } from './fixtures';

test('a first campaign with the keyboard alone: New campaign, configuration, import, review, Start', async ({
  page,
}) => {
  const stamp = Date.now();
  const name = `First campaign ${stamp}`;
  const configName = `Chicago days ${stamp}`;
  await api(page, '/campaign/configurations', {
    method: 'POST',
    body: {
      name: configName,
      from_phone_number: '+13125550100',
      timezone: 'America/Chicago',
      schedule: {
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        start_time: '09:00',
        end_time: '17:00',
      },
      max_attempts: 2,
      retry_interval_minutes: 1440,
    },
  });

  await page.goto('/campaigns');
  await tabTo(page, page.getByRole('button', { name: 'New campaign' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New campaign' });

  // 1. Name: the field has the focus; Enter goes on.
  await expect(dialog.getByLabel('Name')).toBeFocused();
  await page.keyboard.type(name);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');

  // 2. Configuration: each says its window, retries and caller number; arrows choose.
  await expect(dialog.getByRole('heading', { name: 'Step 2 of 4: Configuration' })).toBeFocused();
  const choice = dialog.getByRole('radio', { name: configName });
  await expect(choice).toHaveAccessibleDescription(
    'Calling window Mon, Tue, Wed, Thu, Fri 09:00–17:00 (America/Chicago) Retries Up to 2 calls, 1 day apart Caller number +13125550100',
  );
  await tabTo(page, dialog.getByRole('radio', { checked: true }));
  const options = await dialog.getByRole('radio').count();
  for (let i = 0; i < options && !(await choice.isChecked()); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(choice).toBeChecked();
  await expect(choice).toBeFocused();
  await expectNoAxeViolations(page);
  await tabTo(page, dialog.getByRole('button', { name: 'Create campaign' }));
  await page.keyboard.press('Enter');

  // 3. Import: the columns listed, a template, and a file picker the Tab key reaches.
  await expect(dialog.getByRole('heading', { name: 'Step 3 of 4: Import contacts' })).toBeFocused();
  await expect(dialog.getByText('phone_number', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Download template CSV' })).toBeVisible();
  const file = dialog.getByLabel('CSV file', { exact: true });
  await tabTo(page, file);
  await file.setInputFiles({
    name: 'first.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `phone_number,external_id,first_name\n(312) 555-0101,first-${stamp}-1,Ada\n(312) 555-0102,first-${stamp}-2,Grace\n`,
    ),
  });
  await expect(dialog.getByText('first.csv')).toBeVisible();
  await expectNoAxeViolations(page);
  await tabTo(page, dialog.getByRole('button', { name: 'Import 2 contacts' }));
  await page.keyboard.press('Enter');
  await tabTo(page, dialog.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');

  // 4. Review: what was made, paused until Start.
  await expect(
    dialog.getByRole('heading', { name: 'Step 4 of 4: Review and start' }),
  ).toBeFocused();
  await expect(dialog.getByText('2 contacts imported')).toBeVisible();
  await expect(dialog.getByText(configName)).toBeVisible();
  await expectNoAxeViolations(page);
  const campaigns = await api<{ campaigns: { id: string; status: string }[] }>(
    page,
    `/campaign/campaigns?name=${encodeURIComponent(name)}`,
  );
  expect(campaigns.campaigns.map((c) => c.status)).toEqual(['paused']);
  const id = campaigns.campaigns[0]!.id;
  await tabTo(page, dialog.getByRole('button', { name: 'Start calling' }));
  await page.keyboard.press('Enter');

  // The campaign, active, with its two contacts.
  await expect(page).toHaveURL(`/campaigns/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
  await expect(page.getByText('Active', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Contacts', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: `first-${stamp}-1` })).toBeVisible();
  await expect(page.getByRole('link', { name: `first-${stamp}-2` })).toBeVisible();
  await expectNoAxeViolations(page);
});
