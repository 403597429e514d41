import { api, expect, expectNoAxeViolations, test } from './fixtures';

/** The instant today's `hh:mm` happens in New York (whatever its offset this season). */
function newYork(hhmm: string): string {
  const guess = Date.parse(`${new Date().toISOString().slice(0, 10)}T${hhmm}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(guess)
      .map((p) => [p.type, Number(p.value)]),
  );
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!);
  return new Date(guess - (wall - guess)).toISOString();
}
// 09:30 in New York today (a calling window open every day) is 08:30 in Chicago and 06:30 in
// Los Angeles, in any season. The clock moves by hours, not days: the shared server's other
// specs run on after this one.
const OPENING = newYork('09:30');
const HOUR_LATER = new Date(Date.parse(OPENING) + 3_600_000).toISOString();
const setClock = (page: import('@playwright/test').Page, at: string) =>
  api(page, '/testing/clock', { method: 'POST', body: { at } });

test.afterEach(async ({ page }) => {
  // Other specs run on the real clock.
  await setClock(page, new Date().toISOString());
});

test('calls each contact in their own hours, and never the suppressed', async ({ page }) => {
  await setClock(page, OPENING);
  const stamp = Date.now();
  const digits = String(stamp).slice(-3);
  const config = await api<{ id: string }>(page, '/campaign/configurations', {
    method: 'POST',
    body: {
      name: `Own hours ${stamp}`,
      timezone: 'America/New_York',
      schedule: {
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
        start_time: '09:00',
        end_time: '17:00',
      },
      window_basis: 'contact',
    },
  });
  const slug = `zones-${stamp}`;
  await api(page, '/campaign/campaigns', {
    method: 'POST',
    body: { name: `Zones ${stamp}`, external_id: slug, configuration_id: config.id },
  });
  await api(page, `/campaign/campaigns/${slug}/pause`, { method: 'POST' });
  // Three zones from the numbers (New York, Chicago twice) and the data (Los Angeles), and one
  // number whose region spans all of North America: no zone.
  await api(page, `/campaign/campaigns/${slug}/contacts`, {
    method: 'POST',
    body: {
      contacts: [
        { external_id: 'ny', phone_numbers: [`+1212555${digits}1`] },
        { external_id: 'chi', phone_numbers: [`+1312555${digits}2`] },
        { external_id: 'chi-2', phone_numbers: [`+1312555${digits}3`] },
        {
          external_id: 'la',
          phone_numbers: [`+1415555${digits}4`],
          data: { timezone: 'America/Los_Angeles' },
        },
        { external_id: 'nowhere', phone_numbers: [`+1999555${digits}5`] },
      ],
    },
  });

  await page.goto(`/campaigns/${slug}`);
  const callable = page.getByRole('list', { name: 'Callable contacts' });
  await expect(callable.getByRole('link', { name: 'Callable now: 1' })).toBeVisible();
  await expect(
    callable.getByRole('link', { name: 'opens 09:00 America/Chicago: 2' }),
  ).toBeVisible();
  await expect(
    callable.getByRole('link', { name: 'opens 09:00 America/Los_Angeles: 1' }),
  ).toBeVisible();
  await expect(callable.getByRole('link', { name: 'no time zone: 1' })).toBeVisible();
  await expect(page.getByText('1 of 5 contacts will be skipped:')).toBeVisible();
  await expectNoAxeViolations(page);

  // 09:30 in Chicago: its two contacts are callable too.
  await setClock(page, HOUR_LATER);
  await page.reload();
  await expect(callable.getByRole('link', { name: 'Callable now: 3' })).toBeVisible();
  await callable.getByRole('link', { name: 'Callable now: 3' }).click();
  await expect(page.getByRole('checkbox', { name: 'Callable now' })).toBeChecked();
  const rows = page.getByRole('table', { name: 'Contacts' }).getByRole('row');
  await expect(rows).toHaveCount(4); // header and three contacts
  await expect(page.getByRole('link', { name: 'chi', exact: true })).toBeVisible();

  // Suppressed from the contact's own page.
  await page.getByRole('link', { name: 'chi', exact: true }).click();
  await expect(page.getByText(/America\/Chicago \(from its number\), local time/)).toBeVisible();
  await page.getByRole('button', { name: 'Suppress number' }).click();
  const dialog = page.getByRole('dialog', { name: 'Do not call this number' });
  await dialog.getByLabel('Reason').fill('Asked by email');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: /^Suppress \+1312/ }).click();
  await expect(page.getByText('A number is on the suppression list: never called')).toBeVisible();

  // Skipped and counted.
  await page.goto(`/campaigns/${slug}`);
  await expect(callable.getByRole('link', { name: 'Callable now: 2' })).toBeVisible();
  await expect(callable.getByRole('link', { name: 'suppressed: 1' })).toBeVisible();
  await expect(page.getByText('2 of 5 contacts will be skipped:')).toBeVisible();
  await callable.getByRole('link', { name: 'suppressed: 1' }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'chi', exact: true })).toBeVisible();

  // On the org's list, with who added it and why.
  await page.getByRole('link', { name: 'Suppression', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Suppression list', level: 1 })).toBeVisible();
  await page.getByLabel('Search').fill(`312555${digits}2`);
  const entry = page.getByRole('row', { name: new RegExp(`\\+1312555${digits}2`) });
  await expect(entry).toContainText('Asked by email');
  await expect(entry).toContainText('Typed in');
  await expectNoAxeViolations(page);
});
