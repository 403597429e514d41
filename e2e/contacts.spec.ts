import { expect, expectNoAxeViolations, test } from './fixtures';

test.describe('Contacts tab', () => {
  test('filters and pages through thousands of contacts, keeping both in the URL', async ({
    page,
  }) => {
    await page.goto('/campaigns/spring-outreach/contacts');
    const chips = page.getByRole('group', { name: 'Filter by status' });
    await expect(chips.getByRole('button', { name: /^All [\d,]+$/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(page.getByText(/^Showing 1–50 of [\d,]+$/)).toBeVisible();
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByText(/^Showing 51–100 of [\d,]+$/)).toBeVisible();
    await expect(page).toHaveURL(/page=2/);
    await page.getByLabel('Page size').selectOption('200');
    await expect(page.getByText(/^Showing 1–200 of [\d,]+$/)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Show attempts for/ })).toHaveCount(200);

    await chips.getByRole('button', { name: /^Completed [\d,]+$/ }).click();
    await expect(page).toHaveURL(/status=completed/);
    await expect(page.getByRole('row').nth(1).getByText('Completed').first()).toBeVisible();
    await page.reload();
    await expect(chips.getByRole('button', { name: /^Completed [\d,]+$/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('expands a contact to its attempts and evaluation results, and opens the conversation', async ({
    page,
  }) => {
    await page.goto('/campaigns/spring-outreach/contacts?status=completed');
    await page
      .getByRole('button', { name: /^Show attempts for/ })
      .first()
      .click();
    const attempt = page.getByRole('listitem').filter({ hasText: 'Attempt' }).last();
    await expect(attempt).toContainText('Completed');
    await expect(attempt.getByText('Qualification')).toBeVisible();
    await expect(attempt.getByText('Interested')).toBeVisible();
    await expect(attempt.getByText('Score')).toBeVisible();
    await attempt.getByRole('button', { name: 'Open conversation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Conversation' });
    await expect(
      dialog.getByRole('list', { name: 'Transcript' }).getByRole('listitem').first(),
    ).toBeVisible();
    await expect(dialog.getByText('Evaluations')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('passes an axe scan with a row expanded', async ({ page }) => {
    await page.goto('/campaigns/spring-outreach/contacts');
    await page
      .getByRole('button', { name: /^Show attempts for/ })
      .first()
      .click();
    await expect(page.getByRole('button', { name: /^Hide attempts for/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
