import { expect, expectNoAxeViolations, tabTo, test } from './fixtures';

test.describe('Import with bad rows', () => {
  test('imports the good rows of a mixed CSV with the keyboard alone, and lists the bad ones with why', async ({
    page,
  }) => {
    // Q4 renewals is paused (the dialer leaves it alone) and its configuration reads
    // national numbers as +44.
    const tag = `mixed${Date.now()}`;
    const file = {
      name: 'mixed.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'external_id,first_name,phone',
          `${tag}-1,Ada,020 7946 0018`,
          `${tag}-2,Bob,12345`,
          `${tag}-3,Cy,+1 415 555 0101`,
          `${tag}-4,Di,call me`,
          `${tag}-5,Ed,07700 900123`,
        ].join('\n'),
      ),
    };
    await page.goto('/campaigns/q4-renewals/contacts');
    const importButton = page.getByRole('button', { name: 'Import contacts' });
    await expect(importButton).toBeEnabled();
    await tabTo(page, importButton);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Import contacts' });
    await expect(dialog).toBeVisible();

    await tabTo(page, dialog.getByLabel('CSV file', { exact: true }));
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(file);

    const bad = dialog.getByRole('table', { name: '2 of 5 rows will be skipped' });
    await expect(
      bad.getByRole('row', { name: '3 "12345" is not a possible phone number' }),
    ).toBeVisible();
    await expect(
      bad.getByRole('row', { name: '5 "call me" cannot be parsed as a phone number' }),
    ).toBeVisible();
    await expect(dialog.getByText(/read as \+44/)).toBeVisible();
    await expectNoAxeViolations(page);

    await tabTo(page, dialog.getByRole('button', { name: 'Import 3 contacts' }));
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('status')).toHaveText(
      'Saved 3 contacts from 5 rows (3 new, 0 updated). 2 skipped, each listed below with why.',
    );
    await expect(dialog.getByLabel('Import result')).toContainText(
      'Inserted3Updated0Failed0Skipped2',
    );
    await expect(
      dialog.getByRole('table', { name: 'Rows not imported' }).getByRole('row', { name: /^[35] / }),
    ).toHaveCount(2);
    await expectNoAxeViolations(page);

    await tabTo(page, dialog.getByRole('button', { name: 'Done' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(importButton).toBeFocused();

    // The campaign now holds exactly the three good rows, numbers normalized with +44.
    await tabTo(page, page.getByRole('searchbox', { name: 'Search' }));
    await page.keyboard.type(tag);
    await expect(page.getByText('Showing 1–3 of 3')).toBeVisible();
    const rows = page.getByRole('row').filter({ hasText: tag });
    await expect(rows).toHaveCount(3);
    await expect(rows.filter({ hasText: `${tag}-1` })).toContainText('+442079460018');
    await expect(rows.filter({ hasText: `${tag}-3` })).toContainText('+14155550101');
    await expect(rows.filter({ hasText: `${tag}-5` })).toContainText('+447700900123');
  });
});
