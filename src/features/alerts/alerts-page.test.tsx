import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeSession } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { expectNoAxeViolations } from '../../test/axe';
import type { AlertEvent, AlertRule } from '../../../contract/alerts';

const campaign = makeCampaign({ id: 'c-1', name: 'Spring outreach' });
const rule: AlertRule = {
  id: 'r-1',
  name: 'Low answers',
  campaign_id: 'c-1',
  enabled: true,
  condition: { kind: 'rate_below', metric: 'answer_rate', threshold: 30, window_calls: 200 },
  // Answered masked: a Slack URL is a credential.
  channels: [{ type: 'slack', url: 'https://hooks.slack.com/services/T…/B…/••••' }],
  created_at: '2026-12-01T09:00:00Z',
  updated_at: '2026-12-01T09:00:00Z',
};
const firing: AlertEvent = {
  id: 'e-1',
  rule_id: 'r-1',
  campaign_id: 'c-1',
  state: 'firing',
  message: "Spring outreach's answer rate is 22% over the last 200 calls (threshold 30%)",
  value: 22,
  threshold: 30,
  fired_at: '2026-12-01T10:00:00Z',
  resolved_at: null,
  deliveries: [
    {
      channel: { type: 'slack', host: 'hooks.slack.com' },
      state: 'firing',
      status: 'retrying',
      attempts: 2,
      last_error: 'HTTP 500',
      last_attempt_at: '2026-12-01T10:00:05Z',
    },
  ],
};

