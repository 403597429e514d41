import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider, type UseQueryResult } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { http, HttpResponse } from 'msw';
import type { CampaignTimeline } from '../../../contract/extensions';
import { reportQueries } from '../../api/reports';
import { AccessContext } from '../../api/session';
import { API, makeCampaign, makeReport, makeSession, makeStats } from '../../test/fixtures';
import { recordCommits, statesOf } from '../../test/commits';
import { createTestQueryClient } from '../../test/render';
import { server } from '../../test/server';
import HistoryPanel from './history-panel';
import { OverviewTab } from './overview-tab';
import ResultsSection from './results-section';

/** What each commit showed, and whether the answer was in by then. */
const commits = (shown: () => boolean, answered: () => boolean) =>
  recordCommits(() => `${answered() ? 'answered' : 'asked'}, ${shown() ? 'shown' : 'placeholder'}`);

const timeline = (data?: CampaignTimeline) =>
  ({
    data,
    isError: false,
    isFetching: !data,
    dataUpdatedAt: data ? Date.now() : 0,
  }) as UseQueryResult<CampaignTimeline>;

describe('charts render in a background pass', () => {
  it("the history's answer shows after a commit that still has the placeholder", async () => {
    const answer: { current?: CampaignTimeline } = {};
    const { seen, Recorder } = commits(
      () => screen.queryByText(/Calls ended per minute/) !== null,
      () => answer.current !== undefined,
    );
    const panel = () => (
      <Recorder>
        <HistoryPanel
          timeline={timeline(answer.current)}
          range="1h"
          onRangeChange={() => {}}
          limit={10}
          limitLabel="The org limit"
        />
      </Recorder>
    );
    const { rerender } = render(panel());
    answer.current = {
      bucket_seconds: 60,
      from: '2026-11-30T09:00:00Z',
      to: '2026-11-30T10:00:00Z',
      points: [],
      forecast: { rate_per_hour: 0, remaining: 0, finishes_at: null, basis: 'no calls yet' },
    };
    rerender(panel());
    expect(await screen.findByText(/Calls ended per minute/)).toBeInTheDocument();
    expect(statesOf(seen)).toEqual([
      'asked, placeholder',
      'answered, placeholder',
      'answered, shown',
    ]);
  });

  it("the report's panels show after a commit that still has the placeholder", async () => {
    const campaign = makeCampaign({ status: 'paused' });
    server.use(
      http.get(`${API}/campaign/campaigns/:id/report`, () =>
        HttpResponse.json(makeReport(campaign.id)),
      ),
    );
    const queryClient = createTestQueryClient();
    const { seen, Recorder } = commits(
      () => screen.queryByRole('table', { name: 'Ended calls by outcome' }) !== null,
      () => queryClient.getQueryData(reportQueries.campaign(campaign.id).queryKey) !== undefined,
    );
    render(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>
          <Recorder>
            <ResultsSection campaign={campaign} live={false} />
          </Recorder>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    await waitFor(() =>
      expect(screen.getByRole('table', { name: 'Ended calls by outcome' })).toBeInTheDocument(),
    );
    expect(statesOf(seen)).toEqual([
      'asked, placeholder',
      'answered, placeholder',
      'answered, shown',
    ]);
  });
});

describe('answers render in a background pass', () => {
  it("the Overview's key numbers show a report after a commit that still lacks it", async () => {
    const campaign = makeCampaign({ status: 'paused', configuration_id: null });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    server.use(
      http.get(`${API}/campaign/campaigns/:id/stats`, () =>
        HttpResponse.json(makeStats(campaign.id, { status: 'paused' })),
      ),
      http.get(`${API}/campaign/campaigns/:id/report`, async () => {
        await held;
        return HttpResponse.json(makeReport(campaign.id));
      }),
    );
    const queryClient = createTestQueryClient();
    const { seen, Recorder } = commits(
      () => screen.queryByTestId('key-answer-rate') !== null,
      () => queryClient.getQueryData(reportQueries.campaign(campaign.id).queryKey) !== undefined,
    );
    render(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>
          <AccessContext
            value={{
              session: makeSession({ extensions: ['session', 'report'] }),
              refused: {},
              checking: false,
            }}
          >
            <Recorder>
              <OverviewTab campaign={campaign} />
            </Recorder>
          </AccessContext>
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByTestId('key-in-flight')).toBeInTheDocument();
    release();
    expect(await screen.findByTestId('key-answer-rate')).toBeInTheDocument();
    // The report's synchronous update commits without it; the key numbers follow.
    expect(statesOf(seen).slice(-3)).toEqual([
      'asked, placeholder',
      'answered, placeholder',
      'answered, shown',
    ]);
  });
});
