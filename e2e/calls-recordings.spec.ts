import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  api,
  createDialingCampaign,
  expect,
  expectNoAxeViolations,
  MANAGE_TOKEN,
  test,
} from './fixtures';

type Attempt = { status: string; conversation_id: string | null; started_at: string };
type Contact = { id: string; external_id: string; attempts: Attempt[] };
type Conversation = {
  recording: { duration_seconds: number } | null;
  transcript: { start_seconds: number; text: string }[];
};
type Call = { id: string; contact_external_id: string; status: string; started_at: string };

/** A completed contact of the demo campaign whose recording has three turns or more. */
async function contactWithRecording(page: Page) {
  const { contacts } = await api<{ contacts: Contact[] }>(
    page,
    '/campaign/campaigns/spring-outreach/contacts?status=completed&limit=100',
  );
  for (const contact of contacts) {
    const id = contact.attempts.find((a) => a.conversation_id)?.conversation_id;
    if (!id) continue;
    const conversation = await api<Conversation>(page, `/conversations/${id}`);
    if ((conversation.recording?.duration_seconds ?? 0) >= 2 && conversation.transcript.length >= 3)
      return { contact, conversation };
  }
  throw new Error('No completed demo contact with a recording');
}

test.describe('Recordings', () => {
  test('plays a demo recording beside its transcript: the turn follows playback, a click seeks, no credential on the wire', async ({
    page,
  }) => {
    const { contact, conversation } = await contactWithRecording(page);
    const media: { url: string; headers: Record<string, string> }[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/campaign/recordings/'))
        media.push({ url: request.url(), headers: request.headers() });
    });
    await page.goto(`/campaigns/spring-outreach/contacts/${contact.id}`);
    const attempt = page.getByRole('listitem').filter({ hasText: 'Completed' }).last();
    await attempt.getByRole('button', { name: 'Open conversation' }).click();
    const player = page.getByRole('dialog', { name: 'Conversation' }).getByRole('region', {
      name: 'Recording',
    });
    const turns = player.getByRole('list', { name: 'Transcript' }).getByRole('button');
    await expect(turns).toHaveCount(conversation.transcript.length);
    await expectNoAxeViolations(page);

    await player.getByRole('button', { name: 'Play' }).click();
    await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible();
    const audio = page.locator('audio');
    // It really plays: the media element's clock runs.
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime))
      .toBeGreaterThan(0);
    await player.getByRole('button', { name: 'Pause' }).click();

    // The highlighted turn follows the media element's position.
    const at = (i: number) => conversation.transcript[i]!.start_seconds + 0.05;
    await audio.evaluate((a: HTMLAudioElement, t) => (a.currentTime = t), at(1));
    await expect(turns.nth(1)).toHaveAttribute('aria-current', 'true');
    await audio.evaluate((a: HTMLAudioElement, t) => (a.currentTime = t), at(2));
    await expect(turns.nth(2)).toHaveAttribute('aria-current', 'true');
    await expect(turns.nth(1)).not.toHaveAttribute('aria-current', 'true');

    // A click on a turn seeks there; so does Enter.
    await turns.nth(0).click();
    await expect
      .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime))
      .toBeCloseTo(conversation.transcript[0]!.start_seconds, 1);
    await expect(turns.nth(0)).toHaveAttribute('aria-current', 'true');
    await turns.nth(2).focus();
    await page.keyboard.press('Enter');
    await expect(turns.nth(2)).toHaveAttribute('aria-current', 'true');

    // The audio came from the signed link alone.
    expect(media.length).toBeGreaterThan(0);
    for (const request of media) {
      expect(request.headers).not.toHaveProperty('authorization');
      expect(request.url).not.toContain(MANAGE_TOKEN);
      expect(request.url).toMatch(/\?expires=\d+&signature=[0-9a-f]{64}$/);
    }
  });
});

test.describe('Calls', () => {
  test('the Calls tab, filtered to failed calls of the last hour, shows what the API answers', async ({
    page,
  }) => {
    test.slow();
    // Dial until some call has failed, then pause so that nothing moves while we compare.
    let campaign: Awaited<ReturnType<typeof createDialingCampaign>> | null = null;
    for (let tries = 0; tries < 4 && !campaign; tries++) {
      const made = await createDialingCampaign(page, 'Calls', 40, `+1646${tries}55`);
      type Progress = { attempts: { in_progress: number; total: number } };
      const progress = () => api<Progress>(page, `/campaign/campaigns/${made.id}/report`);
      await expect
        .poll(async () => (await progress()).attempts.total, { timeout: 45_000 })
        .toBeGreaterThanOrEqual(40);
      await api(page, `/campaign/campaigns/${made.id}/pause`, { method: 'POST' });
      await expect
        .poll(async () => (await progress()).attempts.in_progress, { timeout: 30_000 })
        .toBe(0);
      const failed = await api<{ attempts: Call[] }>(
        page,
        `/campaign/campaigns/${made.id}/attempts?status=failed&limit=200`,
      );
      if (failed.attempts.length > 0) campaign = made;
    }
    expect(campaign, 'a campaign with a failed call').not.toBeNull();

    await page.goto(`/campaigns/${campaign!.externalId}/calls`);
    const table = page.getByRole('table', { name: /^Calls of/ });
    await expect(table.getByRole('row')).not.toHaveCount(1);
    await expectNoAxeViolations(page);
    // The box shows the URL's filter: checked once the navigation it starts has landed.
    await page.getByRole('checkbox', { name: 'Failed' }).click();
    await expect(page.getByRole('checkbox', { name: 'Failed' })).toBeChecked();
    await page.getByRole('combobox', { name: 'Started' }).selectOption('Last hour');
    await expect(page).toHaveURL(/status=failed/);
    await expect(page).toHaveURL(/since=hour/);
    const from = new Date(Date.now() - 3600_000).toISOString();
    const expected = await api<{ attempts: Call[] }>(
      page,
      `/campaign/campaigns/${campaign!.id}/attempts?status=failed&from=${from}&limit=200`,
    );
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(expected.attempts.length + 1);
    for (const [i, call] of expected.attempts.entries()) {
      const row = rows.nth(i + 1);
      await expect(row).toContainText('Failed');
      await expect(row.getByRole('link', { name: call.contact_external_id })).toBeVisible();
      await expect(row.locator('time')).toHaveAttribute('datetime', call.started_at);
    }
    // The contact links to its page.
    await rows.nth(1).getByRole('link').click();
    await expect(page).toHaveURL(/\/contacts\/[^/]+$/);
  });
});

