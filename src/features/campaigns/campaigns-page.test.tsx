import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeConfiguration, makeSession } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { advance } from '../../test/clock';
import type { Campaign } from '../../../contract/schemas';

const config = makeConfiguration({ name: 'Weekday mornings' });

function useCampaignsApi(
  respond: (url: URL) => { campaigns: Campaign[]; next_cursor: string | null } | Response,
  seen: URL[] = [],
) {
  server.use(
    http.get(`${API}/campaign/campaigns`, ({ request }) => {
      const url = new URL(request.url);
      seen.push(url);
      const out = respond(url);
      return out instanceof Response ? out : HttpResponse.json(out);
    }),
    http.get(`${API}/campaign/configurations`, () =>
      HttpResponse.json({ configurations: [config] }),
    ),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 3 }),
    ),
  );
  return seen;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Campaign list', () => {
  it('shows loading skeletons, then a row per campaign linking to its page', async () => {
    const campaign = makeCampaign({
      name: 'Spring outreach',
      external_id: 'spring',
      configuration_id: config.id,
    });
    // Held until the skeleton has been seen: the list may be asked before the page renders.
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.get(`${API}/campaign/campaigns`, async () => {
        await answered;
        return HttpResponse.json({ campaigns: [campaign], next_cursor: null });
      }),
      http.get(`${API}/campaign/configurations`, () =>
        HttpResponse.json({ configurations: [config] }),
      ),
      http.get(`${API}/campaign/concurrency-settings`, () =>
        HttpResponse.json({ concurrency_limit: 10, active_calls: 3 }),
      ),
    );
    const { container } = renderRoute('/campaigns');
    await screen.findByRole('table');
    expect(container.querySelectorAll('tr[aria-hidden="true"]').length).toBeGreaterThan(0);
    answer();
    const link = await screen.findByRole('link', { name: 'Spring outreach' });
    expect(link).toHaveAttribute('href', `/campaigns/${campaign.id}`);
    const row = link.closest('tr')!;
    expect(within(row).getByText('spring')).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(await within(row).findByText('Weekday mornings')).toBeInTheDocument();
    expect(await screen.findByText('3 / 10 calls in flight')).toBeInTheDocument();
  });

  it("waits for the configurations, never calling a row's configuration unknown meanwhile", async () => {
    const campaign = makeCampaign({ name: 'Spring outreach', configuration_id: config.id });
    useCampaignsApi(() => ({ campaigns: [campaign], next_cursor: null }));
    // The configurations answer only once the campaigns have.
    let answer = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.get(`${API}/campaign/configurations`, async () => {
        await answered;
        return HttpResponse.json({ configurations: [config] });
      }),
    );
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { container, queryClient } = renderRoute('/campaigns');
    await waitFor(() => expect(screen.getByRole('table')).toBeInTheDocument());
    // Every answer but the configurations' is in; the renders they scheduled land.
    await waitFor(() => expect(queryClient.isFetching()).toBe(1));
    await advance(100);
    expect(screen.queryByText('Unknown configuration')).not.toBeInTheDocument();
    expect(container.querySelectorAll('tr[aria-hidden="true"]').length).toBeGreaterThan(0);
    answer();
    const row = (await screen.findByRole('link', { name: 'Spring outreach' })).closest('tr')!;
    expect(within(row).getByText('Weekday mornings')).toBeInTheDocument();
  });

  it('invites creating the first campaign when there are none', async () => {
    useCampaignsApi(() => ({ campaigns: [], next_cursor: null }));
    renderRoute('/campaigns');
    expect(await screen.findByText('No campaigns yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create your first campaign' })).not.toHaveAttribute(
      'aria-disabled',
    );
  });

  it('shows an error with a retry button that loads again', async () => {
    let fail = true;
    useCampaignsApi(() =>
      fail
        ? HttpResponse.json({ detail: 'Database unavailable' }, { status: 503 })
        : { campaigns: [makeCampaign({ name: 'Recovered' })], next_cursor: null },
    );
    renderRoute('/campaigns');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load campaigns');
    expect(alert).toHaveTextContent('Database unavailable');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Recovered' })).toBeInTheDocument();
  });

  it('sends the URL filters to the API and keeps new ones in the URL', async () => {
    const seen = useCampaignsApi(() => ({ campaigns: [makeCampaign()], next_cursor: null }));
    const { router } = renderRoute('/campaigns?q=spring&status=paused');
    await screen.findByRole('link', { name: 'Spring outreach' });
    expect(seen[0]!.searchParams.get('name')).toBe('spring');
    expect(seen[0]!.searchParams.getAll('status')).toEqual(['paused']);
    expect(screen.getByRole('searchbox', { name: 'Search by name' })).toHaveValue('spring');
    expect(screen.getByRole('checkbox', { name: 'Paused' })).toBeChecked();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Active' }));
    await waitFor(() =>
      expect(seen.at(-1)!.searchParams.getAll('status')).toEqual(['active', 'paused']),
    );
    await waitFor(() =>
      expect(router.state.location.search).toContain('status=paused&status=active'),
    );

    const search = screen.getByRole('searchbox', { name: 'Search by name' });
    await userEvent.clear(search);
    await userEvent.type(search, 'fall');
    await waitFor(() => expect(seen.at(-1)!.searchParams.get('name')).toBe('fall'));
    await waitFor(() => expect(router.state.location.search).toContain('q=fall'));
    // Debounced: typing four letters did not send four requests.
    expect(
      seen.filter((u) => ['f', 'fa', 'fal'].includes(u.searchParams.get('name') ?? '')).length,
    ).toBe(0);

    // Back and forward move the box with the URL.
    await act(() => router.navigate(-1));
    await waitFor(() => expect(search).toHaveValue('spring'));
    await act(() => router.navigate(1));
    await waitFor(() => expect(search).toHaveValue('fall'));
  });

  it('keeps a status ticked while the typed name is still waiting to be written', async () => {
    const seen = useCampaignsApi(() => ({ campaigns: [makeCampaign()], next_cursor: null }));
    const { router } = renderRoute('/campaigns');
    await screen.findByRole('link', { name: 'Spring outreach' });

    vi.useFakeTimers();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search by name' }), {
      target: { value: 'fall' },
    });
    act(() => vi.advanceTimersByTime(100));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Active' }));
    act(() => vi.advanceTimersByTime(300));
    vi.useRealTimers();

    const url = new URLSearchParams(router.state.location.search);
    expect(url.get('q')).toBe('fall');
    expect(url.getAll('status')).toEqual(['active']);
    await waitFor(() => {
      expect(seen.at(-1)!.searchParams.get('name')).toBe('fall');
      expect(seen.at(-1)!.searchParams.getAll('status')).toEqual(['active']);
    });
    expect(screen.getByRole('checkbox', { name: 'Active' })).toBeChecked();
  });

  it('shows the campaigns that match the contract and says how many it could not show, and why', async () => {
    useCampaignsApi(() => ({
      campaigns: [
        { ...makeCampaign({ name: 'Broken' }), status: 'running' as never },
        makeCampaign({ name: 'Fine' }),
        { ...makeCampaign({ name: 'Also broken' }), created_at: null as never },
      ],
      next_cursor: null,
    }));
    renderRoute('/campaigns');
    expect(await screen.findByRole('link', { name: 'Fine' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Broken' })).not.toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(
      /^2 campaigns could not be shown: they don't match the API contract \(field "campaigns\.0\.status" /,
    );
  });

  it('loads the next page with the cursor and appends rows without repeats', async () => {
    const first = [makeCampaign({ name: 'Campaign A' }), makeCampaign({ name: 'Campaign B' })];
    const second = [makeCampaign({ name: 'Campaign C' })];
    const seen = useCampaignsApi((url) =>
      url.searchParams.get('cursor') === 'c2'
        ? { campaigns: second, next_cursor: null }
        : { campaigns: first, next_cursor: 'c2' },
    );
    renderRoute('/campaigns?limit=2');
    await screen.findByRole('link', { name: 'Campaign A' });
    expect(seen[0]!.searchParams.get('limit')).toBe('2');
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByRole('link', { name: 'Campaign C' });
    expect(seen.at(-1)!.searchParams.get('cursor')).toBe('c2');
    expect(screen.getAllByRole('link', { name: /^Campaign [ABC]$/ })).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByText('Showing 3 campaigns')).toBeInTheDocument();
  });

  it('maps a 422 list to the named field', async () => {
    useCampaignsApi(() => ({ campaigns: [makeCampaign()], next_cursor: null }));
    server.use(
      http.post(`${API}/campaign/campaigns`, () =>
        HttpResponse.json(
          { detail: [{ loc: ['body', 'name'], msg: 'Name is too long', type: 'too_big' }] },
          { status: 422 },
        ),
      ),
    );
    renderRoute('/campaigns');
    await userEvent.click(await screen.findByRole('button', { name: 'New campaign' }));
    const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
    await userEvent.type(within(dialog).getByLabelText('Name'), 'x'.repeat(20));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Next' }));
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Create campaign' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription('Name is too long'),
    );
  });

  it('a key that may only read finds creating disabled from the start, with the missing scope in words', async () => {
    useCampaignsApi(() => ({ campaigns: [makeCampaign()], next_cursor: null }));
    // The session says what the key may do; no write is sent to find out (MSW fails on one).
    server.use(sessionHandler(makeSession({ scopes: ['campaigns:read'] })));
    renderRoute('/campaigns');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'New campaign' })).toHaveAttribute(
        'aria-disabled',
        'true',
      ),
    );
    expect(
      screen.getByText('Read-only key: ask an admin for a manage key to create campaigns.'),
    ).toBeInTheDocument();
  });

  it('a 403 on the list shows what the server said the key lacks', async () => {
    useCampaignsApi(() =>
      HttpResponse.json({ detail: 'This key may not read campaigns' }, { status: 403 }),
    );
    renderRoute('/campaigns');
    expect(await screen.findByText('This key may not read campaigns')).toBeInTheDocument();
    expect(
      screen.getByText(
        "This key can't read campaigns. Ask an admin for a key with campaign access.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Campaigns', level: 1 })).toBeInTheDocument();
  });
});
