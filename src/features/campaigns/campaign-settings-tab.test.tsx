import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import {
  API,
  makeCampaign,
  makeConfiguration,
  makeReport,
  makeStats,
  makeSession,
} from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { expectNoAxeViolations } from '../../test/axe';
import type { Campaign } from '../../../contract/schemas';

const CAPS = makeSession({ extensions: ['session', 'campaign-concurrency'] });

function serve(campaign: Campaign) {
  const uk = makeConfiguration({ name: 'UK hours' });
  const patches: unknown[] = [];
  let current = campaign;
  server.use(
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(current)),
    http.patch(`${API}/campaign/campaigns/:id`, async ({ request }) => {
      const body = (await request.json()) as Partial<Campaign>;
      patches.push(body);
      if (body.max_concurrent_calls === 999) {
        return HttpResponse.json(
          {
            detail: [
              {
                loc: ['body', 'max_concurrent_calls'],
                msg: 'Must be at most 500',
                type: 'too_big',
              },
            ],
          },
          { status: 422 },
        );
      }
      if (body.external_id === 'taken') {
        return HttpResponse.json(
          { detail: 'A campaign with external_id "taken" already exists' },
          { status: 409 },
        );
      }
      current = { ...current, ...body };
      return HttpResponse.json(current);
    }),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id)),
    ),
    http.get(`${API}/campaign/configurations`, () => HttpResponse.json({ configurations: [uk] })),
    http.get(`${API}/campaign/configurations/:id`, () => HttpResponse.json(uk)),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 1 }),
    ),
  );
  return { patches, uk };
}