test.describe('Report to take away', () => {
  // "Summer launch" is closed with a finished history: its figures hold still while read.
  test('the report CSV has the figures on the screen', async ({ page }) => {
    await page.goto('/campaigns/summer-launch');
    const results = page.getByRole('region', { name: 'Results' });
    const outcomes = results.getByRole('table', { name: 'Ended calls by outcome' });
    await expect(outcomes).toBeVisible();
    const download = page.waitForEvent('download');
    await results.getByRole('button', { name: 'Download report (CSV)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^summer-launch-report-\d{4}-\d\d-\d\d\.csv$/);
    const rows = readFileSync((await file.path())!, 'utf8')
      .split('\r\n')
      .map((line) => line.split(','));
    const figure = (section: string, metric: string) =>
      rows.find(([s, m]) => s === section && m === metric)?.[2];
    expect(rows[0]).toEqual(['section', 'metric', 'value']);
    expect(figure('report', 'campaign')).toBe('Summer launch');
    expect(figure('report', 'filters')).toBe('none');
    expect(figure('report', 'generated_at')).toMatch(/^\d{4}-\d\d-\d\dT/);

    for (const [status, label] of [
      ['completed', 'Completed'],
      ['no_answer', 'No answer'],
      ['busy', 'Busy'],
      ['voicemail', 'Voicemail'],
      ['failed', 'Failed'],
    ] as const) {
      const row = outcomes.getByRole('row', { name: new RegExp(`^${label}`) });
      await expect(row.getByRole('cell').first()).toHaveText(
        Number(figure('outcomes', status)).toLocaleString('en-US'),
      );
    }
    for (const [metric, name] of [
      ['answer_rate', 'Answer rate'],
      ['success_rate', 'Success rate'],
      ['reach_rate', 'Dialled rate'],
    ] as const) {
      const shown = `${Number(figure('rates', metric)).toFixed(1)}%`;
      await expect(
        results.getByRole('definition').filter({ hasText: shown }).first(),
      ).toBeVisible();
      await expect(results.getByRole('term').filter({ hasText: name })).toBeVisible();
    }
    const completed = results.getByRole('link', { name: /^Completed [\d,]+$/ });
    await expect(completed).toHaveText(
      `Completed ${Number(figure('contacts', 'completed')).toLocaleString('en-US')}`,
    );
  });

  test('printed, the Overview is a report with the key numbers on page one', async ({ page }) => {
    // The width of a Letter page inside its margins, as Chromium lays out print.
    await page.setViewportSize({ width: 725, height: 900 });
    await page.goto('/campaigns/summer-launch');
    const results = page.getByRole('region', { name: 'Results' });
    await expect(results.getByRole('table', { name: 'Ended calls by outcome' })).toBeVisible();
    const answerRate = results.getByRole('definition').filter({ hasText: /%$/ }).first();
    const shownRate = await answerRate.textContent();

    await page.emulateMedia({ media: 'print' });
    // No app around the report, no controls; the results come first.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Campaign sections' })).toBeHidden();
    await expect(results.getByRole('button', { name: 'Download report (CSV)' })).toBeHidden();
    await expect(page.getByRole('button', { name: /Refresh/ })).toHaveCount(0);
    await expect(
      results.getByText(/Summer launch \(closed\): all contacts, report generated/),
    ).toBeVisible();
    // Page one is 11in less two 12 mm margins: 965 CSS pixels.
    const pageOne = 11 * 96 - 2 * (12 / 25.4) * 96;
    for (const key of [
      page.getByRole('heading', { name: 'Summer launch' }),
      results.getByRole('table', { name: 'Ended calls by outcome' }),
      answerRate,
    ]) {
      const box = (await key.boundingBox())!;
      expect(box.y + box.height).toBeLessThan(pageOne);
    }
    await expect(answerRate).toHaveText(shownRate!);

    const pdf = await page.pdf({ format: 'Letter', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  });
});
