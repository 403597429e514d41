import { api, expect, MANAGE_TOKEN, test } from './fixtures';
import type { Page } from '@playwright/test';

// Every page, for each demo credential: a heading, no error screen, and not one request the
// session already said would be refused (none answered 403), nor one asked over and over.

type Key = {
  token: string;
  orgId?: string;
  label: string;
  /** A manage key of the same org, to find a campaign and a contact to visit. */
  setupToken: string;
  readsCampaigns: boolean;
};

const KEYS: Key[] = [
  {
    token: 'ak_demo_manage',
    label: 'Demo manager key',
    setupToken: MANAGE_TOKEN,
    readsCampaigns: true,
  },
  {
    token: 'ak_demo_read',
    label: 'Demo read-only key',
    setupToken: MANAGE_TOKEN,
    readsCampaigns: true,
  },
  {
    token: 'ak_demo_concurrency',
    label: 'Demo concurrency admin key',
    setupToken: MANAGE_TOKEN,
    readsCampaigns: false,
  },
  {
    token: 'ak_other_manage',
    label: 'Other org manager key',
    setupToken: 'ak_other_manage',
    readsCampaigns: true,
  },
  {
    token: 'pat_demo_admin',
    orgId: 'org_demo',
    label: 'Demo admin, personal token',
    setupToken: MANAGE_TOKEN,
    readsCampaigns: true,
  },
];

const NO_CAMPAIGNS = "This key can't read campaigns. Ask an admin for a key with campaign access.";

async function connect(page: Page, key: Key) {
  await page.goto('/settings');
  await page.getByLabel('API token').fill(key.token);
  if (key.orgId) await page.getByLabel('Organization ID').fill(key.orgId);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('connection-badge')).toContainText(key.label);
}

/** A campaign of the key's org that has contacts (other specs add empty ones), and a contact. */
async function somewhereToVisit(page: Page, key: Key) {
  const { campaigns } = await api<{ campaigns: { id: string; name: string }[] }>(
    page,
    '/campaign/campaigns?limit=50',
    { token: key.setupToken },
  );
  for (const campaign of campaigns) {
    const { contacts } = await api<{ contacts: { id: string }[] }>(
      page,
      `/campaign/campaigns/${campaign.id}/contacts?limit=1`,
      { token: key.setupToken },
    );
    if (contacts[0]) return { campaign, contactId: contacts[0].id };
  }
  throw new Error(`no campaign with contacts for ${key.token}`);
}

for (const key of KEYS) {
  test(`${key.token}: every page shows what the key may see, and sends nothing it would be refused`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const { campaign, contactId } = await somewhereToVisit(page, key);
    await connect(page, key);

    let sent: string[] = [];
    const refused: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/campaign/')) sent.push(`${r.method()} ${r.url()}`);
    });
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(`${r.request().method()} ${r.url()}`);
    });

    const base = `/campaigns/${campaign.id}`;
    const campaignHeading = key.readsCampaigns ? campaign.name : 'Campaign';
    const pages: [string, string][] = [
      ['/campaigns', 'Campaigns'],
      [base, campaignHeading],
      [`${base}/contacts`, campaignHeading],
      [`${base}/contacts/${contactId}`, campaignHeading],
      [`${base}/activity`, campaignHeading],
      [`${base}/settings`, campaignHeading],
      ['/contacts', 'Contacts without a campaign'],
      ['/configurations', 'Configurations'],
      ['/settings', 'Settings'],
    ];
    for (const [path, heading] of pages) {
      sent = [];
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      if (!key.readsCampaigns && path !== '/settings') {
        await expect(page.getByText(NO_CAMPAIGNS)).toBeVisible();
      }
      await page.waitForLoadState('networkidle');
      await expect(page.getByRole('alert'), `an error on ${path}`).toHaveCount(0);
      await expect(page.getByText('Loading settings…')).toHaveCount(0);
      // A page's polls aside, no URL is asked again and again.
      const counts = new Map<string, number>();
      for (const url of sent) counts.set(url, (counts.get(url) ?? 0) + 1);
      expect(
        [...counts].filter(([, n]) => n > 3),
        `requests repeated on ${path}`,
      ).toEqual([]);
    }

    // Settings always offers the Connection section and the limit, whatever the key may read.
    const concurrency = page.getByRole('region', { name: 'Concurrency' });
    await expect(concurrency.getByRole('meter')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Connection' })).toBeVisible();
    expect(refused).toEqual([]);
  });
}
