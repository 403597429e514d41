import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

// Runs against a reference server started with EXTENSIONS=off (playwright.config.ts): what a
// real API that offers only the contract gives. Every page works and no (ext) control shows.

/** Controls that exist only where the server lists an extension. */
const EXTENSION_CONTROLS = [
  { role: 'button' as const, name: 'Open conversation' },
  { role: 'heading' as const, name: 'Results' },
  { role: 'search' as const, name: 'Filter contacts' },
  { role: 'button' as const, name: /^Call .* again/ },
  { role: 'link' as const, name: 'Activity' },
  { role: 'region' as const, name: 'Activity' },
  { role: 'link' as const, name: 'Alerts' },
  { role: 'link' as const, name: /alerts? firing/ },
  { role: 'region' as const, name: 'Plan' },
  { role: 'link' as const, name: 'Plan' },
  { role: 'region' as const, name: 'Who can be called' },
  { role: 'link' as const, name: 'Suppression' },
  { role: 'button' as const, name: 'Suppress number' },
  { role: 'checkbox' as const, name: 'Callable now' },
  { role: 'group' as const, name: 'Goal' },
  { role: 'group' as const, name: 'Rate card' },
  { role: 'columnheader' as const, name: 'Conversion' },
  { role: 'columnheader' as const, name: 'Spend' },
  { role: 'combobox' as const, name: 'Finished' },
  { role: 'link' as const, name: 'Calls' },
  { role: 'region' as const, name: 'Recording' },
  { role: 'button' as const, name: 'Download report (CSV)' },
  { role: 'button' as const, name: 'Print / Save as PDF' },
];

function watch(page: Page) {
  const problems: string[] = [];
  const sessionRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // The one expected failure: the browser logs the 404 of /campaign/session.
    if (message.location().url.endsWith('/campaign/session')) return;
    problems.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (request.url().includes('/campaign/session')) sessionRequests.push(request.url());
    if (request.method() !== 'GET')
      problems.push(`write sent: ${request.method()} ${request.url()}`);
  });
  return { problems, sessionRequests };
}

async function expectNoExtensionControls(page: Page) {
  for (const control of EXTENSION_CONTROLS) {
    await expect(page.getByRole(control.role, { name: control.name })).toHaveCount(0);
  }
}

test('every page works on the contract alone, with no (ext) control and no console error', async ({
  page,
}) => {
  // Four pages and three axe scans in one journey: more than one page's time on a busy machine.
  test.slow();
  const { problems, sessionRequests } = watch(page);
  await page.goto('/campaigns');
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Spring outreach' })).toBeVisible();
  await expect(page.getByTestId('connection-badge')).toHaveText('Org of this keyAPI key');
  await expect(page.getByText(/\d+ \/ \d+ calls in flight/)).toBeVisible();
  await expectNoExtensionControls(page);

  await page.getByRole('link', { name: 'Spring outreach' }).click();
  await expect(page.getByRole('heading', { name: 'Spring outreach' })).toBeVisible();
  await expect(page.getByText('Live')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Contacts' })).toBeVisible();
  await expectNoExtensionControls(page);
  await expectNoAxeViolations(page);

  await page
    .getByRole('navigation', { name: 'Campaign sections' })
    .getByRole('link', { name: 'Contacts' })
    .click();
  await page.getByRole('button', { name: /^Completed [\d,]+$/ }).click();
  await page
    .getByRole('button', { name: /^Show attempts for/ })
    .first()
    .click();
  const attempt = page.getByRole('listitem').filter({ hasText: 'Attempt' }).last();
  await expect(attempt).toContainText('Conversation recorded');
  await expect(attempt.getByText('Interested')).toBeVisible();
  await expectNoExtensionControls(page);
  await expectNoAxeViolations(page);

  await page
    .getByRole('navigation', { name: 'Campaign sections' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await expect(page.getByRole('region', { name: 'Campaign settings' })).toBeVisible();

  await page.goto('/configurations');
  await expect(page.getByRole('heading', { name: 'Configurations' })).toBeVisible();
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await expectNoExtensionControls(page);

  await page.goto('/settings');
  await expect(page.getByRole('meter')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save limit' })).toBeVisible();
  await expectNoExtensionControls(page);
  await expectNoAxeViolations(page);

  // Asked once per page load, never again while navigating inside the app.
  expect(sessionRequests).toHaveLength(3);
  expect(problems).toEqual([]);
});

test('a read-only key learns from the first refusal and shows the server’s words', async ({
  page,
}) => {
  await page.goto('/settings');
  await page.getByLabel('API token').fill('ak_demo_read');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  // Connected once the form has saved the key and cleared the field; a reload before that
  // would fall back to the demo's manage key.
  await expect(page.getByLabel('API token')).toHaveValue('');
  await page.goto('/campaigns/spring-outreach');
  const pause = page.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeEnabled();
  await pause.click();
  await expect(
    page.getByText(
      'This credential cannot change campaigns, contacts and configurations: it needs campaigns:manage.',
    ),
  ).toBeVisible();
  await expect(pause).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Close campaign', exact: true })).toBeDisabled();
});
