import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeContact, makeSession, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import type { Campaign } from '../../../contract/schemas';

const ALL = ['session', 'contact-filters', 'requeue'];

function serve(
  campaign: Campaign,
  opts: { extensions?: string[]; scopes?: string[]; exhausted?: number } = {},
) {
  const requeues: unknown[] = [];
  let exhausted = opts.exhausted ?? 50;
  server.use(
    sessionHandler(
      makeSession({
        extensions: opts.extensions ?? ALL,
        ...(opts.scopes && { scopes: opts.scopes }),
      }),
    ),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(
        makeStats(campaign.id, {
          contacts: {
            total: 250,
            pending: 100,
            in_progress: 0,
            completed: 150 - 50 + exhausted,
            exhausted,
          },
        }),
      ),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts`, ({ request }) => {
      const url = new URL(request.url);
      // The filter matches 7 exhausted and 3 completed contacts.
      const total = url.searchParams.get('status') === 'completed' ? 3 : 7;
      return HttpResponse.json({
        contacts: [makeContact(campaign.id, { external_id: 'lead-1' })],
        total,
        limit: 50,
        offset: 0,
      });
    }),
    http.post(`${API}/campaign/campaigns/:id/contacts/requeue`, async ({ request }) => {
      const body = (await request.json()) as { status: string[] };
      requeues.push(body);
      const requeued = body.status.includes('completed') ? 10 : exhausted;
      exhausted = 0;
      return HttpResponse.json({ requeued });
    }),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
  );
  return requeues;
}

describe('Requeue on the Contacts tab (extension)', () => {
  it('redials every exhausted contact after a confirmation that says how many', async () => {
    const campaign = makeCampaign();
    const requeues = serve(campaign);
    renderRoute(`/campaigns/${campaign.id}/contacts`);
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Call exhausted contacts again (50)' },
        { timeout: 5000 },
      ),
    );
    const dialog = within(screen.getByRole('dialog', { name: 'Call 50 contacts again?' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Call 50 contacts again' }));
    await waitFor(() => expect(requeues).toEqual([{ status: ['exhausted'] }]));
    expect(await screen.findByText('50 contacts will be called again.')).toBeInTheDocument();
    // The stats refetch: nothing is exhausted any more, so the button goes.
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: /Call exhausted contacts again/ }),
      ).not.toBeInTheDocument(),
    );
  });

  it('requeues the current filter with the statuses chosen, counting what will be called again', async () => {
    const campaign = makeCampaign();
    const requeues = serve(campaign);
    renderRoute(`/campaigns/${campaign.id}/contacts?last_status=busy&search=ada`);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Call matching contacts again…' }),
    );
    const dialog = within(await screen.findByRole('dialog', { name: 'Call 7 contacts again?' }));
    await userEvent.click(dialog.getByRole('checkbox', { name: 'Completed (3)' }));
    expect(
      await screen.findByRole('dialog', { name: 'Call 10 contacts again?' }),
    ).toBeInTheDocument();
    await userEvent.click(dialog.getByRole('checkbox', { name: 'Exhausted (7)' }));
    await userEvent.click(dialog.getByRole('checkbox', { name: 'Completed (3)' }));
    // Nothing chosen: nothing to send.
    expect(dialog.getByRole('button', { name: 'Call 0 contacts again' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await userEvent.click(dialog.getByRole('checkbox', { name: 'Exhausted (7)' }));
    await userEvent.click(dialog.getByRole('checkbox', { name: 'Completed (3)' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Call 10 contacts again' }));
    await waitFor(() =>
      expect(requeues).toEqual([
        { status: ['exhausted', 'completed'], search: 'ada', last_status: ['busy'] },
      ]),
    );
  });

  it('offers no requeue without the extension, to a read-only key, or on a closed campaign', async () => {
    const cases: [Campaign, Parameters<typeof serve>[1]][] = [
      [makeCampaign(), { extensions: ['session', 'contact-filters'] }],
      [makeCampaign(), { scopes: ['campaigns:read'] }],
      [makeCampaign({ status: 'closed' }), {}],
    ];
    for (const [campaign, opts] of cases) {
      serve(campaign, opts);
      const { unmount } = renderRoute(`/campaigns/${campaign.id}/contacts?last_status=busy`);
      expect(await screen.findByText('lead-1')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /^Call .* again/ })).not.toBeInTheDocument();
      unmount();
    }
  });
});
