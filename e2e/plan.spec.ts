import { api, expect, expectNoAxeViolations, test } from './fixtures';

type Plan = {
  campaign_id: string;
  at_lines: { lines: number; finishes_at: string | null }[];
  deadline: { at: string; lines_needed: number | null; within_org_limit: boolean } | null;
};
type Campaign = { id: string; max_concurrent_calls: number | null };

/** "2026-12-05T14:30": the wall clock in New York (the demo configuration's zone). */
const newYork = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(iso))
    .replace(' ', 'T');

test('a deadline on Spring outreach: the answer, its cap set, the board shows it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const spring = await api<Campaign>(page, '/campaign/campaigns/spring-outreach');
  try {
    // Setup only: a deadline some line counts meet and fewer do not.
    const plan = await api<Plan>(page, '/campaign/campaigns/spring-outreach/plan');
    const middle = plan.at_lines[Math.floor(plan.at_lines.length / 2)]!;
    const deadline = newYork(new Date(Date.parse(middle.finishes_at!) + 60_000).toISOString());

    await page.goto('/campaigns/spring-outreach');
    const panel = page.getByRole('region', { name: 'Plan' });
    await panel.scrollIntoViewIfNeeded();
    await panel.getByLabel('Deadline (America/New_York)').fill(deadline);
    const answered = page.waitForResponse(
      (res) => res.url().includes('/plan?deadline=') && res.ok(),
    );
    await panel.getByRole('button', { name: 'Plan' }).click();
    const answer = (await (await answered).json()) as Plan;
    const needed = answer.deadline!.lines_needed!;
    expect(needed).toBeGreaterThan(0);

    // The panel says what the server answered.
    await expect(
      panel.getByText(
        new RegExp(
          `^${needed} lines? finish by \\w{3} \\d\\d:\\d\\d E[SD]T.*; today's \\d+ finish`,
        ),
      ),
    ).toBeVisible();
    await expect(panel.locator('svg.recharts-surface')).toBeVisible();
    await expectNoAxeViolations(page);

    await panel.getByRole('button', { name: `Set cap to ${needed}` }).click();
    await expect(panel.getByText(`Cap set to ${needed}.`)).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Campaigns' })
      .click();
    const row = page.getByRole('row', { name: /Spring outreach/ });
    await expect(row).toContainText(`/ ${needed} cap`);
  } finally {
    await api(page, `/campaign/campaigns/${spring.id}`, {
      method: 'PATCH',
      body: { max_concurrent_calls: spring.max_concurrent_calls },
    });
  }
});

test('the Plan panel reads at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/campaigns/spring-outreach');
  const panel = page.getByRole('region', { name: 'Plan' });
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByText(/lines? finish by/)).toBeVisible();
  const chart = panel.locator('svg.recharts-surface');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect((await chart.boundingBox())!.width).toBeGreaterThan(250);
});

test('the org Plan page: deadlines in the URL, lines against the limit, the apply dialog', async ({
  page,
}) => {
  await page.goto('/campaigns');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
  const row = page.getByRole('row', { name: /Spring outreach/ });
  const plan = await api<Plan>(page, '/campaign/campaigns/spring-outreach/plan');
  const last = plan.at_lines.at(-1)!.finishes_at!;
  await row
    .getByLabel(/Deadline for Spring outreach/)
    .fill(newYork(new Date(Date.parse(last) + 3_600_000).toISOString()));
  await row.getByLabel(/Deadline for Spring outreach/).blur();
  await expect(page).toHaveURL(/deadline=/);
  await expect(
    page.getByText(/^Deadlines need \d+ lines in all against the org limit of \d+/),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  // Shared with the URL: a reload keeps the deadline.
  await page.reload();
  await expect(
    page.getByRole('row', { name: /Spring outreach/ }).getByLabel(/Deadline for Spring outreach/),
  ).not.toHaveValue('');

  const apply = page.getByRole('button', { name: 'Apply proposed caps' });
  if (await apply.isVisible()) {
    await apply.click();
    const dialog = page.getByRole('dialog', { name: 'Apply the proposed caps' });
    await expect(dialog.getByRole('listitem').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(apply).toBeFocused();
  } else {
    await expect(page.getByText('The caps already match the proposal.')).toBeVisible();
  }
});
