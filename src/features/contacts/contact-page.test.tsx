import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, makeCampaign, makeContact, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import type { Campaign, Contact } from '../../../contract/schemas';

function serve(campaign: Campaign, contact: Contact) {
  const details: string[] = [];
  server.use(
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id)),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts`, () =>
      HttpResponse.json({ contacts: [contact], total: 120, limit: 50, offset: 50 }),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts/:contactId`, ({ params }) => {
      details.push(String(params.contactId));
      return params.contactId === contact.id || params.contactId === contact.external_id
        ? HttpResponse.json(contact)
        : HttpResponse.json({ detail: 'Contact not found' }, { status: 404 });
    }),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
  );
  return details;
}

const campaign = makeCampaign({ status: 'paused' });
const contact = makeContact(campaign.id, {
  external_id: 'lead-7',
  status: 'completed',
  data: { first_name: 'Ada', company: '<b>Analytical</b> Engines' },
  attempts: [
    {
      id: 'a1',
      contact_id: 'x',
      phone_number: '+14155550123',
      conversation_id: null,
      started_at: '2026-11-22T09:00:00Z',
      ended_at: '2026-11-22T09:00:30Z',
      status: 'no_answer',
      result: null,
    },
    {
      id: 'a2',
      contact_id: 'x',
      phone_number: '+14155550123',
      conversation_id: 'conv-1',
      started_at: '2026-11-22T10:00:00Z',
      ended_at: '2026-11-22T10:03:00Z',
      status: 'completed',
      result: { 'qualification.interested': true },
    },
  ],
});

describe('Contact page', () => {
  it('opens from its row, shows its data and every attempt, copies its link, and Back keeps the filter and page', async () => {
    serve(campaign, contact);
    const user = userEvent.setup();
    const { router } = renderRoute(`/campaigns/${campaign.id}/contacts?status=completed&page=2`);
    await user.click(await screen.findByRole('link', { name: 'lead-7' }, { timeout: 5000 }));
    const page = within(await screen.findByRole('region', { name: 'Ada' }));
    expect(router.state.location.pathname).toBe(`/campaigns/${campaign.id}/contacts/${contact.id}`);
    // Data is text, never markup.
    expect(page.getByText('<b>Analytical</b> Engines')).toBeInTheDocument();
    expect(page.getByRole('heading', { name: 'Attempts (2)' })).toBeInTheDocument();
    const attempts = page.getAllByRole('listitem');
    expect(attempts[0]).toHaveTextContent('Attempt 1');
    expect(attempts[1]).toHaveTextContent('Attempt 2');
    expect(within(attempts[1]!).getByText('Interested')).toBeInTheDocument();

    await user.click(page.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe(window.location.href);
    expect(await screen.findByText('Link copied.')).toBeInTheDocument();

    await user.click(page.getByRole('link', { name: 'Back to contacts' }));
    await screen.findByRole('group', { name: 'Filter by status' });
    expect(router.state.location.pathname).toBe(`/campaigns/${campaign.id}/contacts`);
    expect(router.state.location.search).toBe('?status=completed&page=2');
  });

  it('resolves an external_id, and says so when the contact does not exist', async () => {
    const details = serve(campaign, contact);
    const { unmount } = renderRoute(`/campaigns/${campaign.id}/contacts/lead-7`);
    expect(await screen.findByRole('heading', { name: 'Ada' })).toBeInTheDocument();
    expect(details).toEqual(['lead-7']);
    unmount();
    renderRoute(`/campaigns/${campaign.id}/contacts/nobody`);
    expect(
      await screen.findByText('This campaign has no contact with the ID or external ID “nobody”.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to contacts' })).toHaveAttribute(
      'href',
      `/campaigns/${campaign.id}/contacts`,
    );
  });

  it('shows "—" for the length of an attempt that ends before it starts', async () => {
    const odd = makeContact(campaign.id, {
      external_id: 'lead-8',
      attempts: [
        {
          id: 'a1',
          contact_id: 'x',
          phone_number: '+14155550123',
          conversation_id: null,
          started_at: '2026-11-22T10:00:00Z',
          ended_at: '2026-11-22T09:58:00Z',
          status: 'no_answer',
          result: null,
        },
      ],
    });
    serve(campaign, odd);
    renderRoute(`/campaigns/${campaign.id}/contacts/lead-8`);
    const page = within(await screen.findByRole('region', { name: 'Ada Lovelace' }));
    const attempt = page.getAllByRole('listitem')[0]!;
    expect(attempt).toHaveTextContent(/Ended .*\(—\)/);
    expect(attempt).not.toHaveTextContent(/-\d+m|NaN/);
  });
});
