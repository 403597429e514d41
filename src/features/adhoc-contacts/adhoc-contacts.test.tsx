import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeContact, makeSession } from '../../test/fixtures';
import { renderRoute } from '../../test/render';

function serve() {
  const lists: URL[] = [];
  const posts: unknown[] = [];
  const deletes: string[] = [];
  server.use(
    http.get(`${API}/campaign/campaigns/default/contacts`, ({ request }) => {
      const url = new URL(request.url);
      lists.push(url);
      // Once deleted, the contact is gone from the refetched list, and its row with it.
      return HttpResponse.json({
        contacts: deletes.length
          ? []
          : [
              makeContact('', {
                campaign_id: null,
                external_id: 'walk-in-1',
                data: { name: 'Grace' },
                status: 'pending',
              }),
            ],
        total: deletes.length ? 0 : 120,
        limit: 50,
        offset: Number(url.searchParams.get('offset')),
      });
    }),
    http.post(`${API}/campaign/campaigns/default/contacts`, async ({ request }) => {
      posts.push(await request.json());
      return HttpResponse.json({
        inserted: 1,
        updated: 0,
        failed: [],
        warnings: [],
        contact_ids: ['x'],
      });
    }),
    http.delete(`${API}/campaign/campaigns/default/contacts/:contactId`, ({ params }) => {
      deletes.push(String(params.contactId));
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
  );
  return { lists, posts, deletes };
}

describe('Contacts without a campaign', () => {
  it('lists them with status chips and pages, both in the URL and the request', async () => {
    const api = serve();
    const { router } = renderRoute('/contacts?status=pending&page=2');
    expect(
      await screen.findByRole('heading', { name: 'Contacts without a campaign' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('walk-in-1')).toBeInTheDocument();
    expect(api.lists[0]!.searchParams.toString()).toBe('limit=50&offset=50&status=pending');
    expect(screen.getByText('Showing 51–100 of 120')).toBeInTheDocument();
    const chips = within(screen.getByRole('group', { name: 'Filter by status' }));
    expect(chips.getByRole('button', { name: 'Pending' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(chips.getByRole('button', { name: 'Exhausted' }));
    await waitFor(() =>
      expect(api.lists.at(-1)!.searchParams.toString()).toBe('limit=50&offset=0&status=exhausted'),
    );
    await waitFor(() => expect(router.state.location.search).toBe('?status=exhausted'));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=exhausted&page=2'));
  });

  it('adds a contact with numbers written as people write them, and deletes one after a confirmation', async () => {
    const api = serve();
    renderRoute('/contacts');
    const form = within(await screen.findByRole('form', { name: 'Add or update a contact' }));
    await userEvent.type(form.getByLabelText('External ID'), 'walk-in-2');
    await userEvent.type(form.getByLabelText('Name'), 'Ada');
    await userEvent.type(form.getByLabelText('Phone numbers'), '(415) 555-0123, 12');
    await userEvent.click(form.getByRole('button', { name: 'Save contact' }));
    await waitFor(() =>
      expect(form.getByLabelText('Phone numbers')).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(form.getByLabelText('Phone numbers')).toHaveAccessibleDescription(
      'Could not read 12 as a phone number. Outside the US and Canada, start with + and the country code, like +44 20 7946 0000.',
    );
    expect(form.getByLabelText('Phone numbers')).toHaveValue('(415) 555-0123, 12');
    expect(api.posts).toEqual([]);

    await userEvent.clear(form.getByLabelText('Phone numbers'));
    await userEvent.type(form.getByLabelText('Phone numbers'), '(415) 555-0123, +44 20 7183 8750');
    await userEvent.click(form.getByRole('button', { name: 'Save contact' }));
    await waitFor(() =>
      expect(api.posts).toEqual([
        {
          contacts: [
            {
              phone_numbers: ['+14155550123', '+442071838750'],
              external_id: 'walk-in-2',
              data: { name: 'Ada' },
            },
          ],
        },
      ]),
    );
    expect(await screen.findByText('Contact added.')).toBeInTheDocument();
    expect(form.getByLabelText('Phone numbers')).toHaveValue('');

    await userEvent.click(screen.getByRole('button', { name: 'Delete walk-in-1' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Delete walk-in-1?' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Delete contact' }));
    await waitFor(() => expect(api.deletes).toHaveLength(1));
    expect(await screen.findByText('Deleted walk-in-1.')).toBeInTheDocument();
    expect(
      await screen.findByText('There are no contacts without a campaign.'),
    ).toBeInTheDocument();
  });

  it('offers neither the form nor deletes to a read-only key', async () => {
    serve();
    server.use(sessionHandler(makeSession({ scopes: ['campaigns:read'] })));
    renderRoute('/contacts');
    expect(await screen.findByText('walk-in-1')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add or update a contact' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Delete/ })).not.toBeInTheDocument();
  });

  it('is linked from the Campaigns page', async () => {
    serve();
    server.use(
      http.get(`${API}/campaign/campaigns`, () =>
        HttpResponse.json({ campaigns: [], next_cursor: null }),
      ),
      http.get(`${API}/campaign/configurations`, () => HttpResponse.json({ configurations: [] })),
    );
    renderRoute('/campaigns');
    await userEvent.click(await screen.findByRole('link', { name: 'Contacts without a campaign' }));
    expect(
      await screen.findByRole('heading', { name: 'Contacts without a campaign' }),
    ).toBeInTheDocument();
  });
});
