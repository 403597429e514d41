import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { api, expect, expectNoAxeViolations, test } from './fixtures';

const SECRET = 'e2e-secret-0123456789';

test('a "finished" rule tells a webhook once, signed, when its campaign finishes', async ({
  page,
}) => {
  // The campaign's calls and the server's 15 s evaluation, on a busy machine.
  test.slow();
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/headroom`;
  try {
    const stamp = Date.now();
    // One call per contact, so the campaign finishes after its first round (setup only).
    await api(page, '/campaign/configurations', {
      method: 'POST',
      body: { name: `One call ${stamp}`, max_attempts: 1 },
    });

    // The campaign, made in the UI, with no contacts yet: nothing to finish.
    const name = `Alerted ${stamp}`;
    await page.goto('/campaigns');
    await page.getByRole('button', { name: 'New campaign' }).click();
    const create = page.getByRole('dialog', { name: 'New campaign' });
    await create.getByLabel('Name').fill(name);
    await create.getByRole('button', { name: 'Next' }).click();
    await create.getByRole('radio', { name: `One call ${stamp}` }).check();
    await create.getByRole('button', { name: 'Create campaign' }).click();
    await create.getByRole('button', { name: 'Skip import' }).click();
    // Started: the contacts added below are called at once.
    await create.getByRole('button', { name: 'Start calling' }).click();
    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}/);
    const campaignId = page.url().match(/campaigns\/([0-9a-f-]{36})/)![1]!;

    // The rule, made in the UI and said in words.
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'New rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New alert rule' });
    await dialog.getByLabel('Name').fill(`Finished ${stamp}`);
    await dialog.getByLabel('Campaign').selectOption({ label: name });
    await dialog.getByLabel('Channel 1 type').selectOption('webhook');
    await dialog.getByLabel('Channel 1 URL').fill(hook);
    await dialog.getByLabel('Channel 1 signing secret').fill(SECRET);
    await expect(
      dialog.getByText(`Tell the webhook at 127.0.0.1:${new URL(hook).port} when ${name} finishes`),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('heading', { name: `Finished ${stamp}` })).toBeVisible();

    // Three contacts for the dialer (setup), which calls each once.
    await api(page, `/campaign/campaigns/${campaignId}/contacts`, {
      method: 'POST',
      body: {
        contacts: [1, 2, 3].map((i) => ({
          external_id: `alerted-${i}`,
          phone_numbers: [`+1415777${String(stamp % 1000).padStart(3, '0')}${i}`],
        })),
      },
    });

    // The server evaluates every 15 s: wait for the receiver, not for time.
    await expect.poll(() => received.length, { timeout: 90_000, intervals: [500] }).toBe(1);
    const [{ headers, body }] = received as [(typeof received)[number]];
    const payload = JSON.parse(body);
    expect(payload).toMatchObject({
      state: 'firing',
      campaign: { id: campaignId, name },
      rule: { name: `Finished ${stamp}` },
    });
    expect(payload.message).toMatch(new RegExp(`^${name} finished: \\d of 3 contacts completed`));
    expect(headers['x-headroom-event']).toBe(payload.id);
    expect(headers['x-headroom-signature']).toBe(
      `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    );

    // The bell and the event list show it with its delivery.
    await page.reload();
    await expect(page.getByRole('link', { name: /^[1-9]\d* alerts? firing$/ })).toBeVisible();
    const events = page.getByRole('table', { name: 'Alert events, newest first' });
    const row = events.getByRole('row').filter({ hasText: `Finished ${stamp}` });
    await expect(row).toContainText('Firing');
    await expect(row).toContainText('(firing): delivered after 1 attempt');
    await expectNoAxeViolations(page);
    // The Overview names it too.
    await page.goto(`/campaigns/${campaignId}`);
    await expect(page.getByRole('region', { name: 'Alerts firing' })).toContainText(
      `${name} finished`,
    );
    // Still one: a finished campaign fires once, however many evaluations pass.
    expect(received).toHaveLength(1);
  } finally {
    receiver.close();
  }
});