describe('Campaign settings tab', () => {
  it('saves name, external_id and configuration, and explains a conflict keeping the input', async () => {
    const campaign = makeCampaign({ name: 'Spring', external_id: 'spring' });
    const { patches, uk } = serve(campaign);
    renderRoute(`/campaigns/${campaign.id}/settings`);
    // Editable once the server has confirmed the key may manage campaigns; the tab's code
    // loads on demand, which the first test of a run waits for.
    await screen.findByRole('button', { name: 'Save changes' }, { timeout: 5000 });
    const name = screen.getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Spring 2027');
    await userEvent.selectOptions(
      screen.getByLabelText('Configuration'),
      await screen.findByRole('option', { name: 'UK hours' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(patches[0]).toEqual({
      name: 'Spring 2027',
      external_id: 'spring',
      configuration_id: uk.id,
    });
    expect(await screen.findByRole('heading', { name: 'Spring 2027' })).toBeInTheDocument();

    const external = screen.getByLabelText('External ID');
    await userEvent.clear(external);
    await userEvent.type(external, 'taken');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(external).toHaveAccessibleDescription(
        'A campaign with external_id "taken" already exists',
      ),
    );
    expect(external).toHaveValue('taken');
    // A server without campaign-concurrency is never sent the cap, nor shows it.
    expect(patches.every((p) => !Object.hasOwn(p as object, 'max_concurrent_calls'))).toBe(true);
    expect(screen.queryByRole('group', { name: 'Calls at once' })).not.toBeInTheDocument();
  });

  it('edits the cap on calls in flight: a number from 1 to 1000, or no cap', async () => {
    const campaign = makeCampaign({ name: 'Spring', max_concurrent_calls: 5 });
    const { patches } = serve(campaign);
    server.use(sessionHandler(CAPS));
    const { container } = renderRoute(`/campaigns/${campaign.id}/settings`);
    await screen.findByRole('button', { name: 'Save changes' });
    const group = within(screen.getByRole('group', { name: 'Calls at once' }));
    expect(group.getByRole('radio', { name: 'At most' })).toBeChecked();
    const max = group.getByRole('spinbutton', { name: 'Maximum calls in flight' });
    expect(max).toHaveValue(5);
    await expectNoAxeViolations(container);

    // Out of range: refused at the field, nothing sent, the entry kept and focused.
    await userEvent.clear(max);
    await userEvent.type(max, '1001');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(max).toHaveAccessibleDescription('Must be at most 1000');
    expect(max).toHaveAttribute('aria-invalid', 'true');
    expect(max).toHaveFocus();
    expect(max).toHaveValue(1001);
    await userEvent.clear(max);
    await userEvent.type(max, '2.5');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(max).toHaveAccessibleDescription('Must be a whole number');
    await userEvent.clear(max);
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(max).toHaveAccessibleDescription('Enter a number from 1 to 1000, or choose No cap');
    await expectNoAxeViolations(container);
    expect(patches).toEqual([]);

    await userEvent.type(max, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(patches).toEqual([
      { name: 'Spring', external_id: null, configuration_id: null, max_concurrent_calls: 2 },
    ]);
    expect(max).not.toHaveAttribute('aria-invalid');

    await userEvent.click(group.getByRole('radio', { name: 'No cap' }));
    expect(group.queryByRole('spinbutton')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[1]).toMatchObject({ max_concurrent_calls: null });
  });

  it("shows the server's refusal of a cap at the field, keeping what was typed", async () => {
    const campaign = makeCampaign({ name: 'Spring', max_concurrent_calls: null });
    serve(campaign);
    server.use(sessionHandler(CAPS));
    renderRoute(`/campaigns/${campaign.id}/settings`);
    await screen.findByRole('button', { name: 'Save changes' });
    expect(screen.getByRole('radio', { name: 'No cap' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'At most' }));
    const max = screen.getByRole('spinbutton', { name: 'Maximum calls in flight' });
    await userEvent.type(max, '999');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(max).toHaveAccessibleDescription('Must be at most 500'));
    expect(max).toHaveValue(999);
    expect(screen.getByRole('radio', { name: 'At most' })).toBeChecked();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('a key that may only read sees the settings read-only from the start, with the reason', async () => {
    const campaign = makeCampaign({ name: 'Spring' });
    serve(campaign);
    server.use(sessionHandler(makeSession({ scopes: ['campaigns:read'] })));
    renderRoute(`/campaigns/${campaign.id}/settings`);
    const settings = within(await screen.findByRole('region', { name: 'Campaign settings' }));
    expect(
      await settings.findByText(
        'Read-only key: ask an admin for a manage key to change these settings.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('Configuration')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    // The lifecycle buttons know it too, without a failed click.
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('a read-only key sees the cap read-only, with the reason', async () => {
    const campaign = makeCampaign({ name: 'Spring', max_concurrent_calls: 3 });
    serve(campaign);
    server.use(
      sessionHandler(
        makeSession({
          scopes: ['campaigns:read'],
          extensions: ['session', 'campaign-concurrency'],
        }),
      ),
    );
    const { container } = renderRoute(`/campaigns/${campaign.id}/settings`);
    const settings = within(await screen.findByRole('region', { name: 'Campaign settings' }));
    expect(
      await settings.findByText(/^Read-only key: ask an admin for a manage key/),
    ).toBeInTheDocument();
    const group = within(settings.getByRole('group', { name: 'Calls at once' }));
    expect(group.getByRole('radio', { name: 'At most' })).toBeChecked();
    expect(group.getByRole('radio', { name: 'At most' })).toBeDisabled();
    expect(group.getByRole('radio', { name: 'No cap' })).toBeDisabled();
    expect(group.getByRole('spinbutton', { name: 'Maximum calls in flight' })).toHaveAttribute(
      'readonly',
    );
    expect(group.getByRole('spinbutton', { name: 'Maximum calls in flight' })).toHaveValue(3);
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('shows a closed campaign read-only and says why', async () => {
    const campaign = makeCampaign({ status: 'closed' });
    serve(campaign);
    renderRoute(`/campaigns/${campaign.id}/settings`);
    expect(
      await screen.findByText('This campaign is closed, so its settings can no longer change.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('Configuration')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
  });

  it('sets a goal picked from the results seen or typed, and keeps a bad one with its message', async () => {
    const campaign = makeCampaign({ name: 'Spring' });
    const { patches } = serve(campaign);
    server.use(
      sessionHandler(makeSession({ extensions: ['session', 'report', 'goal'] })),
      http.get(`${API}/campaign/campaigns/:id/report`, () =>
        HttpResponse.json(makeReport(campaign.id)),
      ),
    );
    renderRoute(`/campaigns/${campaign.id}/settings`);
    await screen.findByRole('button', { name: 'Save changes' });
    const goal = screen.getByRole('group', { name: 'Goal' });
    await userEvent.click(await within(goal).findByRole('checkbox', { name: /book_demo/ }));
    const typed = within(goal).getByLabelText('Goal results');
    expect(typed).toHaveValue('next_step.action:book_demo');
    await userEvent.type(typed, ', interested');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await within(goal).findByText('goal result must be key:value')).toBeInTheDocument();
    expect(typed).toHaveValue('next_step.action:book_demo, interested');
    expect(patches).toEqual([]);
    await userEvent.clear(typed);
    await userEvent.type(typed, 'next_step.action:book_demo, qualification.interested:true');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(patches[0]).toMatchObject({
      goal: { results: ['next_step.action:book_demo', 'qualification.interested:true'] },
    });
  });

  it('offers no goal to a server without the extension, and sends none', async () => {
    const campaign = makeCampaign({ name: 'Spring' });
    const { patches } = serve(campaign);
    server.use(sessionHandler(makeSession({ extensions: ['session'] })));
    renderRoute(`/campaigns/${campaign.id}/settings`);
    await userEvent.click(await screen.findByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved.');
    expect(screen.queryByRole('group', { name: 'Goal' })).not.toBeInTheDocument();
    expect(patches[0]).not.toHaveProperty('goal');
  });
});
