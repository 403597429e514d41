import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import {
  API,
  makeCampaign,
  makeContact,
  makeReport,
  makeSession,
  makeStats,
} from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import type { Campaign } from '../../../contract/schemas';

function serve(campaign: Campaign, extensions: string[]) {
  const lists: URL[] = [];
  const reports: URL[] = [];
  server.use(
    sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id)),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts`, ({ request }) => {
      const url = new URL(request.url);
      lists.push(url);
      const filtered = url.searchParams.has('result') || url.searchParams.has('last_status');
      return HttpResponse.json({
        contacts: [makeContact(campaign.id, { external_id: filtered ? 'lead-match' : 'lead-any' })],
        total: filtered ? 300 : 1000,
        limit: 50,
        offset: 0,
      });
    }),
    http.get(`${API}/campaign/campaigns/:id/report`, ({ request }) => {
      const url = new URL(request.url);
      reports.push(url);
      const filtered = url.searchParams.toString() !== '';
      return HttpResponse.json(
        makeReport(
          campaign.id,
          filtered ? { contacts: { total: 300, reached: 300, completed: 300, exhausted: 0 } } : {},
        ),
      );
    }),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
  );
  return { lists, reports };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Contact filters (extension)', () => {
  it('sends the URL filters, shows them as chips with the stats of exactly these contacts', async () => {
    const campaign = makeCampaign();
    const api = serve(campaign, ['session', 'report', 'contact-filters']);
    const { router } = renderRoute(
      `/campaigns/${campaign.id}/contacts?result=qualification.interested%3Atrue&last_status=completed`,
    );
    expect(await screen.findByText('lead-match')).toBeInTheDocument();
    const sent = api.lists.at(-1)!.searchParams;
    expect(sent.getAll('result')).toEqual(['qualification.interested:true']);
    expect(sent.getAll('last_status')).toEqual(['completed']);

    const chips = within(screen.getByRole('list', { name: 'Active filters' }));
    expect(
      chips.getByRole('button', { name: 'Remove filter Last call: Completed' }),
    ).toBeInTheDocument();
    expect(
      chips.getByRole('button', { name: 'Remove filter Interested: Yes' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        (_, el) => el?.tagName === 'P' && !!el.textContent?.startsWith('Stats for these contacts:'),
      ),
    ).toHaveTextContent('Stats for these contacts: 300 contacts, 1,500 calls, answer rate 41.2%');
    expect(screen.getByText(/Showing 1–/)).toHaveTextContent('of 300');
    expect(screen.getByRole('button', { name: 'Export filtered CSV' })).toBeInTheDocument();
    // A phone's one button for the menus counts what they hold, and opens the menus.
    const phoneFilters = screen.getByRole('button', { name: /^Filters/ });
    expect(phoneFilters).toHaveAccessibleName('Filters (2)');
    expect(phoneFilters).toHaveAttribute('aria-expanded', 'false');
    const menus = document.getElementById(phoneFilters.getAttribute('aria-controls')!)!;
    expect(within(menus).getByText('Last call')).toBeInTheDocument();
    expect(menus).toHaveClass('hidden');
    await userEvent.click(phoneFilters);
    expect(phoneFilters).toHaveAttribute('aria-expanded', 'true');
    expect(menus).not.toHaveClass('hidden');

    await userEvent.click(chips.getByRole('button', { name: 'Remove filter Interested: Yes' }));
    await waitFor(() => expect(router.state.location.search).toBe('?last_status=completed'));
    expect(phoneFilters).toHaveAccessibleName('Filters (1)');
    await waitFor(() => expect(api.lists.at(-1)!.searchParams.getAll('result')).toEqual([]));
  });

  it('adds filters from the menus and the search box, each into the URL and the request', async () => {
    const campaign = makeCampaign();
    const api = serve(campaign, ['session', 'report', 'contact-filters']);
    const { router } = renderRoute(`/campaigns/${campaign.id}/contacts`);
    await screen.findByText('lead-any');
    const bar = within(screen.getByRole('search', { name: 'Filter contacts' }));

    await userEvent.click(bar.getByText('Last call'));
    await userEvent.click(
      within(bar.getByRole('group', { name: 'Status of the last call' })).getByRole('checkbox', {
        name: 'Busy',
      }),
    );
    await waitFor(() =>
      expect(api.lists.at(-1)!.searchParams.getAll('last_status')).toEqual(['busy']),
    );

    // Result values come from the campaign's report roll-up.
    await userEvent.click(await bar.findByText('Result'));
    await userEvent.click(bar.getByRole('checkbox', { name: 'Action: Send pricing' }));
    await waitFor(() =>
      expect(api.lists.at(-1)!.searchParams.getAll('result')).toEqual([
        'next_step.action:send_pricing',
      ]),
    );

    await userEvent.type(bar.getByRole('searchbox', { name: 'Search' }), '4155');
    await waitFor(() => expect(api.lists.at(-1)!.searchParams.get('search')).toBe('4155'));
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('search')).toBe('4155'),
    );
    // Debounced: four keys, one request with the search.
    expect(api.lists.filter((u) => u.searchParams.has('search'))).toHaveLength(1);

    await userEvent.click(screen.getByRole('button', { name: 'Clear all filters' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('keeps a filter ticked while the search is still waiting to be written', async () => {
    const campaign = makeCampaign();
    const api = serve(campaign, ['session', 'report', 'contact-filters']);
    const { router } = renderRoute(`/campaigns/${campaign.id}/contacts?page=2`);
    await screen.findByText('lead-any');
    const bar = within(screen.getByRole('search', { name: 'Filter contacts' }));

    vi.useFakeTimers();
    fireEvent.change(bar.getByRole('searchbox', { name: 'Search' }), { target: { value: 'ada ' } });
    act(() => vi.advanceTimersByTime(200));
    fireEvent.click(bar.getByText('Last call'));
    fireEvent.click(
      within(bar.getByRole('group', { name: 'Status of the last call' })).getByRole('checkbox', {
        name: 'Busy',
      }),
    );
    act(() => vi.advanceTimersByTime(300));
    vi.useRealTimers();

    const url = new URLSearchParams(router.state.location.search);
    expect(url.get('search')).toBe('ada');
    expect(url.getAll('last_status')).toEqual(['busy']);
    expect(url.has('page')).toBe(false);
    await waitFor(() => {
      const sent = api.lists.at(-1)!.searchParams;
      expect(sent.get('search')).toBe('ada');
      expect(sent.getAll('last_status')).toEqual(['busy']);
    });
    expect(bar.getByRole('searchbox', { name: 'Search' })).toHaveValue('ada ');
    expect(
      within(bar.getByRole('group', { name: 'Status of the last call' })).getByRole('checkbox', {
        name: 'Busy',
      }),
    ).toBeChecked();
  });

  it('counts the stats of these contacts within the chosen bucket, as the list does', async () => {
    const campaign = makeCampaign();
    const reports: URL[] = [];
    // 27 contacts last had no answer, none of them completed: the bucket leaves none.
    const count = (url: URL) =>
      url.searchParams.getAll('status').includes('completed')
        ? { contacts: 0, calls: 0 }
        : { contacts: 27, calls: 81 };
    server.use(
      sessionHandler(makeSession({ extensions: ['session', 'report', 'contact-filters'] })),
      http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
      http.get(`${API}/campaign/campaigns/:id/stats`, () =>
        HttpResponse.json(makeStats(campaign.id)),
      ),
      http.get(`${API}/campaign/campaigns/:id/contacts`, ({ request }) =>
        HttpResponse.json({
          contacts: [],
          total: count(new URL(request.url)).contacts,
          limit: 50,
          offset: 0,
        }),
      ),
      http.get(`${API}/campaign/campaigns/:id/report`, ({ request }) => {
        const url = new URL(request.url);
        reports.push(url);
        const n = count(url);
        return HttpResponse.json(
          makeReport(campaign.id, {
            contacts: { total: n.contacts, reached: n.contacts, completed: 0, exhausted: 0 },
            attempts: {
              total: n.calls,
              in_progress: 0,
              by_status: { completed: 0, no_answer: n.calls, busy: 0, voicemail: 0, failed: 0 },
            },
          }),
        );
      }),
      http.get(`${API}/campaign/concurrency-settings`, () =>
        HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
      ),
    );
    renderRoute(`/campaigns/${campaign.id}/contacts?status=completed&last_status=no_answer`);

    expect(await screen.findByText('No contacts match these filters.')).toBeInTheDocument();
    expect(
      await screen.findByText(
        (_, el) => el?.tagName === 'P' && !!el.textContent?.startsWith('Stats for these contacts:'),
      ),
    ).toHaveTextContent(/^Stats for these contacts: 0 contacts, 0 calls,/);
    const filtered = reports.filter((u) => u.searchParams.has('last_status'));
    expect(filtered.length).toBeGreaterThan(0);
    for (const url of filtered) {
      expect(url.searchParams.getAll('status')).toEqual(['completed']);
      expect(url.searchParams.getAll('last_status')).toEqual(['no_answer']);
    }
  });

  it('without the extension shows no filter bar and never sends a filter, even from a link', async () => {
    const campaign = makeCampaign();
    const api = serve(campaign, ['session']);
    renderRoute(`/campaigns/${campaign.id}/contacts?last_status=busy&search=ada`);
    expect(await screen.findByText('lead-any')).toBeInTheDocument();
    expect(screen.queryByRole('search', { name: 'Filter contacts' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Stats for these contacts/)).not.toBeInTheDocument();
    for (const url of api.lists) {
      expect(url.searchParams.has('last_status')).toBe(false);
      expect(url.searchParams.has('search')).toBe(false);
    }
    expect(api.reports).toEqual([]);
  });
});
