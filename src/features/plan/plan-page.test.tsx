import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeConfiguration, makePlan, makeSession } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { expectNoAxeViolations } from '../../test/axe';
import { user, withFakeClock } from '../../test/clock';
import type { OrgPlan, Plan } from '../../../contract/extensions';
import type { Campaign, Configuration } from '../../../contract/schemas';

withFakeClock();

const H = 3_600_000;
const NOW = Date.parse('2026-11-23T15:00:00Z'); // a Monday, 10:00 in New York
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/** A plan whose work takes `hours` line-hours: at L lines it finishes `hours / L` from now. */
function plan(campaignId: string, hours: number, cost: number | null): Plan {
  return makePlan(campaignId, {
    generated_at: iso(NOW),
    remaining: { contacts: 100, attempts_expected: 150 },
    attempts_per_line_hour: 10,
    at_lines: Array.from({ length: 10 }, (_, i) => ({
      lines: i + 1,
      finishes_at: iso(NOW + Math.ceil((hours * H) / (i + 1) / 60_000) * 60_000),
    })),
    cost_to_finish: cost,
  });
}

const usd = makeConfiguration({
  name: 'Priced in dollars',
  timezone: 'America/New_York',
  rate_card: { currency: 'USD', per_minute: 0.09, per_call: 0.01 },
});
const eur = makeConfiguration({
  name: 'Priced in euros',
  timezone: 'Europe/London',
  rate_card: { currency: 'EUR', per_minute: 0.08, per_call: 0.01 },
});

/**
 * Org limit 10. Spring outreach (12 line-hours, deadline in 2 h: needs 6) has no cap,
 * Renewals (4 line-hours, deadline in 2 h: needs 2) a cap of 2, Winback (10 line-hours) no
 * deadline, no cap and no rate card. Today's round-robin split gives them 4, 2 and 4 lines.
 */
function org() {
  const spring = makeCampaign({
    name: 'Spring outreach',
    external_id: 'spring',
    configuration_id: usd.id,
  });
  const renewals = makeCampaign({
    name: 'Renewals',
    external_id: 'renewals',
    configuration_id: eur.id,
    max_concurrent_calls: 2,
  });
  const winback = makeCampaign({ name: 'Winback', external_id: 'winback' });
  return {
    campaigns: [spring, renewals, winback],
    plans: {
      concurrency_limit: 10,
      campaigns: [
        plan(spring.id, 12, 812.4),
        plan(renewals.id, 4, 45.5),
        plan(winback.id, 10, null),
      ],
    } satisfies OrgPlan,
    url:
      `/plan?deadline=${spring.id}@${iso(NOW + 2 * H)}` +
      `&deadline=${renewals.id}@${iso(NOW + 2 * H)}`,
  };
}

function serve(
  campaigns: Campaign[],
  plans: OrgPlan | (() => Response),
  configurations: Configuration[] = [usd, eur],
) {
  const state = { campaigns, patches: [] as { id: string; body: unknown }[] };
  server.use(
    sessionHandler(makeSession({ extensions: ['session', 'plan', 'campaign-concurrency'] })),
    http.get(`${API}/campaign/plan`, () =>
      typeof plans === 'function' ? plans() : HttpResponse.json(plans),
    ),
    http.get(`${API}/campaign/campaigns`, () =>
      HttpResponse.json({ campaigns: state.campaigns, next_cursor: null }),
    ),
    http.patch(`${API}/campaign/campaigns/:id`, async ({ request, params }) => {
      const body = (await request.json()) as Partial<Campaign>;
      const id = params.id as string;
      state.patches.push({ id, body });
      state.campaigns = state.campaigns.map((c) => (c.id === id ? { ...c, ...body } : c));
      return HttpResponse.json(state.campaigns.find((c) => c.id === id));
    }),
    http.get(`${API}/campaign/configurations`, () => HttpResponse.json({ configurations })),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 4 }),
    ),
  );
  return state;
}

const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!;

