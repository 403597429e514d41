import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeSession, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { expectNoAxeViolations } from '../../test/axe';
import { advance, setVisibility, withFakeClock } from '../../test/clock';
import type { BatchStats } from '../../../contract/extensions';

/**
 * Two active campaigns, one capped, and the org's numbers. Only the stats routes the test
 * names are served: any other stats request is unhandled, so it fails the test.
 */
function serve(extensions: string[], stats: 'batch' | 'single') {
  const spring = makeCampaign({ name: 'Spring outreach', max_concurrent_calls: 5 });
  const summer = makeCampaign({ name: 'Summer renewals', max_concurrent_calls: null });
  const inProgress = { [spring.id]: 3, [summer.id]: 7 };
  const snapshot = (id: string) =>
    makeStats(id, {
      contacts: {
        total: 50,
        pending: 20,
        in_progress: inProgress[id]!,
        completed: 20,
        exhausted: 0,
      },
      active_calls: 10,
      concurrency_limit: 12,
    });
  const calls = { batch: [] as string[][], single: 0 };
  server.use(
    sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 12, active_calls: 10 }),
    ),
    http.get(`${API}/campaign/campaigns`, () =>
      HttpResponse.json({ campaigns: [spring, summer], next_cursor: null }),
    ),
    stats === 'batch'
      ? http.get(`${API}/campaign/stats`, ({ request }) => {
          const ids = new URL(request.url).searchParams.getAll('campaign_id');
          calls.batch.push(ids);
          const answer: BatchStats[] = ids.map((id) => ({
            ...snapshot(id),
            answer_rate: 40,
            finishes_at: null,
          }));
          return HttpResponse.json({ stats: answer });
        })
      : http.get(`${API}/campaign/campaigns/:id/stats`, ({ params }) => {
          calls.single++;
          return HttpResponse.json(snapshot(String(params.id)));
        }),
  );
  return { spring, summer, calls, inProgress };
}

const rowOf = async (name: string) =>
  (await screen.findByRole('link', { name })).closest('tr') as HTMLElement;

withFakeClock();

describe('Settings: calls in flight per active campaign', () => {
  it('with stats-batch, asks for all of them in one request every 5 s, and none while the tab is hidden', async () => {
    const api = serve(['session', 'stats-batch', 'campaign-concurrency'], 'batch');
    const { container } = renderRoute('/settings');
    const table = await screen.findByRole('table', {
      name: 'Active campaigns and their calls in flight',
    });
    expect(
      within(table).getByRole('columnheader', { name: 'Calls in flight' }),
    ).toBeInTheDocument();
    expect(await rowOf('Spring outreach')).toHaveTextContent('3 / 5 cap');
    expect(await rowOf('Summer renewals')).toHaveTextContent('7, no cap');
    expect(api.calls.batch).toEqual([[api.spring.id, api.summer.id]]);
    await expectNoAxeViolations(container);

    api.inProgress[api.spring.id] = 5;
    await advance(5000);
    expect(api.calls.batch).toHaveLength(2);
    expect(await rowOf('Spring outreach')).toHaveTextContent('5 / 5 cap');
    await advance(10_000);
    expect(api.calls.batch).toHaveLength(4);

    setVisibility('hidden');
    await advance(30_000);
    expect(api.calls.batch).toHaveLength(4);
    setVisibility('visible');
    await advance(10);
    expect(api.calls.batch).toHaveLength(5);
  });

  it('without stats-batch, falls back to one stats request per campaign every 5 s', async () => {
    const api = serve(['session', 'campaign-concurrency'], 'single');
    renderRoute('/settings');
    expect(await rowOf('Spring outreach')).toHaveTextContent('3 / 5 cap');
    expect(await rowOf('Summer renewals')).toHaveTextContent('7, no cap');
    expect(api.calls.single).toBe(2);
    await advance(5000);
    expect(api.calls.single).toBe(4);
    setVisibility('hidden');
    await advance(30_000);
    expect(api.calls.single).toBe(4);
  });

  it('without campaign-concurrency, shows the calls in flight and no cap', async () => {
    serve(['session', 'stats-batch'], 'batch');
    renderRoute('/settings');
    const spring = await rowOf('Spring outreach');
    await within(spring).findByText('3');
    expect(spring).not.toHaveTextContent('cap');
    expect(await rowOf('Summer renewals')).not.toHaveTextContent('cap');
  });
});
