import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeConfiguration, makeSession, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { definitionOf } from '../../test/queries';
import { advance, setVisibility, withFakeClock, user } from '../../test/clock';
import type { Campaign, Stats } from '../../../contract/schemas';

type Api = {
  statsCalls: number;
  campaign: Campaign;
  stats: Stats;
  failStats: boolean;
  transitions: string[];
};

function serve(
  campaign: Campaign,
  configuration = makeConfiguration({ id: campaign.configuration_id ?? 'none' }),
): Api {
  const state: Api = {
    statsCalls: 0,
    campaign,
    stats: makeStats(campaign.id),
    failStats: false,
    transitions: [],
  };
  server.use(
    http.get(`${API}/campaign/campaigns/:id`, ({ params }) =>
      params.id === campaign.id || params.id === campaign.external_id
        ? HttpResponse.json(state.campaign)
        : HttpResponse.json({ detail: 'Campaign not found' }, { status: 404 }),
    ),
    http.get(`${API}/campaign/campaigns/:id/stats`, ({ params }) => {
      if (params.id !== campaign.id)
        return HttpResponse.json({ detail: 'Campaign not found' }, { status: 404 });
      state.statsCalls++;
      if (state.failStats) return HttpResponse.json({ detail: 'Database busy' }, { status: 503 });
      return HttpResponse.json({ ...state.stats, status: state.campaign.status });
    }),
    http.post(`${API}/campaign/campaigns/:id/:action`, ({ params }) => {
      const action = String(params.action);
      state.transitions.push(action);
      const status = action === 'start' ? 'active' : action === 'pause' ? 'paused' : 'closed';
      state.campaign = { ...state.campaign, status };
      return HttpResponse.json(state.campaign);
    }),
    http.get(`${API}/campaign/configurations/:id`, () => HttpResponse.json(configuration)),
    http.get(`${API}/campaign/configurations`, () =>
      HttpResponse.json({ configurations: [configuration] }),
    ),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
  );
  return state;
}

withFakeClock();