describe('Plan page (ext plan)', () => {
  it('shows every active campaign against the org limit, who misses today, and applies the proposed caps', async () => {
    vi.setSystemTime(NOW);
    const { campaigns, plans, url } = org();
    const [spring, , winback] = campaigns as [Campaign, Campaign, Campaign];
    const state = serve(campaigns, plans);
    const { container } = renderRoute(url);

    expect(await screen.findByRole('rowheader', { name: 'Spring outreach' })).toBeInTheDocument();
    expect(
      screen.getByText(
        'Deadlines need 8 lines in all against the org limit of 10; the proposed caps meet 2 of 2 deadlines.',
      ),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Active campaigns and their deadlines' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Spring outreach', 'Renewals', 'Winback']);

    // Spring outreach: the deadline in its zone (12:00 New York), 6 lines needed, 4 today.
    const springRow = rowOf('Spring outreach');
    expect(
      within(springRow).getByLabelText('Deadline for Spring outreach (America/New_York)'),
    ).toHaveValue('2026-11-23T12:00');
    const springCells = within(springRow).getAllByRole('cell');
    expect(springCells[1]).toHaveTextContent('6');
    expect(springCells[2]).toHaveTextContent('4 lines');
    expect(within(springRow).getByText('Would miss the deadline')).toBeInTheDocument();
    expect(springCells[3]).toHaveTextContent('6now no cap');
    expect(springCells[4]).toHaveTextContent('$812.40');

    // Renewals meets its deadline at its cap of 2, and keeps it; the cost is in euros.
    const renewalsRow = rowOf('Renewals');
    const renewalsCells = within(renewalsRow).getAllByRole('cell');
    expect(renewalsCells[1]).toHaveTextContent('2');
    expect(within(renewalsRow).queryByText('Would miss the deadline')).not.toBeInTheDocument();
    expect(renewalsCells[3]).toHaveTextContent(/^2$/);
    expect(renewalsCells[4]).toHaveTextContent('€45.50');

    // Winback has no deadline and no rate card: it gets what is left.
    const winbackCells = within(rowOf('Winback')).getAllByRole('cell');
    expect(winbackCells[1]).toHaveTextContent('—');
    expect(winbackCells[3]).toHaveTextContent('2now no cap');
    expect(winbackCells[4]).toHaveTextContent('—');
    await expectNoAxeViolations(container);

    const u = user();
    await u.click(screen.getByRole('button', { name: 'Apply proposed caps' }));
    const dialog = await screen.findByRole('dialog', { name: 'Apply the proposed caps' });
    expect(
      within(dialog).getByText('2 campaign caps change, one activity entry each.'),
    ).toBeInTheDocument();
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Spring outreach: no cap → 6', 'Winback: no cap → 2']);
    expect(state.patches).toEqual([]);
    await u.click(within(dialog).getByRole('button', { name: 'Apply 2 changes' }));

    expect(await screen.findByText('Caps set for 2 campaigns.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(state.patches).toEqual([
      { id: spring.id, body: { max_concurrent_calls: 6 } },
      { id: winback.id, body: { max_concurrent_calls: 2 } },
    ]);
    // The campaigns are read again: their caps now match the proposal.
    expect(await screen.findByText('The caps already match the proposal.')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(rowOf('Spring outreach')).getAllByRole('cell')[3]).toHaveTextContent(/^6$/),
    );
  }, 20_000);

  it('sends nothing when the confirmation is cancelled', async () => {
    vi.setSystemTime(NOW);
    const { campaigns, plans, url } = org();
    const state = serve(campaigns, plans);
    renderRoute(url);
    const u = user();
    await u.click(await screen.findByRole('button', { name: 'Apply proposed caps' }));
    const dialog = await screen.findByRole('dialog', { name: 'Apply the proposed caps' });
    await u.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(state.patches).toEqual([]);
  });

  it('says why when the plan cannot be had', async () => {
    vi.setSystemTime(NOW);
    const { campaigns } = org();
    serve(campaigns, () =>
      HttpResponse.json({ detail: 'The planner is busy; try again in a minute' }, { status: 503 }),
    );
    renderRoute('/plan');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the plan');
    expect(alert).toHaveTextContent('The planner is busy; try again in a minute');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says so when no campaign is active', async () => {
    vi.setSystemTime(NOW);
    serve([], { concurrency_limit: 10, campaigns: [] });
    renderRoute('/plan');
    expect(await screen.findByText('No campaign is active.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Apply proposed caps' })).not.toBeInTheDocument();
  });
});
