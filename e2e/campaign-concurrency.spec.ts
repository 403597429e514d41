import { api, createDialingCampaign, expect, expectNoAxeViolations, test } from './fixtures';

type Stats = { contacts: { in_progress: number }; attempts: { total: number } };
type Settings = { concurrency_limit: number; active_calls: number };

test('a campaign capped at 2 on its Settings tab never has more than 2 calls in flight, under a higher org limit', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const campaign = await createDialingCampaign(page, 'Capped', 300, '+1415556');
  const stats = () => api<Stats>(page, `/campaign/campaigns/${campaign.id}/stats`);
  const inFlight = async () => (await stats()).contacts.in_progress;
  try {
    // Paused, and its first calls (if the dialer got to it) over, before the cap is set.
    await api(page, `/campaign/campaigns/${campaign.id}/pause`, { method: 'POST' });
    await expect.poll(inFlight, { timeout: 30_000 }).toBe(0);

    await page.goto(`/campaigns/${campaign.externalId}/settings`);
    const cap = page.getByRole('group', { name: 'Calls at once' });
    await expect(cap.getByRole('radio', { name: 'No cap' })).toBeChecked();
    await cap.getByRole('radio', { name: 'At most' }).check();
    await cap.getByRole('spinbutton', { name: 'Maximum calls in flight' }).fill('2');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await expectNoAxeViolations(page);
    expect(
      (await api<{ max_concurrent_calls: number }>(page, `/campaign/campaigns/${campaign.id}`))
        .max_concurrent_calls,
    ).toBe(2);

    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();

    // Sampled until the campaign has made 25 calls under the cap (about 20 s of the fast dialer,
    // DIALER_SPEED 60) and both the cap and the org's other campaigns were seen at work: counted
    // in calls, not seconds, so a slow machine samples as much of the dialer's work as a fast one.
    const start = (await stats()).attempts.total;
    const campaignSeen: number[] = [];
    let org = { limit: Infinity, maxInFlight: 0 };
    await expect
      .poll(
        async () => {
          const [mine, settings] = await Promise.all([
            stats(),
            api<Settings>(page, '/campaign/concurrency-settings'),
          ]);
          campaignSeen.push(mine.contacts.in_progress);
          org = {
            limit: Math.min(org.limit, settings.concurrency_limit),
            maxInFlight: Math.max(org.maxInFlight, settings.active_calls),
          };
          return (
            mine.attempts.total - start >= 25 &&
            Math.max(...campaignSeen) >= 2 &&
            org.maxInFlight > 2
          );
        },
        { intervals: [200], timeout: 90_000 },
      )
      .toBe(true);
    // Never above the cap, and held at it: the campaign had work for more.
    expect(Math.max(...campaignSeen)).toBe(2);
    // The cap held it, not the org: the limit stayed higher and other campaigns used it.
    expect(org.limit).toBeGreaterThan(2);
    expect(org.maxInFlight).toBeGreaterThan(2);
  } finally {
    // Other specs share the server: leave no extra campaign dialing.
    await api(page, `/campaign/campaigns/${campaign.id}/close`, { method: 'POST' });
  }
});
