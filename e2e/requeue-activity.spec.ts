import type { Page } from '@playwright/test';
import { api, expect, expectNoAxeViolations, test } from './fixtures';

type Stats = {
  contacts: { pending: number; in_progress: number; completed: number; exhausted: number };
  attempts: { total: number };
};

/**
 * A campaign of 8 contacts on `configurationId` (one attempt each, no retry interval), once the
 * fast dialer (DIALER_SPEED 60) has finished it, mostly exhausted, within seconds.
 */
async function finishedCampaign(page: Page, configurationId: string) {
  const stamp = Date.now();
  const campaign = await api<{ id: string }>(page, '/campaign/campaigns', {
    method: 'POST',
    body: {
      name: `Redial ${stamp}`,
      external_id: `redial-${stamp}`,
      configuration_id: configurationId,
      contacts: Array.from({ length: 8 }, (_, i) => ({
        external_id: `redial-${stamp}-${i}`,
        phone_numbers: [`+1415555${String(7000 + i)}`],
      })),
    },
  });
  const stats = () => api<Stats>(page, `/campaign/campaigns/${campaign.id}/stats`);
  await expect
    .poll(
      async () => {
        const s = await stats();
        return s.contacts.pending + s.contacts.in_progress;
      },
      { timeout: 90_000 },
    )
    .toBe(0);
  return { stamp, stats, before: await stats() };
}

test('exhausted contacts are redialed after a requeue, which the activity log records with the key’s label', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const config = await api<{ id: string }>(page, '/campaign/configurations', {
    method: 'POST',
    body: { name: `One try ${Date.now()}`, max_attempts: 1, retry_interval_minutes: 0 },
  });
  // Whether a call is answered is the dialer's draw: a campaign whose every contact answered
  // (about 1 in 400) has nothing to redial, so another is made rather than the test skipped.
  let run = await finishedCampaign(page, config.id);
  while (run.before.contacts.exhausted === 0) run = await finishedCampaign(page, config.id);
  const { stamp, stats, before } = run;
  const exhausted = before.contacts.exhausted;

  await page.goto(`/campaigns/redial-${stamp}/contacts`);
  await page.getByRole('button', { name: `Call exhausted contacts again (${exhausted})` }).click();
  const noun = `${exhausted} contact${exhausted === 1 ? '' : 's'}`;
  const dialog = page.getByRole('dialog', { name: `Call ${noun} again?` });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: `Call ${noun} again` }).click();
  await expect(page.getByText(`${noun} will be called again.`)).toBeVisible();
  await expect(dialog).toBeHidden();

  // Dialed again: each requeued contact gets its second attempt, its first kept.
  await expect
    .poll(async () => (await stats()).attempts.total, { timeout: 60_000 })
    .toBe(before.attempts.total + exhausted);
  await page.goto(`/campaigns/redial-${stamp}/contacts?attempts=2`);
  await expect(page.getByText(/^Showing 1–/)).toHaveText(new RegExp(`of ${exhausted}$`));

  // A contact's page shows both calls; Back returns to the same filter.
  await page
    .getByRole('link', { name: new RegExp(`^redial-${stamp}-`) })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: 'Attempts (2)' })).toBeVisible();
  await expect(page.getByText('Attempt 1', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to contacts' }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts\\?attempts=2$`));

  await page
    .getByRole('navigation', { name: 'Campaign sections' })
    .getByRole('link', { name: 'Activity' })
    .click();
  const events = page.getByRole('list', { name: 'Activity events' });
  const name = `Redial ${stamp}`;
  const requeued = events
    .getByRole('listitem')
    .filter({ hasText: `Demo manager key set contacts of ${name} to be called again` });
  await expect(requeued).toContainText(`Set ${noun} to be called again (exhausted)`);
  await expect(
    events.getByRole('listitem').filter({
      hasText: new RegExp(`^Demo manager key created ${name} with the configuration One try`),
    }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // The org's log names the campaign, as a link to it.
  await page.goto('/settings');
  const org = page.getByRole('region', { name: 'Activity' });
  await org.getByRole('combobox', { name: 'Action' }).selectOption('contacts.requeued');
  const entry = org
    .getByRole('listitem')
    .filter({ hasText: `Set ${noun} to be called again (exhausted)` })
    .filter({ has: page.getByRole('link', { name }) });
  await expect(entry).toBeVisible();
});
