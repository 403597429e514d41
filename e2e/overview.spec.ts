import type { Page } from '@playwright/test';
import { api, expect, expectNoAxeViolations, setHidden, test } from './fixtures';

type Campaign = { id: string; external_id: string };

function countStats(page: Page, campaignId: string) {
  const seen: number[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith(`/campaign/campaigns/${campaignId}/stats`)) seen.push(Date.now());
  });
  return seen;
}

async function ownCampaign(page: Page, contacts = 300): Promise<Campaign> {
  const stamp = Date.now();
  return api<Campaign>(page, '/campaign/campaigns', {
    method: 'POST',
    body: {
      name: `Overview e2e ${stamp}`,
      external_id: `overview-${stamp}`,
      contacts: Array.from({ length: contacts }, (_, i) => ({
        external_id: `o${i}`,
        phone_numbers: [`+1212555${String(i).padStart(4, '0')}`],
      })),
    },
  });
}

test.describe('Overview', () => {
  test('numbers change while watching, by external_id as by UUID', async ({ page }) => {
    await page.goto('/campaigns/spring-outreach');
    await expect(page.getByRole('heading', { name: 'Spring outreach' })).toBeVisible();
    await expect(page.getByText('Live')).toBeVisible();
    const attempts = page.getByText(/attempts, on average/);
    const first = await attempts.textContent();
    await expect(attempts).not.toHaveText(first!, { timeout: 20_000 });
    const uuid = (await api<Campaign>(page, '/campaign/campaigns/spring-outreach')).id;
    await page.goto(`/campaigns/${uuid}`);
    await expect(page.getByRole('heading', { name: 'Spring outreach' })).toBeVisible();
    await expect(page.getByText(/attempts, on average/)).toBeVisible();
  });

  // Playwright's clock drives the page's timers: 5-second rhythms are checked in simulated
  // time, exactly, while the requests themselves go to the real server.
  test('polls every 5 s while visible, never while hidden, once at once on return', async ({
    page,
  }) => {
    const campaign = await ownCampaign(page);
    const seen = countStats(page, campaign.id);
    await page.clock.install();
    await page.goto(`/campaigns/${campaign.id}`);
    await expect(page.getByText('Live')).toBeVisible();
    await expect.poll(() => seen.length).toBe(1);
    // One interval at a time: each answer arrives before the next is due, as in real time.
    for (let n = 2; n <= 5; n++) {
      await page.clock.runFor(5_000);
      await expect.poll(() => seen.length).toBe(n);
    }

    await setHidden(page, true);
    await expect(page.getByText('Paused: tab hidden')).toBeVisible();
    await page.clock.runFor(60_000);
    expect(seen.length).toBe(5);

    await setHidden(page, false);
    await expect.poll(() => seen.length).toBe(6);
    await expect(page.getByText('Live')).toBeVisible();
    // The rhythm restarts from the return.
    await page.clock.runFor(5_000);
    await expect.poll(() => seen.length).toBe(7);
  });

  test('pausing from the page stops the requests; Start resumes them', async ({ page }) => {
    const campaign = await ownCampaign(page);
    const seen = countStats(page, campaign.id);
    await page.clock.install();
    await page.goto(`/campaigns/${campaign.id}`);
    await expect(page.getByText('Live')).toBeVisible();
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByText('Paused: campaign is paused')).toBeVisible();
    const afterPause = seen.length;
    await page.clock.runFor(60_000);
    expect(seen.length).toBe(afterPause);
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByText('Live')).toBeVisible();
    const afterStart = seen.length;
    for (let n = 1; n <= 2; n++) {
      await page.clock.runFor(5_000);
      await expect.poll(() => seen.length - afterStart).toBe(n);
    }
  });

  test("a large campaign's counts stay inside their boxes on a phone", async ({ page }) => {
    const campaign = await ownCampaign(page, 5000);
    // 12,000 contacts: an upsert takes 1,000 at a time.
    for (let from = 5000; from < 12_000; from += 1000) {
      await api(page, `/campaign/campaigns/${campaign.id}/contacts`, {
        method: 'POST',
        body: {
          contacts: Array.from({ length: 1000 }, (_, i) => ({
            external_id: `o${from + i}`,
            phone_numbers: [`+1212556${String(from - 5000 + i).padStart(4, '0')}`],
          })),
        },
      });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/campaigns/${campaign.id}`);
    const counts = page.getByRole('region', { name: 'Contacts' });
    await expect(counts.getByText('12,000').first()).toBeVisible();
    // A count wider than its box runs into the next one.
    const overflowing = await counts
      .locator('dt, dd')
      .evaluateAll((cells) =>
        cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent),
      );
    expect(overflowing).toEqual([]);
  });

  test('passes an axe scan', async ({ page }) => {
    await page.goto('/campaigns/spring-outreach');
    await expect(page.getByText('Live')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Org headroom' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
