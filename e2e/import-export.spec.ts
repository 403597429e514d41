import { readFile } from 'node:fs/promises';
import { api, expect, expectNoAxeViolations, test } from './fixtures';

function csv(rows: number, tag: string): Buffer {
  const lines = ['external_id,first_name,mobile,notes'];
  for (let i = 1; i <= rows; i++)
    lines.push(`${tag}-${i},Person ${i},+1415555${String(i).padStart(4, '0')},from the e2e file`);
  return Buffer.from(lines.join('\n'));
}

test.describe('Import and export', () => {
  test('imports a CSV of 2,500 rows, then again as updates only, and exports them', async ({
    page,
  }) => {
    const tag = `imp${Date.now()}`;
    const campaign = await api<{ id: string }>(page, '/campaign/campaigns', {
      method: 'POST',
      body: { name: `Import ${tag}`, external_id: tag },
    });
    // Paused, so the dialer leaves the counts to the import.
    await api(page, `/campaign/campaigns/${campaign.id}/pause`, { method: 'POST' });
    await page.goto(`/campaigns/${tag}/contacts`);
    const chips = page.getByRole('group', { name: 'Filter by status' });
    await expect(chips.getByRole('button', { name: 'All 0' })).toBeVisible();

    const file = { name: 'leads.csv', mimeType: 'text/csv', buffer: csv(2500, tag) };
    await page.getByRole('button', { name: 'Import contacts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import contacts' });
    await dialog.getByLabel('CSV file', { exact: true }).setInputFiles(file);
    await expect(
      dialog
        .getByRole('group', { name: 'Phone number columns' })
        .getByRole('checkbox', { name: 'mobile' }),
    ).toBeChecked();
    await expect(
      dialog.getByRole('table', { name: /Preview of the first 5 of 2,500 rows/ }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Import 2,500 contacts' }).click();
    const result = dialog.getByLabel('Import result');
    await expect(result).toContainText('Inserted2,500Updated0Failed0');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(chips.getByRole('button', { name: 'All 2,500' })).toBeVisible();
    await expect(page.getByText('Showing 1–50 of 2,500')).toBeVisible();

    await page.getByRole('button', { name: 'Import contacts' }).click();
    await dialog.getByLabel('CSV file', { exact: true }).setInputFiles(file);
    await dialog.getByRole('button', { name: 'Import 2,500 contacts' }).click();
    await expect(result).toContainText('Inserted0Updated2,500Failed0');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(chips.getByRole('button', { name: 'All 2,500' })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(`import-${tag}-contacts.csv`);
    await expect(
      page.getByText(`Exported 2,500 contacts to import-${tag}-contacts.csv.`),
    ).toBeVisible();
    const lines = (await readFile((await saved.path())!, 'utf8')).trim().split('\r\n');
    expect(lines).toHaveLength(2501);
    expect(lines[0]).toBe(
      'external_id,name,phone_numbers,status,attempts,last_outcome,last_attempt_at,data.first_name,data.notes',
    );
    expect(lines).toContain(
      `${tag}-2500,Person 2500,+14155552500,pending,0,,,Person 2500,from the e2e file`,
    );
  });
});
