import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../test/server';
import { API, makeSession } from '../test/fixtures';
import { renderRoute } from '../test/render';
import { recordRequests } from '../test/requests';

// A key that may only manage the concurrency limit: any campaign read is unhandled here, so
// one sent would fail the test even before the assertions on what was sent.
function serveConcurrencyKey() {
  server.use(
    sessionHandler(makeSession({ label: 'Limits only', scopes: ['concurrency:manage'] })),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 4 }),
    ),
  );
}

describe('pages a key may not read', () => {
  it.each([
    ['/campaigns', 'Campaigns'],
    ['/campaigns/spring-outreach', 'Campaign'],
    ['/campaigns/spring-outreach/contacts', 'Campaign'],
    ['/campaigns/spring-outreach/contacts/lead-1', 'Campaign'],
    ['/campaigns/spring-outreach/settings', 'Campaign'],
    ['/configurations', 'Configurations'],
    ['/contacts', 'Contacts without a campaign'],
  ])(
    '%s says so plainly, asks nothing it would be refused, and leads to Settings',
    async (path, heading) => {
      serveConcurrencyKey();
      const requests = recordRequests();
      renderRoute(path, { appRetries: true });
      expect(
        await screen.findByText(
          "This key can't read campaigns. Ask an admin for a key with campaign access.",
        ),
      ).toBeInTheDocument();
      expect(screen.getByRole('heading', { name: heading, level: 1 })).toBeInTheDocument();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(requests.paths()).toEqual([
        'GET /campaign/concurrency-settings',
        'GET /campaign/session',
      ]);

      await userEvent.click(
        within(screen.getByRole('main')).getByRole('link', { name: 'Settings' }),
      );
      expect(await screen.findByRole('region', { name: 'Connection' })).toBeInTheDocument();
      expect(screen.getByLabelText('Concurrency limit')).toHaveValue(10);
      expect(requests.paths()).toEqual([
        'GET /campaign/concurrency-settings',
        'GET /campaign/session',
      ]);
    },
  );
});
