import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeConfiguration, makeStats, makeSession } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import type { Campaign } from '../../../contract/schemas';

function serve(campaign: Campaign) {
  const uk = makeConfiguration({ name: 'UK hours' });
  const patches: unknown[] = [];
  let current = campaign;
  server.use(
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(current)),
    http.patch(`${API}/campaign/campaigns/:id`, async ({ request }) => {
      const body = (await request.json()) as Partial<Campaign>;
      patches.push(body);
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
    // Editable once the server has confirmed the key may manage campaigns.
    await screen.findByRole('button', { name: 'Save changes' });
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
  });

  it('a key that may only read sees the settings read-only from the start, with the reason', async () => {
    const campaign = makeCampaign({ name: 'Spring' });
    serve(campaign);
    server.use(sessionHandler(makeSession({ scopes: ['campaigns:read'] })));
    renderRoute(`/campaigns/${campaign.id}/settings`);
    const settings = within(await screen.findByRole('region', { name: 'Campaign settings' }));
    expect(
      await settings.findByText(
        /This credential cannot change campaigns, contacts and configurations: it needs campaigns:manage\./,
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveAttribute('readonly');
    expect(screen.getByLabelText('Configuration')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    // The lifecycle buttons know it too, without a failed click.
    expect(screen.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-disabled', 'true');
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
});
