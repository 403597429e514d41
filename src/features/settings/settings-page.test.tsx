import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeStats, makeSession } from '../../test/fixtures';
import { renderRoute } from '../../test/render';

function serve(settings = { concurrency_limit: 10, active_calls: 8 }) {
  const spring = makeCampaign({ name: 'Spring outreach' });
  const puts: unknown[] = [];
  server.use(
    http.get(`${API}/campaign/concurrency-settings`, () => HttpResponse.json(settings)),
    http.put(`${API}/campaign/concurrency-settings`, async ({ request }) => {
      const body = (await request.json()) as { concurrency_limit?: number };
      if (body.concurrency_limit === undefined)
        return HttpResponse.json({ detail: 'concurrency_limit is required' }, { status: 422 });
      puts.push(body);
      settings = { ...settings, concurrency_limit: body.concurrency_limit };
      return HttpResponse.json(settings);
    }),
    http.get(`${API}/campaign/campaigns`, () =>
      HttpResponse.json({ campaigns: [spring], next_cursor: null }),
    ),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(
        // The org's numbers as the server would give them in the same moment.
        makeStats(spring.id, {
          contacts: { total: 10, pending: 2, in_progress: 7, completed: 1, exhausted: 0 },
          active_calls: settings.active_calls,
          concurrency_limit: settings.concurrency_limit,
        }),
      ),
    ),
  );
  return puts;
}

describe('Org settings', () => {
  it('shows the limit, calls in flight and who uses the slots', async () => {
    serve();
    renderRoute('/settings');
    const section = await screen.findByRole('region', { name: 'Concurrency' });
    expect(await within(section).findByText('8 / 10')).toBeInTheDocument();
    expect(within(section).getByRole('meter')).toHaveAttribute(
      'aria-valuetext',
      '8 of 10 calls in flight',
    );
    const row = (await within(section).findByRole('link', { name: 'Spring outreach' })).closest(
      'tr',
    )!;
    await waitFor(() => expect(row).toHaveTextContent('7'));
  });

  it('raises the limit at once and asks before lowering it below the calls in flight', async () => {
    const puts = serve();
    renderRoute('/settings');
    const input = await screen.findByLabelText('Concurrency limit');
    await userEvent.clear(input);
    await userEvent.type(input, '20');
    await userEvent.click(screen.getByRole('button', { name: 'Save limit' }));
    await waitFor(() => expect(puts).toEqual([{ concurrency_limit: 20 }]));

    const again = await screen.findByLabelText('Concurrency limit');
    await userEvent.clear(again);
    await userEvent.type(again, '3');
    await userEvent.click(screen.getByRole('button', { name: 'Save limit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lower the limit to 3?' });
    expect(dialog).toHaveTextContent('8 calls are in flight now');
    expect(dialog).toHaveTextContent('no new calls start until fewer than 3 are in flight');
    expect(puts).toHaveLength(1);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Lower the limit' }));
    await waitFor(() =>
      expect(puts).toEqual([{ concurrency_limit: 20 }, { concurrency_limit: 3 }]),
    );
  });

  it('rejects a limit outside 1..1000 without sending it, keeping the input', async () => {
    const puts = serve();
    renderRoute('/settings');
    const input = await screen.findByLabelText('Concurrency limit');
    await userEvent.clear(input);
    await userEvent.type(input, '1001');
    await userEvent.click(screen.getByRole('button', { name: 'Save limit' }));
    expect(input).toHaveAccessibleDescription('Enter a whole number from 1 to 1000');
    expect(input).toHaveValue(1001);
    expect(puts).toEqual([]);
  });

  it('a key without the scope sees the values read-only with the reason', async () => {
    serve();
    // Known from the session before any save; no write is sent to find out.
    server.use(sessionHandler(makeSession({ scopes: ['campaigns:read'] })));
    renderRoute('/settings');
    expect(
      await screen.findByText(
        'Read-only key: ask an admin for a manage key to change the concurrency limit. The limit is shown read-only.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText('Concurrency limit')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save limit' })).not.toBeInTheDocument();
    expect(screen.getByText('8 / 10')).toBeInTheDocument();
  });
});
