import { api, expect, test } from './fixtures';
import type { Page } from '@playwright/test';

// Contract-valid but hostile: the longest name the API takes and 16 KB of unbroken contact
// data. Every page that shows them wraps or truncates; none scrolls sideways.

const WIDTHS = [390, 1360];

/** The page's width beyond the window, in CSS pixels: 0 when nothing scrolls sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);

async function createHostileCampaign(page: Page) {
  const stamp = Date.now();
  const name = `Hostile ${stamp} ${'W'.repeat(200)}`.slice(0, 200);
  const campaign = await api<{ id: string }>(page, '/campaign/campaigns', {
    method: 'POST',
    body: { name, external_id: `hostile-${stamp}` },
  });
  // Paused, so the demo's dialer leaves the contact as it is.
  await api(page, `/campaign/campaigns/${campaign.id}/pause`, { method: 'POST' });
  const data = {
    first_name: 'Ada'.padEnd(2000, 'a'),
    [`field_${'k'.repeat(300)}`]: 'short',
    notes: 'N'.repeat(13_000),
  };
  expect(JSON.stringify(data).length).toBeGreaterThan(15_000);
  const upsert = await api<{ contact_ids: string[] }>(
    page,
    `/campaign/campaigns/${campaign.id}/contacts`,
    {
      method: 'POST',
      body: {
        contacts: [{ external_id: `x${'X'.repeat(198)}`, phone_numbers: ['+14155550188'], data }],
      },
    },
  );
  return { id: campaign.id, name, contactId: upsert.contact_ids[0]! };
}

test.describe('Hostile data', () => {
  for (const width of WIDTHS) {
    test(`at ${width} px, a 200-character name and 16 KB of contact data never scroll the page sideways`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      const campaign = await createHostileCampaign(page);

      await page.goto(`/campaigns?q=${campaign.name.slice(0, 20)}`);
      const link = page.getByRole('link', { name: campaign.name });
      await expect(link).toBeVisible();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      if (width >= 1024) {
        // The name is cut short in the table (whole in its title); the Status column stays in view.
        const status = page.getByRole('columnheader', { name: /Status/ });
        const box = (await status.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width);
      }

      await page.goto(`/campaigns/${campaign.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(campaign.name);
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      await page.goto(`/campaigns/${campaign.id}/contacts`);
      await page.getByRole('button', { name: /^Show attempts for/ }).click();
      await expect(page.getByText(/^NNNN/)).toBeVisible();
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      await page.goto(`/campaigns/${campaign.id}/contacts/${campaign.contactId}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText(/NNNN/).first()).toBeVisible();
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      await page.goto(`/campaigns/${campaign.id}/settings`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(campaign.name);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });
  }
});
