import { expect, type Page } from '@playwright/test';

/** Every kind of page, each opened until its content is in (not just its shell). */
export const PAGES: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: 'campaign list',
    path: '/campaigns',
    ready: async (page) => {
      await expect(page.getByRole('link', { name: 'Spring outreach' })).toBeVisible();
      await expect(page.getByText(/\d+ \/ \d+ calls in flight/)).toBeVisible();
    },
  },
  {
    name: 'Overview',
    path: '/campaigns/spring-outreach',
    ready: async (page) => {
      await expect(page.getByRole('region', { name: 'Call outcomes' })).toBeVisible();
      // The charts load as they come on screen.
      const history = page.getByRole('region', { name: 'History' });
      const heading = history.getByText(/^Calls ended per/);
      await expect(heading).toBeVisible();
      await history.locator('div[aria-hidden="true"]').first().scrollIntoViewIfNeeded();
      await expect(history.locator('.recharts-surface').first()).toBeVisible();
    },
  },
  {
    name: 'Contacts',
    path: '/campaigns/spring-outreach/contacts',
    ready: async (page) => {
      await page
        .getByRole('button', { name: /^Show attempts for/ })
        .first()
        .click();
      await expect(page.getByText(/^Attempt 1/).first()).toBeVisible();
    },
  },
  {
    name: 'Activity',
    path: '/campaigns/spring-outreach/activity',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('main time').first()).toBeVisible();
    },
  },
  {
    name: 'Configurations',
    path: '/configurations',
    ready: async (page) => {
      await expect(page.getByRole('row').nth(1)).toBeVisible();
    },
  },
  {
    name: 'Settings',
    path: '/settings',
    ready: async (page) => {
      await expect(page.getByRole('meter')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Display' })).toBeVisible();
    },
  },
  {
    name: 'Calls tab',
    path: '/campaigns/spring-outreach/calls',
    ready: async (page) => {
      await expect(page.getByRole('row').nth(1)).toBeVisible();
    },
  },
  {
    name: 'Plan',
    path: '/plan',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('main').getByText('Spring outreach').first()).toBeVisible();
    },
  },
  {
    name: 'Alerts',
    path: '/alerts',
    ready: async (page) => {
      await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    },
  },
];
