import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import {
  API,
  makeCampaign,
  makeConfiguration,
  makeReport,
  makeSession,
  makeStats,
} from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import type { Campaign } from '../../../contract/schemas';
import type { CampaignTimeline, Forecast, Report } from '../../../contract/extensions';

const configuration = makeConfiguration({ timezone: 'America/New_York', schedule: null });
const zero = { completed: 0, no_answer: 0, busy: 0, voicemail: 0, failed: 0 };
const HOUR = 3_600_000;

function timeline(forecast: Partial<Forecast>): CampaignTimeline {
  const now = Date.now();
  const at = (msAgo: number) => new Date(Math.floor((now - msAgo) / 60_000) * 60_000).toISOString();
  return {
    bucket_seconds: 60,
    from: at(6 * HOUR),
    to: at(0),
    points: [
      // Two hours ago: not in the last hour's figure.
      {
        at: at(2 * HOUR),
        started: 14,
        ended: { ...zero, completed: 5, no_answer: 9 },
        active_calls_max: 3,
      },
      {
        at: at(20 * 60_000),
        started: 4,
        ended: { ...zero, completed: 3, busy: 1 },
        active_calls_max: 6,
      },
    ],
    forecast: {
      rate_per_hour: 120,
      remaining: 65,
      finishes_at: null,
      basis: 'last 30 minutes',
      ...forecast,
    },
  };
}

function serve(
  campaign: Campaign,
  {
    extensions,
    report = makeReport(campaign.id),
    forecast = {},
  }: { extensions: string[] | null; report?: Report; forecast?: Partial<Forecast> },
) {
  const asked: string[] = [];
  server.use(
    extensions === null
      ? http.get(`${API}/campaign/session`, () =>
          HttpResponse.json({ detail: 'Not Found' }, { status: 404 }),
        )
      : sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id, { status: campaign.status })),
    ),
    http.get(`${API}/campaign/campaigns/:id/report`, ({ request }) => {
      asked.push(new URL(request.url).pathname);
      return HttpResponse.json(report);
    }),
    http.get(`${API}/campaign/campaigns/:id/timeline`, () => HttpResponse.json(timeline(forecast))),
    http.get(`${API}/campaign/configurations/:id`, () => HttpResponse.json(configuration)),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
  );
  return asked;
}

const campaign = makeCampaign({
  status: 'active',
  configuration_id: configuration.id,
  max_concurrent_calls: 8,
});
const ALL = ['session', 'report', 'timeline', 'goal', 'cost'];

/** A key number's name, value and counts, as one line of text. */
async function keyNumber(name: string) {
  const region = await screen.findByRole('region', { name: 'Key numbers' });
  const term = await within(region).findByText(name);
  return term.parentElement!.textContent;
}

