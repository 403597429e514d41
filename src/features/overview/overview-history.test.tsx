import { describe, expect, it } from 'vitest';
import { seenSentence } from '../../test/sentence';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeConfiguration, makeSession, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { expectNoAxeViolations } from '../../test/axe';
import { advance, setVisibility, user, withFakeClock } from '../../test/clock';
import type { Campaign } from '../../../contract/schemas';
import type { CampaignTimeline } from '../../../contract/extensions';

withFakeClock();

const configuration = makeConfiguration({ timezone: 'America/New_York', schedule: null });

function timeline(overrides: Partial<CampaignTimeline> = {}): CampaignTimeline {
  const zero = { completed: 0, no_answer: 0, busy: 0, voicemail: 0, failed: 0 };
  return {
    bucket_seconds: 60,
    from: '2026-11-23T09:00:00Z',
    to: '2026-11-23T15:00:00Z',
    points: [
      {
        at: '2026-11-23T14:58:00Z',
        started: 4,
        ended: { ...zero, completed: 3, no_answer: 1 },
        active_calls_max: 6,
      },
      {
        at: '2026-11-23T14:59:00Z',
        started: 2,
        ended: { ...zero, completed: 2, busy: 1 },
        active_calls_max: 8,
      },
    ],
    forecast: {
      rate_per_hour: 120,
      remaining: 60,
      finishes_at: new Date(Date.now() + 30 * 60_000).toISOString(),
      basis: 'last 30 minutes',
    },
    ...overrides,
  };
}

function serve(campaign: Campaign, { extensions = ['session', 'timeline'], fail = false } = {}) {
  const seen: URL[] = [];
  const state = { fail };
  server.use(
    sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id, { status: campaign.status })),
    ),
    http.get(`${API}/campaign/campaigns/:id/timeline`, ({ request }) => {
      seen.push(new URL(request.url));
      return state.fail
        ? HttpResponse.json({ detail: 'Database busy' }, { status: 503 })
        : HttpResponse.json(timeline());
    }),
    http.get(`${API}/campaign/configurations/:id`, () => HttpResponse.json(configuration)),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
  );
  return { seen, state };
}

const active = makeCampaign({ status: 'active', configuration_id: configuration.id });

describe('Overview history and forecast (timeline extension)', () => {
  it('shows the server forecast and a full history on the first load', async () => {
    const { seen } = serve(active);
    const { container } = renderRoute(`/campaigns/${active.id}`);
    expect(
      await screen.findByText(
        seenSentence(
          /^Finishes \w{3} \d\d:\d0 E[SD]T \(in about \d+m\), at 120 contacts\/hour over the last 30 minutes\.$/,
        ),
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        '7 calls ended in the last 6 hours: 5 completed, 1 no answer, 1 busy.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Peak 8 in the last 6 hours, against the org limit of 10.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Still measuring/)).not.toBeInTheDocument();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.searchParams.get('bucket_seconds')).toBe('60');
    const from = Date.parse(seen[0]!.searchParams.get('from')!);
    expect(Math.round((Date.now() - from) / 3600_000)).toBe(6);
    await expectNoAxeViolations(container);
  });

  it('switches the range from the keyboard and keeps it in the URL', async () => {
    const { seen } = serve(active);
    const { router } = renderRoute(`/campaigns/${active.id}`);
    const sixHours = await screen.findByRole('radio', { name: 'Last 6 hours' });
    expect(sixHours).toBeChecked();
    const u = user();
    await u.click(sixHours);
    await u.keyboard('{ArrowRight}');
    await waitFor(() => expect(router.state.location.search).toBe('?range=24h'));
    expect(screen.getByRole('radio', { name: 'Last 24 hours' })).toHaveFocus();
    await waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]!.searchParams.get('bucket_seconds')).toBe('300');
    expect(await screen.findByText(/in the last 24 hours:/)).toBeInTheDocument();
  });

  it('opens on the range a reload brings back', async () => {
    const { seen } = serve(active);
    renderRoute(`/campaigns/${active.id}?range=7d`);
    expect(await screen.findByRole('radio', { name: 'Last 7 days' })).toBeChecked();
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]!.searchParams.get('bucket_seconds')).toBe('3600');
  });

  it('refreshes the history while live, not while hidden', async () => {
    const { seen } = serve(active);
    renderRoute(`/campaigns/${active.id}`);
    await screen.findByText(/^Finishes/);
    await advance(30_000);
    expect(seen).toHaveLength(2);
    setVisibility('hidden');
    await advance(120_000);
    expect(seen).toHaveLength(2);
  });

  it('says so when the history cannot load, and retries on request', async () => {
    const { seen, state } = serve(active, { fail: true });
    renderRoute(`/campaigns/${active.id}`);
    expect(await screen.findByText('Could not load the history')).toBeInTheDocument();
    expect(screen.getByText('Could not load the estimate: Database busy')).toBeInTheDocument();
    state.fail = false;
    await user().click(screen.getByRole('button', { name: /retry/i }));
    expect(await screen.findByText(/^Finishes/)).toBeInTheDocument();
    expect(seen).toHaveLength(2);
  });

  it('keeps the estimate of this visit on a server without the extension', async () => {
    serve(active, { extensions: ['session'] });
    renderRoute(`/campaigns/${active.id}`);
    expect(await screen.findByText(/^Still measuring/)).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Last 6 hours' })).not.toBeInTheDocument();
  });
});
