import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../test/server';
import {
  API,
  makeCampaign,
  makeConfiguration,
  makeContact,
  makeSession,
  makeStats,
} from '../test/fixtures';
import { renderRoute } from '../test/render';

// A zone the server once accepted and this browser's tzdata no longer has: Intl throws for it.
const ZONE = 'Asia/Riyadh87';
const NOTE = `Times in UTC: this browser does not know ${ZONE}`;

const config = makeConfiguration({ name: 'Old Riyadh', timezone: ZONE });
const campaign = makeCampaign({ name: 'Riyadh calls', configuration_id: config.id });
const contact = makeContact(campaign.id, { data: { first_name: 'Nour' } });
// Pending contacts and no call in flight: the window decides, on its clock.
const idle = { total: 100, pending: 40, in_progress: 0, completed: 50, exhausted: 10 };
const stats = makeStats(campaign.id, { contacts: idle, active_calls: 0 });

function serve() {
  server.use(
    sessionHandler(makeSession({ extensions: ['session', 'stats-batch', 'timeline', 'activity'] })),
    http.get(`${API}/campaign/campaigns`, () =>
      HttpResponse.json({ campaigns: [campaign], next_cursor: null }),
    ),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () => HttpResponse.json(stats)),
    http.get(`${API}/campaign/stats`, () =>
      HttpResponse.json({ stats: [{ ...stats, answer_rate: 40, finishes_at: null }] }),
    ),
    http.get(`${API}/campaign/campaigns/:id/timeline`, () =>
      HttpResponse.json({
        bucket_seconds: 60,
        from: new Date(Date.now() - 3_600_000).toISOString(),
        to: new Date().toISOString(),
        points: [],
        forecast: {
          rate_per_hour: 120,
          remaining: 40,
          finishes_at: new Date(Date.now() + 20 * 60_000).toISOString(),
          basis: 'last 30 minutes',
        },
      }),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts`, () =>
      HttpResponse.json({ contacts: [contact], total: 1, limit: 50, offset: 0 }),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts/:contactId`, () => HttpResponse.json(contact)),
    http.get(`${API}/campaign/configurations`, () =>
      HttpResponse.json({ configurations: [config] }),
    ),
    http.get(`${API}/campaign/configurations/:id`, () => HttpResponse.json(config)),
    http.get(`${API}/campaign/timezones`, () =>
      HttpResponse.json({ timezones: [ZONE, 'Europe/London', 'UTC'] }),
    ),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 0 }),
    ),
    http.get(`${API}/campaign/activity`, () =>
      HttpResponse.json({
        events: [
          {
            id: 'evt_1',
            at: '2026-11-20T09:00:00Z',
            actor: { kind: 'api_key', label: 'Manage key' },
            action: 'configuration.created',
            campaign_id: null,
            configuration_id: config.id,
            summary: `Created configuration "${config.name}"`,
            changes: null,
          },
        ],
        next_cursor: null,
      }),
    ),
  );
}

/** The page's heading and `content` are up, and no part of it was replaced by an error screen. */
async function shows(heading: string | RegExp, content: string | RegExp) {
  // Lazy pages and their answers take their time on a busy machine.
  const wait = { timeout: 5000 };
  expect(await screen.findByRole('heading', { level: 1, name: heading }, wait)).toBeVisible();
  expect((await screen.findAllByText(content, {}, wait))[0]).toBeVisible();
  expect(screen.queryByText('This page could not be shown')).not.toBeInTheDocument();
  expect(screen.queryByText('Something went wrong')).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
}

describe(`every page with a configuration in ${ZONE}, a zone this browser does not know`, () => {
  it('the campaign board says it cannot tell whether the window is open', async () => {
    serve();
    renderRoute('/campaigns');
    await shows('Campaigns', 'Old Riyadh');
    const row = (await screen.findByRole('link', { name: 'Riyadh calls' })).closest('tr')!;
    expect(await within(row).findByText('Window unknown')).toBeVisible();
    expect(row).toHaveTextContent('Old Riyadh');
  });

  it('the Overview gives its times in UTC, says why, and does not guess at the window', async () => {
    serve();
    renderRoute(`/campaigns/${campaign.id}`);
    await shows('Riyadh calls', 'Why is nothing dialing?');
    expect(screen.getByText(NOTE)).toBeVisible();
    expect(screen.getByText(`Mon, Tue, Wed, Thu, Fri 09:00–17:00 (${ZONE})`)).toBeVisible();
    expect(await screen.findByText(/^Finishes \w{3} \d\d:\d\d in UTC \(in about/)).toBeVisible();
    expect(
      screen.getByText(/is in Asia\/Riyadh87, a timezone this browser does not know/),
    ).toBeVisible();
  });

  it.each([
    ['Contacts', `/campaigns/${campaign.id}/contacts`, 'Riyadh calls', /Nour/],
    ['Activity', `/campaigns/${campaign.id}/activity`, 'Riyadh calls', /created the configuration/],
    ['Settings', `/campaigns/${campaign.id}/settings`, 'Riyadh calls', 'Save changes'],
    ['contact', `/campaigns/${campaign.id}/contacts/${contact.id}`, 'Riyadh calls', 'Nour'],
  ])("the campaign's %s page notes the zone under its header", async (_, path, h1, content) => {
    serve();
    renderRoute(path);
    await shows(h1, content);
    expect(await screen.findByText(NOTE)).toBeVisible();
  });

  it('Configurations notes the zone in its row and in the picker', async () => {
    serve();
    renderRoute('/configurations');
    await shows('Configurations', 'Old Riyadh');
    const row = (await screen.findByText('Old Riyadh')).closest('tr')!;
    expect(within(row).getByText(NOTE)).toBeVisible();
    await userEvent.click(within(row).getByRole('button', { name: 'Edit Old Riyadh' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Old Riyadh' });
    const picker = within(dialog).getByRole('combobox', { name: 'Timezone' });
    expect(picker).toHaveValue(ZONE);
    expect(picker).toHaveAccessibleDescription(NOTE);
    // Its option shows no clock; a zone the browser knows does.
    await userEvent.click(picker);
    await userEvent.clear(picker);
    expect(within(dialog).getByRole('option', { name: ZONE })).toHaveTextContent(
      /^Asia\/Riyadh87$/,
    );
    expect(within(dialog).getByRole('option', { name: /^Europe\/London/ })).toHaveTextContent(
      /^Europe\/London\d\d:\d\d$/,
    );
  });

  it('Settings shows without an error', async () => {
    serve();
    renderRoute('/settings');
    await shows('Settings', /created the configuration/);
  });
});