describe('Key numbers on the Overview', () => {
  it('lead with the answer rate, conversions, progress, calls in flight, the finish range and spend, each with its counts', async () => {
    const earliest = Date.now() + 2 * HOUR;
    serve(campaign, {
      extensions: ALL,
      report: makeReport(campaign.id, {
        goal: {
          results: ['next_step.action:book_demo'],
          conversions: 200,
          conversion_rate: 33.33,
          answered: 600,
        },
        cost: { currency: 'USD', total: 1234.5, per_completed_contact: 3, per_conversion: 6.17 },
      }),
      forecast: {
        ended_calls: 1496,
        finishes_range: {
          earliest: new Date(earliest).toISOString(),
          latest: new Date(earliest + 3 * HOUR).toISOString(),
        },
      },
    });
    renderRoute(`/campaigns/${campaign.id}`);
    expect(await keyNumber('Answer rate')).toBe(
      'Answer rate41.2%600 answered of 1,496 ended callsLast hour: 75.0% of 4',
    );
    expect(await keyNumber('Conversions')).toBe('Conversions20033.3% of 600 answered contacts');
    const region = screen.getByRole('region', { name: 'Key numbers' });
    expect(within(region).getByRole('link', { name: '200' })).toHaveAttribute(
      'href',
      `/campaigns/${campaign.id}/contacts?result=next_step.action%3Abook_demo`,
    );
    // The calls completed over the timeline's last hour (not the 5 of two hours ago).
    expect(await keyNumber('Finished contacts')).toBe(
      'Finished contacts3530 completed, 65 of 100 remainingLast hour: +3 completed',
    );
    expect(await keyNumber('Calls in flight')).toBe(
      'Calls in flight5 / 8Campaign cap 8 · org 5 of 10',
    );
    expect(await keyNumber('Estimated finish')).toMatch(
      /^Estimated finish\w{3} \d\d:\d0–(\w{3} )?\d\d:\d0E[SD]T \(America\/New_York\), from the last 30 min and 3 h$/,
    );
    expect(await keyNumber('Spend so far')).toBe(
      'Spend so far$1,234.50$3.00 per completed contact$6.17 per conversion',
    );
  });

  it('say "not enough calls yet" below 20 ended calls rather than guess a finish', async () => {
    serve(campaign, {
      extensions: ALL,
      forecast: { ended_calls: 19, finishes_at: new Date(Date.now() + HOUR).toISOString() },
    });
    renderRoute(`/campaigns/${campaign.id}`);
    expect(await keyNumber('Estimated finish')).toBe(
      'Estimated finishNot enough calls yet65 contacts left',
    );
    // No goal and no rate card: neither is shown as a zero.
    expect(screen.queryByText('Conversions')).not.toBeInTheDocument();
    expect(screen.queryByText('Spend so far')).not.toBeInTheDocument();
  });

  it('show only what the stats snapshot has against a contract-only server, and ask for no report', async () => {
    const asked = serve(campaign, { extensions: null });
    renderRoute(`/campaigns/${campaign.id}`);
    expect(await keyNumber('Finished contacts')).toBe(
      'Finished contacts3530 completed, 65 of 100 remaining',
    );
    expect(await keyNumber('Calls in flight')).toMatch(/^Calls in flight5/);
    const region = screen.getByRole('region', { name: 'Key numbers' });
    expect(within(region).queryByText(/Answer rate/)).not.toBeInTheDocument();
    expect(within(region).queryByText('Estimated finish')).not.toBeInTheDocument();
    expect(asked).toEqual([]);
  });

  it("keep to the contract where a server sends nothing beyond it: no goal's answered, one finish time", async () => {
    serve(campaign, {
      extensions: ALL,
      report: makeReport(campaign.id, {
        goal: { results: ['next_step.action:book_demo'], conversions: 200, conversion_rate: 33.33 },
      }),
      // No ended_calls or finishes_range: the contract's forecast.
      forecast: { finishes_at: new Date(Date.now() + 2 * HOUR).toISOString() },
    });
    renderRoute(`/campaigns/${campaign.id}`);
    expect(await keyNumber('Conversions')).toBe('Conversions20033.3% of answered contacts');
    expect(await keyNumber('Estimated finish')).toMatch(
      /^Estimated finish\w{3} \d\d:\d0E[SD]T \(America\/New_York\)$/,
    );
  });

  it('name each rate for what it counts, and call success unknown while nothing is finished', async () => {
    serve(makeCampaign({ ...campaign, status: 'paused' }), {
      extensions: ['session', 'report'],
      report: makeReport(campaign.id, {
        contacts: { total: 1000, reached: 800, completed: 0, exhausted: 0 },
        rates: { answer_rate: 41.22, success_rate: null, reach_rate: 80 },
      }),
    });
    renderRoute(`/campaigns/${campaign.id}`);
    const results = await screen.findByRole('region', { name: 'Results' }, { timeout: 5000 });
    const success = await within(results).findByText('Success rate of finished contacts');
    expect(success.parentElement).toHaveTextContent(
      'Not known yetNo contact is finished yet (1,000 still open)',
    );
    expect(within(results).getByText('Dialled rate').parentElement).toHaveTextContent(
      '80.0%800 of 1,000 contacts had an ended call',
    );
    expect(within(results).getByText('Answer rate').parentElement).toHaveTextContent(
      '41.2%600 answered of 1,496 ended calls',
    );
  });
});
