import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeSession, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { advance, user, withFakeClock } from '../../test/clock';
import { recordRequests } from '../../test/requests';

// What Settings sends for every key and answer: counted over ten seconds of (fake) time, with
// the app's real retry policy rather than the tests' usual none.
const ACTIVE = 'GET /campaign/campaigns?limit=200&status=active';

function serveSettings() {
  server.use(
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 4 }),
    ),
    http.get(`${API}/campaign/campaigns/:id/stats`, ({ params }) =>
      HttpResponse.json(makeStats(String(params.id))),
    ),
  );
}

function serveActive(answer: () => Response) {
  server.use(http.get(`${API}/campaign/campaigns`, answer));
}

/** Ten seconds in small steps, so every render and refetch between them gets its turn. */
async function tenSeconds() {
  for (let i = 0; i < 100; i++) await advance(100);
}

function renderSettings() {
  return renderRoute('/settings', { appRetries: true });
}

/** The limit form and the Connection section: what no answer about campaigns may hold back. */
async function expectLimitAndConnection() {
  const concurrency = await screen.findByRole('region', { name: 'Concurrency' });
  expect(within(concurrency).getByLabelText('Concurrency limit')).toHaveValue(10);
  const connection = screen.getByRole('region', { name: 'Connection' });
  expect(within(connection).getByLabelText('API token')).toBeInTheDocument();
  expect(screen.queryByText('Loading settings…')).not.toBeInTheDocument();
}

describe('Settings sends each request a bounded number of times', () => {
  withFakeClock();

  it('a concurrency-only key gets the limit form and Connection, and no campaign is asked for', async () => {
    serveSettings();
    server.use(sessionHandler(makeSession({ scopes: ['concurrency:manage'] })));
    const requests = recordRequests();
    renderSettings();
    await expectLimitAndConnection();
    expect(
      screen.getByText(
        "This key can't read campaigns, so which campaigns use these calls is not shown. Ask an admin for a key with campaign access to see it.",
      ),
    ).toBeInTheDocument();
    await tenSeconds();
    await expectLimitAndConnection();
    expect(requests.paths()).toEqual([
      'GET /campaign/concurrency-settings',
      'GET /campaign/session',
    ]);
  });

  it('asks once for a list that breaks the contract, and still shows the limit and Connection', async () => {
    serveSettings();
    const requests = recordRequests();
    serveActive(() =>
      HttpResponse.json({
        campaigns: [
          makeCampaign({ name: 'Spring outreach' }),
          { ...makeCampaign({ name: 'Broken' }), status: 'running' },
        ],
        next_cursor: null,
      }),
    );
    renderSettings();
    await expectLimitAndConnection();
    await tenSeconds();
    await expectLimitAndConnection();
    expect(requests.count(ACTIVE)).toBe(1);
  });

  it('a refusal (403) is never asked again, and says what the key lacks', async () => {
    serveSettings();
    // A server without the session: the refusal itself teaches what the key lacks.
    server.use(sessionHandler(null));
    const requests = recordRequests();
    serveActive(() =>
      HttpResponse.json({ detail: 'Missing scope campaigns:read' }, { status: 403 }),
    );
    renderSettings();
    await expectLimitAndConnection();
    await tenSeconds();
    await expectLimitAndConnection();
    expect(requests.count(ACTIVE)).toBe(1);
    expect(screen.getByText(/This key can't read campaigns/)).toBeInTheDocument();
  });

  it.each([
    ['500', () => HttpResponse.json({ detail: 'Database unavailable' }, { status: 500 })],
    [
      '429 with Retry-After',
      () =>
        HttpResponse.json(
          { detail: 'Too many requests for this credential' },
          { status: 429, headers: { 'Retry-After': '1' } },
        ),
    ],
  ])('a failure (%s) is tried three times at most, then shown with Retry', async (_, answer) => {
    serveSettings();
    const requests = recordRequests();
    serveActive(answer);
    renderSettings();
    await tenSeconds();
    await expectLimitAndConnection();
    expect(requests.count(ACTIVE)).toBe(3);
    const failed = screen.getByRole('alert');
    expect(failed).toHaveTextContent('Could not load the active campaigns');

    serveActive(() =>
      HttpResponse.json({
        campaigns: [makeCampaign({ name: 'Spring outreach' })],
        next_cursor: null,
      }),
    );
    await user().click(within(failed).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Spring outreach' })).toBeInTheDocument();
    expect(requests.count(ACTIVE)).toBe(4);
  });

  it("waits as long as a 503's Retry-After says before asking again", async () => {
    serveSettings();
    const requests = recordRequests();
    serveActive(() =>
      HttpResponse.json(
        { detail: 'Down for maintenance' },
        { status: 503, headers: { 'Retry-After': '4' } },
      ),
    );
    renderSettings();
    await tenSeconds();
    const times = requests.times(ACTIVE);
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(4000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(4000);
    expect(screen.getByRole('alert')).toHaveTextContent('Down for maintenance');
    await expectLimitAndConnection();
  });

  it('says what a refusal with an empty detail means', async () => {
    serveSettings();
    server.use(
      http.get(`${API}/campaign/concurrency-settings`, () =>
        HttpResponse.json({ detail: '' }, { status: 422 }),
      ),
    );
    serveActive(() => HttpResponse.json({ campaigns: [], next_cursor: null }));
    renderSettings();
    const failed = await screen.findByRole('alert');
    expect(failed).toHaveTextContent('Could not load the concurrency limit');
    expect(failed).toHaveTextContent('The server refused this request (422) without saying why.');
    expect(within(failed).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Connection' })).toBeInTheDocument();
  });
});