describe('Overview polling', () => {
  it('fetches on load, then every 5 seconds while active and visible', async () => {
    const api = serve(makeCampaign({ external_id: 'spring', configuration_id: 'cfg' }));
    renderRoute(`/campaigns/${api.campaign.id}`);
    expect(await screen.findByText('Live')).toBeInTheDocument();
    expect(api.statsCalls).toBe(1);
    await advance(5000);
    expect(api.statsCalls).toBe(2);
    await advance(15_000);
    expect(api.statsCalls).toBe(5);
  });

  it('sends nothing while the tab is hidden and one request at once on return', async () => {
    const api = serve(makeCampaign({ configuration_id: 'cfg' }));
    renderRoute(`/campaigns/${api.campaign.id}`);
    await screen.findByText('Live');
    setVisibility('hidden');
    expect(await screen.findByText('Paused: tab hidden')).toBeInTheDocument();
    const before = api.statsCalls;
    await advance(30_000);
    expect(api.statsCalls).toBe(before);
    setVisibility('visible');
    await advance(10);
    expect(api.statsCalls).toBe(before + 1);
    expect(screen.getByText('Live')).toBeInTheDocument();
    // Then the 5-second rhythm resumes from the return, not from before.
    await advance(4900);
    expect(api.statsCalls).toBe(before + 1);
    await advance(200);
    expect(api.statsCalls).toBe(before + 2);
  });

  it('stops polling after pausing from the page; Refresh still works; Start resumes', async () => {
    const api = serve(makeCampaign({ configuration_id: 'cfg' }));
    renderRoute(`/campaigns/${api.campaign.id}`);
    await screen.findByText('Live');
    await user().click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByText('Paused: campaign is paused')).toBeInTheDocument();
    expect(screen.getByText(/Why is nothing dialing\?/).parentElement).toHaveTextContent(
      'The campaign is paused.',
    );
    const afterPause = api.statsCalls;
    await advance(30_000);
    expect(api.statsCalls).toBe(afterPause);
    await user().click(screen.getByRole('button', { name: 'Refresh statistics' }));
    await advance(10);
    expect(api.statsCalls).toBe(afterPause + 1);
    await user().click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('Live')).toBeInTheDocument();
    const afterStart = api.statsCalls;
    await advance(10_000);
    expect(api.statsCalls).toBe(afterStart + 2);
    expect(api.transitions).toEqual(['pause', 'start']);
  });

  it('follows a status changed elsewhere, and the header headroom agrees with the stats', async () => {
    const api = serve(makeCampaign({ configuration_id: 'cfg' }));
    api.stats = { ...api.stats, active_calls: 7, concurrency_limit: 9 };
    renderRoute(`/campaigns/${api.campaign.id}`);
    await screen.findByText('Live');
    expect(await screen.findByText('7 / 9 calls in flight')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    // Someone else pauses it: the next poll says so, and the page refreshes the campaign.
    api.campaign = { ...api.campaign, status: 'paused' };
    await advance(5000);
    expect(await screen.findByRole('button', { name: 'Start' })).toBeInTheDocument();
    expect(await screen.findByText('Paused: campaign is paused')).toBeInTheDocument();
    const polls = api.statsCalls;
    await advance(20_000);
    expect(api.statsCalls).toBe(polls);
  });

  it('says in the header who paused the campaign and when, where the activity log is offered', async () => {
    const api = serve(makeCampaign({ configuration_id: 'cfg' }));
    const asked: URL[] = [];
    const pauses: unknown[] = [];
    server.use(
      sessionHandler(makeSession({ extensions: ['session', 'activity'] })),
      http.get(`${API}/campaign/activity`, ({ request }) => {
        asked.push(new URL(request.url));
        return HttpResponse.json({ events: pauses, next_cursor: null });
      }),
    );
    renderRoute(`/campaigns/${api.campaign.id}`);
    await screen.findByText('Live');
    const header = screen
      .getByRole('heading', { level: 1, name: api.campaign.name })
      .closest('header')!;
    expect(asked).toEqual([]);
    pauses.push({
      id: 'a1',
      at: new Date().toISOString(),
      actor: { kind: 'credential', label: 'Test manager key' },
      action: 'campaign.paused',
      campaign_id: api.campaign.id,
      configuration_id: null,
      summary: 'Paused',
      changes: null,
    });
    await user().click(screen.getByRole('button', { name: 'Pause' }));
    expect(
      await within(header).findByText(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d \S+$/),
    ).toHaveAttribute('datetime', (pauses[0] as { at: string }).at);
    expect(header).toHaveTextContent(/Paused by Test manager key · /);
    expect(
      asked.map((u) => [u.searchParams.get('campaign_id'), u.searchParams.get('action')]),
    ).toContainEqual([api.campaign.id, 'campaign.paused']);
    await user().click(screen.getByRole('button', { name: 'Start' }));
    await screen.findByText('Live');
    expect(header).not.toHaveTextContent('Paused by');
  });

  it('keeps the last good numbers, marked stale, when a poll fails', async () => {
    const api = serve(makeCampaign({ configuration_id: 'cfg' }));
    renderRoute(`/campaigns/${api.campaign.id}`);
    await screen.findByText('Live');
    expect(screen.getByText('5 free slots of 10.')).toBeInTheDocument();
    api.failStats = true;
    await advance(5000);
    expect(await screen.findByText('Update failed')).toBeInTheDocument();
    expect(
      screen.getByText('Stale: these numbers are from the last successful update.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Progress (completed + exhausted)' }),
    ).toHaveAttribute('aria-valuenow', '35');
    expect(screen.getByText('5 free slots of 10.')).toBeInTheDocument();
    api.failStats = false;
    await advance(5000);
    expect(await screen.findByText('Live')).toBeInTheDocument();
    expect(screen.queryByText(/stale/)).not.toBeInTheDocument();
  });
});

