import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, makeCampaign, makeContact, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { definitionOf } from '../../test/queries';
import type { Attempt, Campaign, Contact } from '../../../contract/schemas';

const attempt = (contactId: string, overrides: Partial<Attempt> = {}): Attempt => ({
  id: `a-${Math.random()}`,
  contact_id: contactId,
  phone_number: '+14155550123',
  conversation_id: null,
  started_at: '2026-11-22T09:00:00Z',
  ended_at: '2026-11-22T09:00:40Z',
  status: 'no_answer',
  result: null,
  ...overrides,
});

function serve(
  campaign: Campaign,
  contacts: Contact[],
  opts: { total?: number; seen?: URL[] } = {},
) {
  server.use(
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(
        makeStats(campaign.id, {
          contacts: { total: 5240, pending: 5000, in_progress: 40, completed: 150, exhausted: 50 },
        }),
      ),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts`, ({ request }) => {
      const url = new URL(request.url);
      opts.seen?.push(url);
      return HttpResponse.json({
        contacts,
        total: opts.total ?? contacts.length,
        limit: Number(url.searchParams.get('limit')),
        offset: Number(url.searchParams.get('offset')),
      });
    }),
    http.get(`${API}/campaign/configurations`, () => HttpResponse.json({ configurations: [] })),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
  );
}

describe('Contacts tab', () => {
  it('shows status chips with counts and puts filter, page and size in the request and the URL', async () => {
    const campaign = makeCampaign();
    const seen: URL[] = [];
    serve(campaign, [makeContact(campaign.id, { external_id: 'lead-1001' })], {
      total: 5240,
      seen,
    });
    const { router } = renderRoute(
      `/campaigns/${campaign.id}/contacts?status=pending&page=3&size=50`,
    );
    expect(await screen.findByText('lead-1001')).toBeInTheDocument();
    expect(seen[0]!.searchParams.toString()).toBe('limit=50&offset=100&status=pending');
    expect(screen.getByText('Showing 101–150 of 5,240')).toBeInTheDocument();
    const chips = screen.getByRole('group', { name: 'Filter by status' });
    expect(await within(chips).findByRole('button', { name: 'Pending 5,000' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(chips).getByRole('button', { name: 'All 5,240' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );

    await userEvent.click(within(chips).getByRole('button', { name: 'Completed 150' }));
    await waitFor(() =>
      expect(seen.at(-1)!.searchParams.toString()).toBe('limit=50&offset=0&status=completed'),
    );
    await waitFor(() => expect(router.state.location.search).toBe('?status=completed&size=50'));

    await userEvent.selectOptions(screen.getByLabelText('Page size'), '200');
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('limit')).toBe('200'));
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('offset')).toBe('200'));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?status=completed&size=200&page=2'),
    );
  });

  it('asks for the page of contacts beside the campaign when the link names its external_id', async () => {
    const campaign = makeCampaign({ external_id: 'spring-outreach' });
    const seen: URL[] = [];
    serve(campaign, [makeContact(campaign.id, { external_id: 'lead-1001' })], { seen });
    // The campaign answers only once the page was asked for: a waterfall would hang here.
    let pageAsked = () => {};
    const asked = new Promise<void>((resolve) => (pageAsked = resolve));
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.endsWith('/contacts')) pageAsked();
    });
    server.use(
      http.get(`${API}/campaign/campaigns/:id`, async () => {
        await asked;
        return HttpResponse.json(campaign);
      }),
    );
    renderRoute('/campaigns/spring-outreach/contacts');
    expect(await screen.findByText('lead-1001')).toBeInTheDocument();
    expect(screen.getByText('Showing 1–1 of 1')).toBeInTheDocument();
    // Asked once, by the external_id: the tab found it under the campaign's UUID.
    expect(seen.map((url) => url.pathname)).toEqual([
      '/campaign/campaigns/spring-outreach/contacts',
    ]);
  });

  it("asks again by UUID when the external_id's page belongs to another campaign", async () => {
    const campaign = makeCampaign({ external_id: 'spring-outreach' });
    const seen: URL[] = [];
    serve(campaign, [makeContact(campaign.id, { external_id: 'lead-1001' })], { seen });
    // Between the two answers, the external_id moved to another campaign.
    server.use(
      http.get(`${API}/campaign/campaigns/spring-outreach/contacts`, () =>
        HttpResponse.json({
          contacts: [makeContact('another-campaign', { external_id: 'lead-9999' })],
          total: 1,
          limit: 50,
          offset: 0,
        }),
      ),
    );
    renderRoute('/campaigns/spring-outreach/contacts');
    expect(await screen.findByText('lead-1001')).toBeInTheDocument();
    expect(screen.queryByText('lead-9999')).not.toBeInTheDocument();
    expect(seen.map((url) => url.pathname)).toEqual([
      `/campaign/campaigns/${campaign.id}/contacts`,
    ]);
  });

  it('shows loading, empty and error states', async () => {
    const campaign = makeCampaign();
    // Held until the skeleton has been seen: the page may be asked before the tab renders.
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
      http.get(`${API}/campaign/campaigns/:id/stats`, () =>
        HttpResponse.json(makeStats(campaign.id)),
      ),
      http.get(`${API}/campaign/concurrency-settings`, () =>
        HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
      ),
      http.get(`${API}/campaign/campaigns/:id/contacts`, async () => {
        await answered;
        return HttpResponse.json({ contacts: [], total: 0, limit: 50, offset: 0 });
      }),
    );
    const { container } = renderRoute(`/campaigns/${campaign.id}/contacts`);
    await waitFor(() =>
      expect(container.querySelectorAll('tr[aria-hidden="true"]').length).toBeGreaterThan(0),
    );
    answer();
    expect(await screen.findByText('This campaign has no contacts yet.')).toBeInTheDocument();

    let fail = true;
    server.use(
      http.get(`${API}/campaign/campaigns/:id/contacts`, () =>
        fail
          ? HttpResponse.json({ detail: 'Contacts are unavailable' }, { status: 404 })
          : HttpResponse.json({
              contacts: [makeContact(campaign.id, { external_id: 'back' })],
              total: 1,
              limit: 50,
              offset: 0,
            }),
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: /^Pending/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load contacts');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('back')).toBeInTheDocument();
  });

  it('expands a row to its attempts, oldest first, with results rendered by type', async () => {
    const campaign = makeCampaign();
    const contact = makeContact(campaign.id, { external_id: 'lead-7', status: 'completed' });
    contact.attempts = [
      attempt(contact.id, { status: 'no_answer', started_at: '2026-11-22T09:00:00Z' }),
      attempt(contact.id, {
        status: 'completed',
        conversation_id: 'conv-1',
        started_at: '2026-11-22T11:00:00Z',
        ended_at: '2026-11-22T11:03:20Z',
        result: {
          'qualification.interested': true,
          'qualification.budget_confirmed': false,
          'quality.score': 8,
          'sentiment.overall': 'positive',
        },
      }),
    ];
    serve(campaign, [contact]);
    renderRoute(`/campaigns/${campaign.id}/contacts`);
    const toggle = await screen.findByRole('button', { name: 'Show attempts for lead-7' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Hide attempts for lead-7' })).toHaveAttribute(
      'aria-expanded',
      'true',
    );

    const attempts = await screen.findAllByRole('listitem');
    expect(attempts[0]).toHaveTextContent('Attempt 1');
    expect(attempts[0]).toHaveTextContent('No answer');
    expect(attempts[0]).toHaveTextContent('No conversation');
    expect(attempts[0]).toHaveTextContent('No evaluation');
    expect(attempts[1]).toHaveTextContent('Attempt 2');
    expect(attempts[1]).toHaveTextContent('(3m 20s)');
    const second = within(attempts[1]!);
    expect(second.getByText('Qualification')).toBeInTheDocument();
    expect(definitionOf(attempts[1]!, 'Interested')).toBe('Yes');
    expect(definitionOf(attempts[1]!, 'Budget confirmed')).toBe('No');
    expect(definitionOf(attempts[1]!, 'Score')).toBe('8');
    expect(definitionOf(attempts[1]!, 'Overall')).toBe('Positive');
    expect(second.getByRole('button', { name: 'Open conversation' })).toBeInTheDocument();
  });

  it('expands and collapses every row of the page at once', async () => {
    const campaign = makeCampaign();
    const contacts = ['lead-a', 'lead-b', 'lead-c'].map((external_id) => {
      const c = makeContact(campaign.id, { external_id });
      c.attempts = [attempt(c.id)];
      return c;
    });
    serve(campaign, contacts);
    renderRoute(`/campaigns/${campaign.id}/contacts`);
    await userEvent.click(await screen.findByRole('button', { name: 'Expand all rows' }));
    for (const id of ['lead-a', 'lead-b', 'lead-c']) {
      expect(screen.getByRole('button', { name: `Hide attempts for ${id}` })).toHaveAttribute(
        'aria-expanded',
        'true',
      );
    }
    expect(await screen.findAllByText('Attempt 1')).toHaveLength(3);
    await userEvent.click(screen.getByRole('button', { name: 'Collapse all rows' }));
    expect(screen.queryByText('Attempt 1')).not.toBeInTheDocument();
  });

  it('renders contact data as text only, truncating long values with the full text available', async () => {
    const campaign = makeCampaign();
    const long = `Call after lunch ${'and mention the discount '.repeat(8)}`;
    const contact = makeContact(campaign.id, {
      external_id: 'lead-x',
      data: { first_name: '<img src=x onerror=alert(1)>', notes: long },
    });
    serve(campaign, [contact]);
    const { container } = renderRoute(`/campaigns/${campaign.id}/contacts`);
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show attempts for lead-x' }));
    const notes = await screen.findByText(
      (text) => text.startsWith('Call after lunch') && text.endsWith('…'),
    );
    expect(notes).toHaveAttribute('title', long);
  });

  it('opens a conversation in a panel, or links out when the route is missing', async () => {
    const campaign = makeCampaign();
    const contact = makeContact(campaign.id, { external_id: 'lead-c' });
    contact.attempts = [attempt(contact.id, { status: 'completed', conversation_id: 'conv-9' })];
    serve(campaign, [contact]);
    server.use(
      http.get(`${API}/conversations/conv-9`, () =>
        HttpResponse.json({
          id: 'conv-9',
          started_at: '2026-11-22T09:00:00Z',
          ended_at: '2026-11-22T09:03:00Z',
          transcript: [{ role: 'agent', text: 'Hello Ada!', at: '2026-11-22T09:00:01Z' }],
          evaluations: [
            { metric_key: 'sentiment', status: 'completed', results: { overall: 'neutral' } },
          ],
        }),
      ),
    );
    renderRoute(`/campaigns/${campaign.id}/contacts`);
    await userEvent.click(await screen.findByRole('button', { name: 'Show attempts for lead-c' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open conversation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Conversation' });
    expect(await within(dialog).findByText('Hello Ada!')).toBeInTheDocument();
    expect(definitionOf(dialog, 'Overall')).toBe('Neutral');
  });

  it('uses the configured conversation URL template instead of the panel', async () => {
    const campaign = makeCampaign();
    const contact = makeContact(campaign.id, { external_id: 'lead-t' });
    contact.attempts = [attempt(contact.id, { status: 'completed', conversation_id: 'conv 1' })];
    serve(campaign, [contact]);
    renderRoute(`/campaigns/${campaign.id}/contacts`, {
      config: {
        apiBaseUrl: API,
        conversationUrlTemplate: 'https://app.example/conversations/{id}',
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Show attempts for lead-t' }));
    expect(screen.getByRole('link', { name: 'Open conversation' })).toHaveAttribute(
      'href',
      'https://app.example/conversations/conv%201',
    );
  });

  it('deletes a contact after confirmation, and explains a 403', async () => {
    const campaign = makeCampaign();
    const a = makeContact(campaign.id, { external_id: 'lead-a' });
    const b = makeContact(campaign.id, { external_id: 'lead-b' });
    let contacts = [a, b];
    const deleted: string[] = [];
    serve(campaign, contacts);
    server.use(
      http.get(`${API}/campaign/campaigns/:id/contacts`, () =>
        HttpResponse.json({ contacts, total: contacts.length, limit: 50, offset: 0 }),
      ),
      http.delete(`${API}/campaign/campaigns/:id/contacts/:contactId`, ({ params }) => {
        if (params.contactId === b.id)
          return HttpResponse.json({ detail: 'Deleting needs campaigns:manage' }, { status: 403 });
        deleted.push(String(params.contactId));
        contacts = contacts.filter((c) => c.id !== params.contactId);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute(`/campaigns/${campaign.id}/contacts`);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete lead-a' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete lead-a?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete contact' }));
    // Its row goes; focus moves on to the next row, and the deletion is announced.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Show attempts for lead-b' })).toHaveFocus(),
    );
    await waitFor(() => expect(screen.queryByText('lead-a')).not.toBeInTheDocument());
    expect(screen.getByRole('status')).toHaveTextContent('Deleted lead-a.');
    expect(deleted).toEqual([a.id]);

    await userEvent.click(screen.getByRole('button', { name: 'Delete lead-b' }));
    const second = await screen.findByRole('dialog', { name: 'Delete lead-b?' });
    await userEvent.click(within(second).getByRole('button', { name: 'Delete contact' }));
    expect(await within(second).findByRole('alert')).toHaveTextContent(
      'Deleting needs campaigns:manage',
    );
    await userEvent.click(within(second).getByRole('button', { name: 'Cancel' }));
    // Now known read-only: no row offers Delete, and the tab says why once.
    expect(screen.queryByRole('button', { name: 'Delete lead-b' })).not.toBeInTheDocument();
    expect(screen.getAllByText(/Contacts are read-only/)).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
  });
});
