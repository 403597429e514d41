import { expect, expectNoAxeViolations, test } from './fixtures';

// "Summer launch" is closed with a finished history, so its numbers hold still while read.
test.describe('Results', () => {
  test('every number is a way in: clicking one lands on exactly those contacts', async ({
    page,
  }) => {
    await page.goto('/campaigns/summer-launch');
    const results = page.getByRole('region', { name: 'Results' });
    await expect(results.getByRole('table', { name: 'Ended calls by outcome' })).toBeVisible();

    const interested = results.getByRole('link', { name: /^Interested: Yes [\d,]+$/ });
    const count = Number((await interested.textContent())!.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(0);
    await interested.click();
    await expect(page).toHaveURL(/\/contacts\?result=qualification\.interested%3Atrue$/);
    await expect(
      page
        .getByRole('list', { name: 'Active filters' })
        .getByRole('button', { name: 'Remove filter Interested: Yes' }),
    ).toBeVisible();
    await expect(page.getByText(/^Showing 1–/)).toHaveText(
      new RegExp(`of ${count.toLocaleString('en-US')}$`),
    );
    await expect(page.locator('p', { hasText: 'Stats for these contacts:' })).toContainText(
      `${count.toLocaleString('en-US')} contacts`,
    );

    await page.goBack();
    const completed = page
      .getByRole('region', { name: 'Results' })
      .getByRole('link', { name: /^Completed [\d,]+$/ });
    const completedCount = (await completed.textContent())!.replace(/\D/g, '');
    await completed.click();
    await expect(page).toHaveURL(/\/contacts\?status=completed$/);
    await expect(page.getByRole('button', { name: /^Completed [\d,]+$/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByText(/^Showing 1–/)).toHaveText(
      new RegExp(`of ${Number(completedCount).toLocaleString('en-US')}$`),
    );
  });

  test('the Results section passes an axe scan', async ({ page }) => {
    await page.goto('/campaigns/summer-launch');
    await expect(page.getByRole('region', { name: 'Evaluation results' })).toBeVisible();
    await expect(
      page.getByRole('img', { name: /Bar chart of ended calls by outcome/ }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
