import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeConfiguration, makeSession, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { expectNoAxeViolations } from '../../test/axe';
import { advance, setVisibility, user, withFakeClock } from '../../test/clock';
import type { Campaign } from '../../../contract/schemas';
import type { BatchStats } from '../../../contract/extensions';

withFakeClock();

const config = makeConfiguration({ name: 'Always open', schedule: null });
const BOARD = ['session', 'stats-batch', 'campaign-concurrency'];

const spring = makeCampaign({
  name: 'Spring outreach',
  status: 'active',
  configuration_id: config.id,
  max_concurrent_calls: 5,
});
const renewals = makeCampaign({ name: 'Renewals', status: 'paused', configuration_id: config.id });
const archive = makeCampaign({ name: 'Old archive', status: 'closed' });

function batch(campaign: Campaign, overrides: Partial<BatchStats> = {}): BatchStats {
  return { ...makeStats(campaign.id), answer_rate: null, finishes_at: null, ...overrides };
}

function serve({
  campaigns = [spring, renewals, archive],
  stats = [
    batch(spring, {
      contacts: { total: 200, pending: 100, in_progress: 3, completed: 80, exhausted: 17 },
      answer_rate: 41.256,
      finishes_at: '2026-11-24T15:05:00Z',
    }),
    batch(renewals, {
      status: 'paused',
      contacts: { total: 100, pending: 10, in_progress: 0, completed: 85, exhausted: 5 },
      answer_rate: 62.5,
    }),
  ],
  extensions = BOARD,
}: { campaigns?: Campaign[]; stats?: BatchStats[]; extensions?: string[] } = {}) {
  const seen = { batch: [] as string[][], lists: 0 };
  let current = { campaigns, stats };
  server.use(
    sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/campaigns`, () => {
      seen.lists++;
      return HttpResponse.json({ campaigns: current.campaigns, next_cursor: null });
    }),
    http.get(`${API}/campaign/configurations`, () =>
      HttpResponse.json({ configurations: [config] }),
    ),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 3 }),
    ),
    http.get(`${API}/campaign/stats`, ({ request }) => {
      seen.batch.push(new URL(request.url).searchParams.getAll('campaign_id'));
      return HttpResponse.json({ stats: current.stats });
    }),
  );
  return {
    seen,
    change: (next: Partial<typeof current>) => (current = { ...current, ...next }),
  };
}

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!;
const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getByRole('link').textContent);

describe('Campaign board', () => {
  it('shows live numbers for active and paused campaigns from one request', async () => {
    const { seen } = serve();
    const { container } = renderRoute('/campaigns');
    await screen.findByText(/^Live · updated \d+s ago$/);
    await screen.findByRole('link', { name: 'Spring outreach' });
    expect(seen.batch).toEqual([[spring.id, renewals.id]]);
    const row = within(rowOf('Spring outreach'));
    expect(row.getByText('48%')).toBeInTheDocument();
    expect(row.getByText('/ 5 cap', { exact: false })).toBeInTheDocument();
    expect(rowOf('Spring outreach')).toHaveTextContent('3 / 5 cap');
    expect(row.getByText('41.3%')).toBeInTheDocument();
    // Rounded to ten minutes; the attribute keeps the server's time.
    expect(row.getByText(/^(Mon|Tue|Wed) \d\d:10$/)).toHaveAttribute(
      'datetime',
      '2026-11-24T15:05:00Z',
    );
    const paused = within(rowOf('Renewals'));
    expect(paused.getByText('90%')).toBeInTheDocument();
    // Its badge says it is paused; no chip repeats it.
    expect(paused.getAllByText('Paused')).toHaveLength(1);
    expect(paused.getByText('No estimate')).toBeInTheDocument();
    expect(within(rowOf('Old archive')).getAllByText('Closed: no live numbers')).toHaveLength(4);
    for (const header of ['Progress', 'In flight', 'Answer rate', 'Finishes']) {
      expect(screen.getByRole('columnheader', { name: header })).toBeInTheDocument();
    }
    await expectNoAxeViolations(container);
  });

  it('holds the rows until their first live numbers, so nothing moves when they arrive', async () => {
    serve();
    let answer: (() => void) | undefined;
    server.use(
      http.get(`${API}/campaign/stats`, async () => {
        await new Promise<void>((resolve) => (answer = resolve));
        return HttpResponse.json({
          stats: [batch(spring, { answer_rate: 41.256 }), batch(renewals, { status: 'paused' })],
        });
      }),
    );
    renderRoute('/campaigns');
    await screen.findByText('Loading live numbers…');
    // The request is on its way; the server holds its answer.
    await waitFor(() => expect(answer).toBeTypeOf('function'));
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('link', { name: 'Spring outreach' })).not.toBeInTheDocument();
    expect(screen.queryByText(/^Showing/)).not.toBeInTheDocument();
    answer!();
    expect(await screen.findByRole('link', { name: 'Spring outreach' })).toBeInTheDocument();
    expect(within(rowOf('Spring outreach')).getByText('41.3%')).toBeInTheDocument();
    expect(screen.getByText('Showing 3 campaigns')).toBeInTheDocument();
  });

  it('shows the rows without numbers when the first live numbers fail', async () => {
    serve();
    server.use(
      http.get(`${API}/campaign/stats`, () =>
        HttpResponse.json({ detail: 'Stats are down' }, { status: 503 }),
      ),
    );
    renderRoute('/campaigns');
    expect(await screen.findByRole('link', { name: 'Spring outreach' })).toBeInTheDocument();
    expect(screen.getByText(/^Live numbers could not be loaded/)).toBeInTheDocument();
  });

  it('polls once per 5 s while visible and an active campaign is on screen, never hidden', async () => {
    const { seen } = serve();
    renderRoute('/campaigns');
    await screen.findByText(/^Live/);
    expect(seen.batch).toHaveLength(1);
    await advance(5_000);
    expect(seen.batch).toHaveLength(2);
    await advance(10_000);
    expect(seen.batch).toHaveLength(4);
    setVisibility('hidden');
    await advance(30_000);
    expect(seen.batch).toHaveLength(4);
    expect(screen.getByText(/^Paused while the tab is hidden/)).toBeInTheDocument();
    setVisibility('visible');
    await waitFor(() => expect(seen.batch).toHaveLength(5));
  });

  it('fetches paused campaigns once and does not poll them', async () => {
    const { seen } = serve({
      campaigns: [renewals],
      stats: [batch(renewals, { status: 'paused' })],
    });
    renderRoute('/campaigns');
    await screen.findByText(/^Not live: no active campaign on screen/);
    await advance(30_000);
    expect(seen.batch).toHaveLength(1);
  });

  it('refreshes the list when a poll says someone else paused a campaign', async () => {
    const { seen, change } = serve();
    renderRoute('/campaigns');
    await screen.findByText(/^Live/);
    expect(seen.lists).toBe(1);
    const nowPaused = { ...spring, status: 'paused' as const };
    change({
      campaigns: [nowPaused, renewals, archive],
      stats: [batch(spring, { status: 'paused' }), batch(renewals, { status: 'paused' })],
    });
    await advance(5_000);
    await waitFor(() => expect(seen.lists).toBe(2));
    await waitFor(() =>
      expect(within(rowOf('Spring outreach')).getAllByText('Paused')).not.toHaveLength(0),
    );
  });

  it('sorts by a live column from its header, keeping the order in the URL', async () => {
    serve();
    const { router } = renderRoute('/campaigns');
    await screen.findByRole('link', { name: 'Spring outreach' });
    expect(names()).toEqual(['Spring outreach', 'Renewals', 'Old archive']);
    const u = user();
    await u.click(screen.getByRole('button', { name: 'Progress' }));
    await waitFor(() => expect(names()).toEqual(['Renewals', 'Spring outreach', 'Old archive']));
    expect(screen.getByRole('columnheader', { name: 'Progress' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(router.state.location.search).toBe('?sort=progress&order=desc');
    await u.click(screen.getByRole('button', { name: 'Progress' }));
    await waitFor(() => expect(names()).toEqual(['Spring outreach', 'Renewals', 'Old archive']));
    expect(screen.getByRole('columnheader', { name: 'Progress' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await u.click(screen.getByRole('button', { name: 'Answer rate' }));
    await waitFor(() => expect(names()).toEqual(['Renewals', 'Spring outreach', 'Old archive']));
    await u.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(names()).toEqual(['Old archive', 'Renewals', 'Spring outreach']));
  });

  it('opens in the order the URL holds', async () => {
    serve();
    renderRoute('/campaigns?sort=in_flight&order=desc');
    await screen.findByRole('link', { name: 'Spring outreach' });
    expect(names()).toEqual(['Spring outreach', 'Renewals', 'Old archive']);
    expect(screen.getByRole('columnheader', { name: 'In flight' })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  it('is the plain list, without a stats request, on a server without the extension', async () => {
    serve({ extensions: ['session'] });
    renderRoute('/campaigns');
    await screen.findByRole('link', { name: 'Spring outreach' });
    expect(screen.queryByRole('columnheader', { name: 'Progress' })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'External ID' })).toBeInTheDocument();
    expect(screen.queryByText(/^Live/)).not.toBeInTheDocument();
  });

  it('shows conversions, spend, the finish range and totals where offered, and filters finished campaigns', async () => {
    const withGoal = { ...spring, goal: { results: ['next_step.action:book_demo'] } };
    const lists: URL[] = [];
    serve({
      campaigns: [withGoal, renewals],
      extensions: [...BOARD, 'goal', 'cost', 'finished'],
      stats: [
        batch(withGoal, {
          contacts: { total: 200, pending: 100, in_progress: 3, completed: 80, exhausted: 17 },
          active_calls: 10,
          concurrency_limit: 10,
          answer_rate: 41.256,
          conversion_rate: 12.5,
          cost: { currency: 'USD', total: 1234.5 },
          ended_calls: 300,
          finishes_at: '2026-11-24T15:05:00Z',
          finishes_range: { earliest: '2026-11-24T15:05:00Z', latest: '2026-11-24T17:25:00Z' },
        }),
        batch(renewals, {
          status: 'paused',
          contacts: { total: 100, pending: 10, in_progress: 0, completed: 85, exhausted: 5 },
          conversion_rate: null,
          cost: { currency: 'USD', total: 100 },
          ended_calls: 12,
        }),
      ],
    });
    server.use(
      http.get(`${API}/campaign/campaigns`, ({ request }) => {
        lists.push(new URL(request.url));
        return HttpResponse.json({ campaigns: [withGoal, renewals], next_cursor: null });
      }),
    );
    renderRoute('/campaigns');
    await screen.findByText(/^Live · updated \d+s ago$/);
    await screen.findByRole('link', { name: 'Spring outreach' });
    const row = within(rowOf('Spring outreach'));
    expect(row.getByText('12.5%')).toBeInTheDocument();
    expect(row.getByText('$1,234.50')).toBeInTheDocument();
    // 15:05–17:25 rounded to ten minutes, as the Overview rounds it.
    expect(row.getByText(/^(Mon|Tue|Wed) \d\d:10–\d\d:30$/)).toBeInTheDocument();
    // Holding every line of the org is not the same as waiting for one.
    expect(row.getByText("Holding 3 of the org's 10 lines")).toBeInTheDocument();
    const paused = within(rowOf('Renewals'));
    expect(paused.getByText('No goal set')).toBeInTheDocument();
    expect(paused.getByText('Not enough calls yet')).toBeInTheDocument();
    for (const header of ['Conversion', 'Spend'])
      expect(screen.getByRole('columnheader', { name: header })).toBeInTheDocument();
    expect(screen.getByTestId('board-totals')).toHaveTextContent(
      'Totals on screen: 3 in flight · 110 pending · $1,334.50 spent',
    );
    await user().selectOptions(screen.getByLabelText('Finished'), 'Finished: nothing left to call');
    await waitFor(() => expect(lists.at(-1)?.searchParams.get('finished')).toBe('true'));
  });

  it("keeps to the contract's row where a server sends nothing beyond it", async () => {
    serve({
      extensions: [...BOARD, 'goal', 'cost'],
      stats: [
        // No cost, ended_calls or finishes_range: the contract's row, goal round included.
        batch(spring, { conversion_rate: 12.5, finishes_at: '2026-11-24T15:05:00Z' }),
        batch(renewals, { status: 'paused', conversion_rate: null, cost: null }),
      ],
    });
    renderRoute('/campaigns');
    await screen.findByText(/^Live · updated \d+s ago$/);
    await screen.findByRole('link', { name: 'Spring outreach' });
    const row = rowOf('Spring outreach');
    expect(row.querySelector('td[data-label="Spend"]')).toHaveTextContent(
      '—Spend not given by this server',
    );
    expect(rowOf('Renewals').querySelector('td[data-label="Spend"]')).toHaveTextContent(
      '—No rate card',
    );
    // Its one finish time, not "not enough calls", with the campaign's zone named.
    const finish = row.querySelector('td[data-label="Finishes"] time');
    expect(finish).toHaveAttribute('datetime', '2026-11-24T15:05:00Z');
    expect(finish).toHaveAttribute('title', config.timezone);
    expect(screen.getByTestId('board-totals')).not.toHaveTextContent('spent');
  });

  it('says who paused a paused campaign and when, from one activity request', async () => {
    const pause = (id: string, campaignId: string, at: string, label: string) => ({
      id,
      at,
      actor: { kind: 'credential', label },
      action: 'campaign.paused',
      campaign_id: campaignId,
      configuration_id: null,
      summary: 'Paused',
      changes: null,
    });
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const asked: URL[] = [];
    // Newest first: the latest pause is the one that holds.
    const events = [
      pause('a3', renewals.id, ago(3_600_000), 'Demo manager key'),
      pause('a2', spring.id, ago(7_200_000), 'Ops key'),
      pause('a1', renewals.id, ago(9_000_000), 'Old key'),
    ];
    const { change } = serve({ extensions: [...BOARD, 'activity'] });
    server.use(
      http.get(`${API}/campaign/activity`, ({ request }) => {
        asked.push(new URL(request.url));
        return HttpResponse.json({ events, next_cursor: null });
      }),
    );
    renderRoute('/campaigns');
    await screen.findByRole('link', { name: 'Renewals' });
    await waitFor(() =>
      expect(rowOf('Renewals')).toHaveTextContent(
        /Paused by Demo manager key · (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d \S+/,
      ),
    );
    expect(within(rowOf('Renewals')).getByText('Demo manager key')).toHaveAttribute(
      'title',
      'Demo manager key',
    );
    // Spring outreach was started again since its pause: it says nothing of it.
    expect(rowOf('Spring outreach')).not.toHaveTextContent('Paused by');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.searchParams.getAll('action')).toEqual(['campaign.paused']);
    expect(asked[0]!.searchParams.has('campaign_id')).toBe(false);

    // Someone else pauses Spring outreach: the poll that says so brings their pause too.
    events.unshift(pause('a4', spring.id, ago(0), 'Night shift key'));
    change({
      campaigns: [{ ...spring, status: 'paused' }, renewals, archive],
      stats: [batch(spring, { status: 'paused' }), batch(renewals, { status: 'paused' })],
    });
    await advance(5_000);
    await waitFor(() =>
      expect(rowOf('Spring outreach')).toHaveTextContent('Paused by Night shift key · '),
    );
    expect(asked).toHaveLength(2);
  });

  it('shows paused rows while the activity has not answered', async () => {
    serve({ extensions: [...BOARD, 'activity'] });
    server.use(http.get(`${API}/campaign/activity`, () => new Promise<never>(() => {})));
    renderRoute('/campaigns');
    await screen.findByRole('link', { name: 'Renewals' });
    expect(within(rowOf('Renewals')).getByText('90%')).toBeInTheDocument();
    expect(rowOf('Renewals')).not.toHaveTextContent('Paused by');
  });

  it('asks no server for finished campaigns unless it offers them', async () => {
    const lists: URL[] = [];
    serve();
    server.use(
      http.get(`${API}/campaign/campaigns`, ({ request }) => {
        lists.push(new URL(request.url));
        return HttpResponse.json({ campaigns: [spring], next_cursor: null });
      }),
    );
    renderRoute('/campaigns?finished=true');
    await screen.findByRole('link', { name: 'Spring outreach' });
    expect(screen.queryByLabelText('Finished')).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Conversion' })).not.toBeInTheDocument();
    expect(lists.map((u) => u.searchParams.has('finished'))).toEqual([false]);
  });
});
