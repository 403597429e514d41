import { describe, expect, it, vi } from 'vitest';
import { seenSentence } from '../../test/sentence';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import {
  API,
  makeCampaign,
  makeConfiguration,
  makePlan,
  makeSession,
  makeStats,
} from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { expectNoAxeViolations } from '../../test/axe';
import { user, withFakeClock } from '../../test/clock';
import type { Campaign } from '../../../contract/schemas';

withFakeClock();

const configuration = makeConfiguration({
  timezone: 'America/New_York',
  rate_card: { currency: 'USD', per_minute: 0.09, per_call: 0.01 },
});

/** Makes the deadline asked for one that 14 lines meet. */
const plan = (campaignId: string, deadline: string | null) =>
  makePlan(campaignId, {
    deadline: deadline ? { at: deadline, lines_needed: 14, within_org_limit: true } : null,
  });

function serve(campaign: Campaign, extensions: string[]) {
  const state = { campaign, patches: [] as unknown[], deadlines: [] as (string | null)[] };
  server.use(
    sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(state.campaign)),
    http.patch(`${API}/campaign/campaigns/:id`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      state.patches.push(body);
      state.campaign = { ...state.campaign, ...body };
      return HttpResponse.json(state.campaign);
    }),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id, { status: 'active', concurrency_limit: 20 })),
    ),
    http.get(`${API}/campaign/campaigns/:id/plan`, ({ request }) => {
      const deadline = new URL(request.url).searchParams.get('deadline');
      state.deadlines.push(deadline);
      return HttpResponse.json(plan(campaign.id, deadline));
    }),
    http.get(`${API}/campaign/configurations/:id`, () => HttpResponse.json(configuration)),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 20, active_calls: 5 }),
    ),
  );
  return state;
}

describe('Plan panel (ext plan)', () => {
  // A whole journey with an axe scan: more than the default 5 s on a busy machine.
  it('answers a deadline picked in the campaign’s zone and sets the cap to the answer', async () => {
    vi.setSystemTime(new Date('2026-11-25T15:00:00Z'));
    const campaign = makeCampaign({ configuration_id: configuration.id, max_concurrent_calls: 10 });
    const state = serve(campaign, ['session', 'plan', 'campaign-concurrency']);
    const { container, router } = renderRoute(`/campaigns/${campaign.id}`);
    const panel = await screen.findByRole('region', { name: 'Plan' });
    expect(
      await within(panel).findByText(seenSentence("Today's 10 lines finish by Mon 11:20 EST.")),
    ).toBeInTheDocument();

    const u = user();
    const field = within(panel).getByLabelText('Deadline (America/New_York)');
    await u.type(field, '2026-11-27T17:00');
    await u.click(within(panel).getByRole('button', { name: 'Plan' }));
    expect(
      await within(panel).findByText(
        seenSentence("14 lines finish by Fri 16:40 EST; today's 10 finish Mon 11:20 EST."),
      ),
    ).toBeInTheDocument();
    // 17:00 in New York, sent as UTC and kept in the URL.
    expect(state.deadlines.at(-1)).toBe('2026-11-27T22:00:00Z');
    expect(router.state.location.search).toBe('?deadline=2026-11-27T22%3A00%3A00Z');
    // The plan's cost in the currency of the configuration's rate card.
    expect(within(panel).getByText('$812.40').closest('p')).toHaveTextContent(
      'Cost to finish: $812.40',
    );
    await expectNoAxeViolations(container);

    await u.click(within(panel).getByRole('button', { name: 'Set cap to 14' }));
    expect(await within(panel).findByText('Cap set to 14.')).toBeInTheDocument();
    expect(state.patches).toEqual([{ max_concurrent_calls: 14 }]);
    await waitFor(() =>
      expect(within(panel).queryByRole('button', { name: /Set cap/ })).not.toBeInTheDocument(),
    );
  }, 20_000);

  it('keeps a deadline in the past where it was typed and says why', async () => {
    vi.setSystemTime(new Date('2026-11-25T15:00:00Z'));
    const campaign = makeCampaign({ configuration_id: configuration.id });
    serve(campaign, ['session', 'plan']);
    renderRoute(`/campaigns/${campaign.id}`);
    const panel = await screen.findByRole('region', { name: 'Plan' });
    const u = user();
    const field = within(panel).getByLabelText('Deadline (America/New_York)');
    await u.type(field, '2026-11-20T17:00');
    await u.click(within(panel).getByRole('button', { name: 'Plan' }));
    expect(await within(panel).findByText('Pick a time in the future')).toBeInTheDocument();
    expect(field).toHaveValue('2026-11-20T17:00');
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('offers no cap to a key that may only read, and is absent without the extension', async () => {
    vi.setSystemTime(new Date('2026-11-25T15:00:00Z'));
    const campaign = makeCampaign({ configuration_id: configuration.id });
    serve(campaign, ['session', 'plan', 'campaign-concurrency']);
    server.use(
      sessionHandler(
        makeSession({
          scopes: ['campaigns:read'],
          extensions: ['session', 'plan', 'campaign-concurrency'],
        }),
      ),
    );
    renderRoute(`/campaigns/${campaign.id}?deadline=2026-11-27T22:00:00Z`);
    const panel = await screen.findByRole('region', { name: 'Plan' });
    expect(
      await within(panel).findByText(seenSentence(/^14 lines finish by Fri 16:40 EST;/)),
    ).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: /Set cap/ })).not.toBeInTheDocument();
  });

  it('says nothing of cost when the plan has none (no rate card)', async () => {
    vi.setSystemTime(new Date('2026-11-25T15:00:00Z'));
    const campaign = makeCampaign({ configuration_id: configuration.id });
    serve(campaign, ['session', 'plan']);
    server.use(
      http.get(`${API}/campaign/campaigns/:id/plan`, () =>
        HttpResponse.json({ ...plan(campaign.id, null), cost_to_finish: null }),
      ),
    );
    renderRoute(`/campaigns/${campaign.id}`);
    const panel = await screen.findByRole('region', { name: 'Plan' });
    expect(await within(panel).findByText(/^Today's 10 lines finish by/)).toBeInTheDocument();
    expect(within(panel).queryByText(/Cost to finish/)).not.toBeInTheDocument();
  });

  it('is not there when the server does not plan', async () => {
    const campaign = makeCampaign({ configuration_id: configuration.id });
    serve(campaign, ['session']);
    renderRoute(`/campaigns/${campaign.id}`);
    expect(await screen.findByRole('region', { name: 'Contacts' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Plan' })).not.toBeInTheDocument();
  });
});