function serve(extensions = ['session', 'alerts']) {
  const posted: unknown[] = [];
  const patched: unknown[] = [];
  server.use(
    sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/campaigns`, () =>
      HttpResponse.json({ campaigns: [campaign], next_cursor: null }),
    ),
    http.get(`${API}/campaign/configurations`, () => HttpResponse.json({ configurations: [] })),
    http.get(`${API}/campaign/stats`, () => HttpResponse.json({ stats: [] })),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
    http.get(`${API}/campaign/alerts/rules`, () => HttpResponse.json({ rules: [rule] })),
    http.get(`${API}/campaign/alerts/events`, () =>
      HttpResponse.json({ events: [firing], next_cursor: null }),
    ),
    http.post(`${API}/campaign/alerts/rules`, async ({ request }) => {
      const body = await request.json();
      posted.push(body);
      return HttpResponse.json(
        {
          detail: [
            {
              loc: ['body', 'channels', 0, 'url'],
              msg: 'Refused: the address is private, loopback or link-local',
              type: 'url_refused',
            },
          ],
        },
        { status: 422 },
      );
    }),
    http.patch(`${API}/campaign/alerts/rules/:id`, async ({ request }) => {
      patched.push(await request.json());
      return HttpResponse.json(rule);
    }),
  );
  return { posted, patched };
}

describe('Alerts page', () => {
  it('says each rule in words and shows events with their deliveries and the bell', async () => {
    serve();
    const { container } = renderRoute('/alerts');
    expect(await screen.findByRole('heading', { level: 1, name: 'Alerts' })).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Tell Slack when Spring outreach’s answer rate is below 30% over the last 200 calls',
      ),
    ).toBeInTheDocument();
    const events = await screen.findByRole('table', { name: 'Alert events, newest first' });
    expect(within(events).getByText(firing.message)).toBeInTheDocument();
    expect(
      within(events).getByText('Slack (firing): retrying (2 attempts), last error: HTTP 500'),
    ).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '1 alert firing' })).toHaveAttribute(
      'href',
      '/alerts',
    );
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Alerts');
    await expectNoAxeViolations(container);
  });

  it('writes a rule in words as it is typed and keeps it when the server refuses the URL', async () => {
    const { posted } = serve();
    const user = userEvent.setup();
    renderRoute('/alerts');
    await user.click(await screen.findByRole('button', { name: 'New rule' }));
    const dialog = await screen.findByRole('dialog', { name: 'New alert rule' });
    await user.type(within(dialog).getByLabelText('Name'), 'Finished');
    await waitFor(() =>
      expect(within(dialog).getByRole('option', { name: 'Spring outreach' })).toBeInTheDocument(),
    );
    await user.selectOptions(within(dialog).getByLabelText('Campaign'), 'Spring outreach');
    await user.selectOptions(within(dialog).getByLabelText('Channel 1 type'), 'webhook');
    await user.type(within(dialog).getByLabelText('Channel 1 URL'), 'https://10.0.0.5/hook');
    await user.type(
      within(dialog).getByLabelText('Channel 1 signing secret'),
      'a-secret-of-16-chars',
    );
    expect(
      within(dialog).getByText('Tell the webhook at 10.0.0.5 when Spring outreach finishes'),
    ).toBeInTheDocument();
    await expectNoAxeViolations(dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Create rule' }));
    expect(
      await within(dialog).findByText('Refused: the address is private, loopback or link-local'),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Channel 1 URL')).toHaveValue('https://10.0.0.5/hook');
    expect(within(dialog).getByLabelText('Channel 1 URL')).toHaveAttribute('aria-invalid', 'true');
    expect(posted).toEqual([
      {
        name: 'Finished',
        campaign_id: 'c-1',
        condition: { kind: 'finished' },
        channels: [
          { type: 'webhook', url: 'https://10.0.0.5/hook', secret: 'a-secret-of-16-chars' },
        ],
      },
    ]);
  }, 20_000);

  it('shows a saved Slack URL masked and asks for a new one only to change it', async () => {
    const { patched } = serve();
    const user = userEvent.setup();
    renderRoute('/alerts');
    const edit = async () => {
      await user.click(await screen.findByRole('button', { name: 'Edit' }));
      return screen.findByRole('dialog', { name: 'Edit Low answers' });
    };
    let dialog = await edit();
    const url = within(dialog).getByLabelText('Channel 1 URL');
    expect(url).toHaveValue('');
    expect(url).toHaveAccessibleDescription(
      'Saved: https://hooks.slack.com/services/T…/B…/••••. Leave empty to keep it; paste a new URL only to change it.',
    );
    expect(
      within(dialog).getByText(
        'Tell Slack when Spring outreach’s answer rate is below 30% over the last 200 calls',
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(patched).toHaveLength(1));
    // Sent back masked, the server keeps the saved URL.
    expect(patched[0]).toMatchObject({
      channels: [{ type: 'slack', url: 'https://hooks.slack.com/services/T…/B…/••••' }],
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    dialog = await edit();
    await user.type(
      within(dialog).getByLabelText('Channel 1 URL'),
      'https://hooks.slack.com/services/T1/B2/new',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(patched).toHaveLength(2));
    expect(patched[1]).toMatchObject({
      channels: [{ type: 'slack', url: 'https://hooks.slack.com/services/T1/B2/new' }],
    });
  }, 20_000);

  it('sends a test and says what each channel answered, or only that it was sent where the server does not say', async () => {
    serve();
    const answers = [
      HttpResponse.json({
        deliveries: [
          {
            channel: { type: 'slack', host: 'hooks.slack.com' },
            state: 'test',
            status: 'failed',
            attempts: 1,
            last_error: 'HTTP 404',
            last_attempt_at: '2026-12-01T10:00:00Z',
          },
        ],
      }),
      // A contract-only answer: the test is sent, and nothing more is said.
      new HttpResponse(null, { status: 204 }),
    ];
    server.use(http.post(`${API}/campaign/alerts/rules/:id/test`, () => answers.shift()));
    const user = userEvent.setup();
    renderRoute('/alerts');
    const send = await screen.findByRole('button', { name: 'Send test' });
    await user.click(send);
    expect(
      await screen.findByText('Test: Slack (test): failed after 1 attempt, last error: HTTP 404'),
    ).toBeInTheDocument();
    await user.click(send);
    expect(
      await screen.findByText('Test sent: this server does not say what the channels answered.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Test not sent/)).not.toBeInTheDocument();
  });

  it('marks the board row of a campaign with a firing alert', async () => {
    serve();
    renderRoute('/campaigns');
    const table = await screen.findByRole('table', { name: /^Campaigns/ });
    const link = await within(table).findByRole('link', { name: 'Spring outreach' });
    const row = link.closest('tr')!;
    expect(await within(row).findByRole('link', { name: '1 alert firing' })).toHaveAttribute(
      'title',
      firing.message,
    );
  });

  it('is hidden entirely where the server offers no alerts', async () => {
    serve(['session']);
    renderRoute('/campaigns');
    await screen.findByRole('heading', { level: 1, name: 'Campaigns' });
    await waitFor(() =>
      expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Settings'),
    );
    expect(screen.getByRole('navigation', { name: 'Main' })).not.toHaveTextContent('Alerts');
    expect(screen.queryByRole('link', { name: /alerts? firing/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/alert firing/)).not.toBeInTheDocument();
  });
});
