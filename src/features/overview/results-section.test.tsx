import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
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
import { captureDownloads } from '../../test/downloads';
import type { Campaign } from '../../../contract/schemas';
import type { Report } from '../../../contract/extensions';

function serve(campaign: Campaign, report: Report | null, extensions = ['session', 'report']) {
  const reports: URL[] = [];
  server.use(
    sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id, { status: campaign.status })),
    ),
    http.get(`${API}/campaign/campaigns/:id/report`, ({ request }) => {
      reports.push(new URL(request.url));
      return HttpResponse.json(report);
    }),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts`, () =>
      HttpResponse.json({ contacts: [makeContact(campaign.id)], total: 1, limit: 50, offset: 0 }),
    ),
  );
  return reports;
}

/** The Results region once its report has loaded. */
async function results() {
  const region = () => screen.getByRole('region', { name: 'Results' });
  // The section's code loads on demand, which the first test of a run waits for.
  await waitFor(() => expect(region()).not.toHaveAttribute('aria-busy'), { timeout: 5000 });
  return within(region());
}

describe('Results on the Overview', () => {
  it('shows outcomes, rates with their definitions, talk time and what each attempt adds', async () => {
    const campaign = makeCampaign({ status: 'paused' });
    serve(campaign, makeReport(campaign.id));
    renderRoute(`/campaigns/${campaign.id}`);
    const section = await results();
    const outcomes = within(section.getByRole('table', { name: 'Ended calls by outcome' }));
    const busy = within(outcomes.getByRole('row', { name: /^Busy/ }));
    expect(busy.getByRole('cell', { name: '80' })).toBeInTheDocument();
    expect(busy.getByRole('cell', { name: '5.3%' })).toBeInTheDocument();
    expect(
      busy.getByRole('link', { name: 'Show contacts whose last call was Busy' }),
    ).toHaveAttribute('href', `/campaigns/${campaign.id}/contacts?last_status=busy`);
    expect(section.getByRole('link', { name: 'Never called 200' })).toHaveAttribute(
      'href',
      `/campaigns/${campaign.id}/contacts?last_status=none`,
    );
    expect(section.getByText('1,496 calls ended, 4 in progress.')).toBeInTheDocument();

    expect(section.getByText('41.2%')).toBeInTheDocument();
    expect(section.getByText('80.5%')).toBeInTheDocument();
    const definition = section.getByText(/Completed calls out of every ended call/);
    expect(definition).not.toBeVisible();
    await userEvent.click(section.getByText('How is the answer rate counted?'));
    expect(definition).toBeVisible();
    expect(section.getByText('25h 0m in all')).toBeInTheDocument();
    expect(section.getByText('2m 30s')).toBeInTheDocument();
    expect(section.getByRole('link', { name: 'Completed 412' })).toHaveAttribute(
      'href',
      `/campaigns/${campaign.id}/contacts?status=completed`,
    );

    const retries = within(
      section.getByRole('table', { name: 'Ended and completed calls by attempt number' }),
    );
    expect(retries.getByRole('row', { name: /^Attempt 2 500/ })).toHaveTextContent('22%');
    expect(retries.getByRole('link', { name: /^Attempt 2 completed 112/ })).toHaveAttribute(
      'href',
      `/campaigns/${campaign.id}/contacts?last_status=completed&attempts=2`,
    );
  });

  it('rolls up each kind of evaluation value: yes/no with a share, numbers, top strings', async () => {
    const campaign = makeCampaign({ status: 'paused' });
    serve(campaign, makeReport(campaign.id));
    renderRoute(`/campaigns/${campaign.id}`);
    const rollup = within((await results()).getByRole('region', { name: 'Evaluation results' }));
    const qualification = within(rollup.getByRole('region', { name: 'Qualification' }));
    expect(qualification.getByRole('img', { name: 'Interested: 73% yes' })).toBeInTheDocument();
    expect(qualification.getByRole('link', { name: 'Interested: Yes 300' })).toHaveAttribute(
      'href',
      `/campaigns/${campaign.id}/contacts?result=qualification.interested%3Atrue`,
    );
    expect(qualification.getByRole('link', { name: 'Interested: No 112' })).toBeInTheDocument();
    const quality = within(rollup.getByRole('region', { name: 'Quality' }));
    expect(quality.getByRole('listitem')).toHaveTextContent(
      'Score mean 7.1, from 2 to 10 (412 contacts)',
    );
    const next = within(rollup.getByRole('region', { name: 'Next step' }));
    expect(next.getByRole('link', { name: 'Action: Send pricing 212' })).toHaveAttribute(
      'href',
      `/campaigns/${campaign.id}/contacts?result=next_step.action%3Asend_pricing`,
    );
    expect(next.getByText('(51%)')).toBeInTheDocument();
  });

  it('opens the Contacts tab filtered to the number clicked', async () => {
    const campaign = makeCampaign({ status: 'paused' });
    serve(campaign, makeReport(campaign.id), ['session', 'report', 'contact-filters']);
    const { router } = renderRoute(`/campaigns/${campaign.id}`);
    await userEvent.click((await results()).getByRole('link', { name: 'Interested: Yes 300' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/campaigns/${campaign.id}/contacts`),
    );
    expect(new URLSearchParams(router.state.location.search).getAll('result')).toEqual([
      'qualification.interested:true',
    ]);
  });

  it('says what is missing for a campaign without contacts, and for one where nothing ended', async () => {
    const empty = makeCampaign({ status: 'paused' });
    serve(
      empty,
      makeReport(empty.id, {
        contacts: { total: 0, reached: 0, completed: 0, exhausted: 0 },
        by_attempt_number: [],
        results: [],
      }),
    );
    const { unmount } = renderRoute(`/campaigns/${empty.id}`);
    expect(
      (await results()).getByText(
        'No contacts yet: results appear once contacts are imported and called.',
      ),
    ).toBeInTheDocument();
    unmount();

    const pending = makeCampaign({ status: 'paused' });
    serve(
      pending,
      makeReport(pending.id, {
        started_at: null,
        contacts: { total: 100, reached: 0, completed: 0, exhausted: 0 },
        attempts: {
          total: 0,
          in_progress: 0,
          by_status: { completed: 0, no_answer: 0, busy: 0, voicemail: 0, failed: 0 },
        },
        rates: { answer_rate: null, success_rate: null, reach_rate: 0 },
        talk_time: { total_seconds: 0, average_seconds: null },
        by_attempt_number: [],
        results: [],
      }),
    );
    renderRoute(`/campaigns/${pending.id}`);
    const section = await results();
    expect(section.getByText('No call has ended yet.')).toBeInTheDocument();
    expect(section.getByText(/No evaluation results yet/)).toBeInTheDocument();
    expect(section.getAllByText('—').length).toBeGreaterThanOrEqual(3);
    expect(section.getAllByText('Not yet', { selector: 'dd' })).toHaveLength(2);
    expect(section.getByRole('link', { name: 'Never called 100' })).toBeInTheDocument();
    expect(
      section.queryByRole('img', { name: /Bar chart of ended calls/ }),
    ).not.toBeInTheDocument();
  });

  it('is absent, and never asked for, when the server does not list the report', async () => {
    const campaign = makeCampaign({ status: 'paused' });
    const reports = serve(campaign, makeReport(campaign.id), ['session']);
    renderRoute(`/campaigns/${campaign.id}`);
    await screen.findByRole('region', { name: 'Contacts' });
    expect(screen.queryByRole('heading', { name: 'Results' })).not.toBeInTheDocument();
    expect(reports).toEqual([]);
  });

  it('offers to redial the exhausted contacts, with a confirmation that counts them', async () => {
    const campaign = makeCampaign({ status: 'paused' });
    serve(campaign, makeReport(campaign.id), ['session', 'report', 'requeue']);
    const requeues: unknown[] = [];
    server.use(
      http.post(`${API}/campaign/campaigns/:id/contacts/requeue`, async ({ request }) => {
        requeues.push(await request.json());
        return HttpResponse.json({ requeued: 100 });
      }),
    );
    renderRoute(`/campaigns/${campaign.id}`);
    const section = await results();
    await userEvent.click(
      section.getByRole('button', { name: 'Call exhausted contacts again (100)' }),
    );
    const dialog = within(screen.getByRole('dialog', { name: 'Call 100 contacts again?' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Call 100 contacts again' }));
    await waitFor(() => expect(requeues).toEqual([{ status: ['exhausted'] }]));
  });

  it('downloads the results as one CSV of the figures shown, and prints the page', async () => {
    const campaign = makeCampaign({ status: 'paused', name: 'Spring outreach' });
    serve(
      campaign,
      makeReport(campaign.id, {
        goal: {
          results: ['qualification.interested:true'],
          conversions: 300,
          conversion_rate: 72.82,
        },
        cost: { currency: 'USD', total: 412.5, per_completed_contact: 1, per_conversion: 1.38 },
      }),
    );
    const downloads = captureDownloads();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = userEvent.setup();
    renderRoute(`/campaigns/${campaign.id}`);
    const section = await results();
    await user.click(section.getByRole('button', { name: 'Download report (CSV)' }));
    expect(
      await section.findByText('Saved the report as spring-outreach-report-2026-11-22.csv.'),
    ).toBeInTheDocument();
    const lines = (await downloads.text()).split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'section,metric,value',
      'report,campaign,Spring outreach',
      `report,campaign_id,${campaign.id}`,
      'report,filters,none',
      'report,generated_at,2026-11-22T12:00:00Z',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'contacts,total,1000',
        'outcomes,busy,80',
        'rates,answer_rate,41.22',
        'rates,success_rate,80.47',
        'talk_time,total_seconds,90000',
        'by_attempt_number,2.completed,112',
        'results,qualification.interested.true,300',
        'results,quality.score.mean,7.14',
        'results,next_step.action=send_pricing,212',
        'goal,results,qualification.interested:true',
        'goal,conversion_rate,72.82',
        'cost,currency,USD',
        'cost,total,412.5',
        'cost,per_conversion,1.38',
      ]),
    );
    // The same answer as on screen: 41.22 shows as 41.2%.
    expect(section.getByText('41.2%')).toBeInTheDocument();
    await user.click(section.getByRole('button', { name: 'Print / Save as PDF' }));
    expect(print).toHaveBeenCalledOnce();
    print.mockRestore();
  });
});