describe('Campaign page', () => {
  it('resolves an external_id and asks for stats by UUID', async () => {
    const campaign = makeCampaign({
      name: 'Spring outreach',
      external_id: 'spring-outreach',
      configuration_id: 'cfg',
    });
    const api = serve(
      campaign,
      makeConfiguration({
        id: 'cfg',
        name: 'UK hours',
        timezone: 'Europe/London',
        agent_id: 'agent_uk',
      }),
    );
    renderRoute('/campaigns/spring-outreach');
    expect(await screen.findByRole('heading', { name: 'Spring outreach' })).toBeInTheDocument();
    await screen.findByText('Live');
    expect(api.statsCalls).toBe(1);
    expect(await screen.findByText('agent_uk')).toBeInTheDocument();
    expect(
      screen.getByText('Mon, Tue, Wed, Thu, Fri 09:00–17:00 (Europe/London)'),
    ).toBeInTheDocument();
    expect(screen.getByText('Up to 3 calls, 1 hour apart')).toBeInTheDocument();
    const counts = screen.getByRole('region', { name: 'Contacts' });
    expect(definitionOf(counts, 'Pending')).toBe('60');
    expect(screen.getByText('150')).toBeInTheDocument();
    expect(screen.getByText('1.50')).toBeInTheDocument();
    expect(screen.getByText('5 free slots of 10.')).toBeInTheDocument();
    expect(
      screen.getByRole('meter', { name: 'Calls in flight against the concurrency limit' }),
    ).toHaveAttribute('aria-valuenow', '5');
    expect(screen.getByText(/Still measuring/)).toBeInTheDocument();
  });

  it('asks for the campaign and its stats at the same time when the URL holds its UUID', async () => {
    const api = serve(makeCampaign({ name: 'Spring outreach', configuration_id: 'cfg' }));
    // The campaign answers only after its stats were asked for: a waterfall would hang here.
    let statsAsked = () => {};
    const asked = new Promise<void>((resolve) => (statsAsked = resolve));
    server.use(
      http.get(`${API}/campaign/campaigns/:id/stats`, () => statsAsked()),
      http.get(`${API}/campaign/campaigns/:id`, async () => {
        await asked;
      }),
    );
    renderRoute(`/campaigns/${api.campaign.id}`);
    expect(await screen.findByRole('heading', { name: 'Spring outreach' })).toBeInTheDocument();
    await screen.findByText('Live');
    expect(api.statsCalls).toBe(1);
  });

  it('switches tabs under the same header', async () => {
    const campaign = makeCampaign({ name: 'Spring outreach', external_id: 'spring-outreach' });
    serve(campaign);
    renderRoute('/campaigns/spring-outreach');
    await screen.findByText('Live');
    const tabs = within(screen.getByRole('navigation', { name: 'Campaign sections' }));
    await user().click(tabs.getByRole('link', { name: 'Settings' }));
    expect(await screen.findByRole('region', { name: 'Campaign settings' })).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('Spring outreach');
    expect(screen.getByRole('heading', { name: 'Spring outreach' })).toBeInTheDocument();
    expect(tabs.getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
    expect(tabs.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current');
  });

  it('says so for a section a campaign does not have', async () => {
    serve(makeCampaign({ name: 'Spring outreach', external_id: 'spring-outreach' }));
    renderRoute('/campaigns/spring-outreach/nope');
    expect(await screen.findByText('There is no such section of a campaign.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Spring outreach' })).toBeInTheDocument();
  });

  it('shows a not-found state for an unknown id', async () => {
    serve(makeCampaign());
    renderRoute('/campaigns/no-such-campaign');
    expect(await screen.findByRole('heading', { name: 'Campaign not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to campaigns' })).toHaveAttribute(
      'href',
      '/campaigns',
    );
  });

  it('keeps a page heading over the error when the campaign cannot be loaded', async () => {
    server.use(
      http.get(`${API}/campaign/campaigns/:id`, () =>
        HttpResponse.json({ detail: 'Database busy' }, { status: 400 }),
      ),
      http.get(`${API}/campaign/concurrency-settings`, () =>
        HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
      ),
    );
    renderRoute('/campaigns/spring-outreach');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the campaignDatabase busy',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Campaign' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('asks before closing, says it is permanent, and then offers no lifecycle action', async () => {
    const api = serve(makeCampaign({ configuration_id: 'cfg' }));
    renderRoute(`/campaigns/${api.campaign.id}`);
    await screen.findByText('Live');
    expect(screen.queryByRole('button', { name: 'Start' })).not.toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: 'Close campaign' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close this campaign?' });
    expect(dialog).toHaveTextContent('Closing is permanent');
    await user().click(within(dialog).getByRole('button', { name: 'Keep it open' }));
    expect(api.transitions).toEqual([]);
    await user().click(screen.getByRole('button', { name: 'Close campaign' }));
    await user().click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Close campaign for good',
      }),
    );
    expect(await screen.findByText('Final: campaign is closed')).toBeInTheDocument();
    expect(api.transitions).toEqual(['close']);
    expect(
      screen.queryByRole('button', { name: /^(Start|Pause|Close campaign)$/ }),
    ).not.toBeInTheDocument();
  });

  it('says how the headroom chart fills while not live, and draws it once live', async () => {
    const api = serve(makeCampaign({ status: 'paused' }));
    renderRoute(`/campaigns/${api.campaign.id}`);
    const headroom = within(await screen.findByRole('region', { name: 'Org headroom' }));
    expect(
      headroom.getByText(
        'The chart fills in while the campaign is live; each Refresh adds a point.',
      ),
    ).toBeInTheDocument();
    await user().click(screen.getByRole('button', { name: 'Start' }));
    // Starting refetches the stats: a second point, and the chart draws.
    expect(
      await headroom.findByRole('img', { name: /Line chart of calls in flight/ }),
    ).toBeInTheDocument();
  });

  it('a read-only key finds the lifecycle buttons disabled with the reason, sending no write', async () => {
    const api = serve(makeCampaign({ configuration_id: 'cfg' }));
    server.use(sessionHandler(makeSession({ scopes: ['campaigns:read'] })));
    renderRoute(`/campaigns/${api.campaign.id}`);
    await screen.findByText('Live');
    expect(
      await screen.findByText(
        'Read-only key: ask an admin for a manage key to start, pause or close.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Close campaign' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(api.transitions).toEqual([]);
  });

  it('without the session extension, learns from the first 403 and shows its detail as written', async () => {
    const api = serve(makeCampaign({ configuration_id: 'cfg' }));
    server.use(
      sessionHandler(null),
      http.post(`${API}/campaign/campaigns/:id/pause`, () =>
        HttpResponse.json({ detail: 'Key ak_demo_read lacks campaigns:manage' }, { status: 403 }),
      ),
    );
    renderRoute(`/campaigns/${api.campaign.id}`);
    await screen.findByText('Live');
    expect(screen.getByRole('button', { name: 'Pause' })).not.toHaveAttribute('aria-disabled');
    await user().click(screen.getByRole('button', { name: 'Pause' }));
    expect(await screen.findByText('Key ak_demo_read lacks campaigns:manage')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: 'Close campaign' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });
});

describe('A campaign without contacts', () => {
  const empty = (campaign: Campaign) =>
    makeStats(campaign.id, {
      contacts: { total: 0, pending: 0, in_progress: 0, completed: 0, exhausted: 0 },
      attempts: { total: 0, average_per_contact: 0 },
    });

  it('offers the import on the Overview and in the Contacts tab’s place, once', async () => {
    const campaign = makeCampaign({ status: 'paused', configuration_id: 'cfg' });
    const api = serve(campaign);
    api.stats = empty(campaign);
    server.use(
      http.get(`${API}/campaign/campaigns/:id/contacts`, () =>
        HttpResponse.json({ contacts: [], total: 0, limit: 50, offset: 0 }),
      ),
    );
    renderRoute(`/campaigns/${campaign.id}`);
    const overview = within(await screen.findByRole('region', { name: 'Overview' }));
    expect(overview.getByText('This campaign has no contacts yet.')).toBeInTheDocument();
    expect(
      overview.getByText('Import them from a CSV file: none is called until you press Start.'),
    ).toBeInTheDocument();
    await user().click(overview.getByRole('button', { name: 'Import contacts' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import contacts' });
    expect(await within(dialog).findByLabelText('CSV file')).toBeInTheDocument();
    await user().keyboard('{Escape}');

    await user().click(screen.getByRole('link', { name: 'Contacts' }));
    await screen.findByRole('group', { name: 'Filter by status' });
    expect(await screen.findByText('This campaign has no contacts yet.')).toBeInTheDocument();
    // The empty table's button is the one import on the tab.
    expect(screen.getAllByRole('button', { name: 'Import contacts' })).toHaveLength(1);
  });

  it('keeps the import open once the first contacts are counted and the empty state goes', async () => {
    const campaign = makeCampaign({ status: 'paused', configuration_id: 'cfg' });
    const api = serve(campaign);
    api.stats = empty(campaign);
    server.use(
      http.post(`${API}/campaign/campaigns/:id/contacts`, () => {
        api.stats = makeStats(campaign.id);
        return HttpResponse.json({
          inserted: 1,
          updated: 0,
          failed: [],
          warnings: [],
          contact_ids: ['c-1'],
        });
      }),
    );
    renderRoute(`/campaigns/${campaign.id}`);
    const overview = within(await screen.findByRole('region', { name: 'Overview' }));
    await user().click(overview.getByRole('button', { name: 'Import contacts' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Import contacts' }));
    await user().upload(
      await dialog.findByLabelText('CSV file'),
      new File(['phone\n+14155550101'], 'one.csv', { type: 'text/csv' }),
    );
    await user().click(await dialog.findByRole('button', { name: 'Import 1 contact' }));
    // The stats now count it: the empty state is gone, the import's result stays.
    await waitFor(() =>
      expect(screen.queryByText('This campaign has no contacts yet.')).not.toBeInTheDocument(),
    );
    expect(dialog.getByLabelText('Import result')).toHaveTextContent('Inserted1');
    await user().click(dialog.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('says it plainly to a key that may only read, with no button', async () => {
    const campaign = makeCampaign({ configuration_id: 'cfg' });
    const api = serve(campaign);
    api.stats = empty(campaign);
    server.use(sessionHandler(makeSession({ scopes: ['campaigns:read'] })));
    renderRoute(`/campaigns/${campaign.id}`);
    const overview = within(await screen.findByRole('region', { name: 'Overview' }));
    expect(overview.getByText('This campaign has no contacts yet.')).toBeInTheDocument();
    expect(overview.queryByRole('button', { name: 'Import contacts' })).not.toBeInTheDocument();
    expect(overview.queryByText(/Import them/)).not.toBeInTheDocument();
  });
});

describe('Close', () => {
  it('is an outlined action set apart from Start and Pause, never the main button', async () => {
    const api = serve(makeCampaign({ status: 'paused', configuration_id: 'cfg' }));
    renderRoute(`/campaigns/${api.campaign.id}`);
    const close = await screen.findByRole('button', { name: 'Close campaign' });
    const start = screen.getByRole('button', { name: 'Start' });
    // Start is the page's main action; Close is outlined red, in a group of its own.
    expect(start).toHaveClass('bg-indigo-700');
    expect(close).toHaveClass('border-red-300');
    expect(close).not.toHaveClass('bg-red-700');
    expect(close.parentElement).not.toContainElement(start);
    expect(close.parentElement).toHaveClass('border-l');
  });
});
