import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeConfiguration, makeSession, makeStats } from '../../test/fixtures';
import { expectNoAxeViolations } from '../../test/axe';
import { renderRoute } from '../../test/render';
import type { ActivityEvent } from '../../../contract/extensions';
import type { Campaign } from '../../../contract/schemas';

const event = (n: number, overrides: Partial<ActivityEvent> = {}): ActivityEvent => ({
  id: `e${n}`,
  at: `2026-11-22T09:${String(n).padStart(2, '0')}:00Z`,
  actor: { kind: 'ak', label: 'Demo manager key' },
  action: 'campaign.paused',
  campaign_id: 'c-1',
  configuration_id: null,
  summary: `Event ${n}`,
  changes: null,
  ...overrides,
});

const MORNINGS = makeConfiguration({ id: 'cfg-1', name: 'Weekday mornings' });
const EVENINGS = makeConfiguration({ id: 'cfg-2', name: 'Evening calls' });

function serve(campaign: Campaign, extensions = ['session', 'activity']) {
  const seen: URL[] = [];
  server.use(
    sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id)),
    ),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
    http.get(`${API}/campaign/campaigns`, () =>
      HttpResponse.json({ campaigns: [campaign], next_cursor: null }),
    ),
    http.get(`${API}/campaign/configurations`, () =>
      HttpResponse.json({ configurations: [MORNINGS, EVENINGS] }),
    ),
    http.get(`${API}/campaign/activity`, ({ request }) => {
      const url = new URL(request.url);
      seen.push(url);
      if (url.searchParams.get('cursor') === 'older')
        return HttpResponse.json({
          events: [
            event(1, {
              action: 'configuration.updated',
              campaign_id: null,
              configuration_id: 'cfg-1',
              summary: 'Updated configuration "Weekday mornings"',
              changes: {
                max_attempts: [3, 5],
                retry_interval_minutes: [60, 1440],
                window_basis: ['campaign', 'contact'],
              },
            }),
          ],
          next_cursor: null,
        });
      return HttpResponse.json({
        events: [
          event(3, {
            action: 'contacts.requeued',
            summary: 'Set 12 contacts to be called again (exhausted)',
            actor: { kind: 'pat', label: 'Ada’s token' },
            campaign_id: campaign.id,
          }),
          event(2, {
            action: 'campaign.updated',
            campaign_id: campaign.id,
            configuration_id: 'cfg-2',
            summary: `Updated campaign "${campaign.name}"`,
            changes: { configuration_id: ['cfg-1', 'cfg-2'] },
          }),
        ],
        next_cursor: 'older',
      });
    }),
  );
  return seen;
}

describe('Activity (extension)', () => {
  it('says a campaign’s events newest first as sentences with names, and pages older ones', async () => {
    const campaign = makeCampaign({ name: 'Spring outreach' });
    const seen = serve(campaign);
    renderRoute(`/campaigns/${campaign.id}`);
    // The first render of a run loads the route modules.
    await userEvent.click(await screen.findByRole('link', { name: 'Activity' }, { timeout: 5000 }));
    const list = await screen.findByRole('list', { name: 'Activity events' });
    const items = [...list.children];
    expect(items[0]).toHaveTextContent(
      'Ada’s token set contacts of Spring outreach to be called again',
    );
    expect(items[0]).toHaveTextContent('Set 12 contacts to be called again (exhausted)');
    // Configuration ids become their names once the configurations answer.
    await waitFor(() =>
      expect(items[1]).toHaveTextContent(
        'Demo manager key changed the configuration of Spring outreach from Weekday mornings to Evening calls',
      ),
    );
    expect(list).not.toHaveTextContent('cfg-');
    expect(seen[0]!.searchParams.get('campaign_id')).toBe(campaign.id);
    expect(document.title).toContain('Activity');

    await userEvent.click(screen.getByRole('button', { name: 'Show older' }));
    await waitFor(() => expect(list.children).toHaveLength(3));
    const older = list.children[2] as HTMLElement;
    expect(older).toHaveTextContent('Demo manager key changed the configuration Weekday mornings:');
    const changes = within(older).getAllByRole('listitem');
    expect(changes.map((li) => li.textContent)).toEqual([
      'The most calls per contact from 3 to 5',
      'The time between calls from 1 hour to 1 day',
      'Whose hours the calling window follows from the configuration’s zone to each contact’s own',
    ]);
    expect(list).not.toHaveTextContent(/max_attempts|retry_interval_minutes|window_basis/);
    expect(seen.at(-1)!.searchParams.get('cursor')).toBe('older');
    expect(screen.queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument();
    await expectNoAxeViolations(list);

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Action' }),
      'Contacts called again',
    );
    await waitFor(() =>
      expect(seen.at(-1)!.searchParams.getAll('action')).toEqual(['contacts.requeued']),
    );
  });

  it('names and links the campaign of every org event on Settings, and says any event', async () => {
    const campaign = makeCampaign({ id: 'c-1', name: 'Spring outreach' });
    const seen = serve(campaign);
    server.use(
      http.get(`${API}/campaign/activity`, ({ request }) => {
        seen.push(new URL(request.url));
        return HttpResponse.json({
          events: [
            event(5, {
              action: 'concurrency.updated',
              campaign_id: null,
              summary: 'Set the concurrency limit to 12',
              changes: { concurrency_limit: [10, 12] },
            }),
            event(4, { campaign_id: 'c-1', summary: 'Paused campaign "Spring outreach"' }),
            event(3, {
              action: 'campaign.created',
              campaign_id: 'c-1',
              configuration_id: 'cfg-gone',
              summary: 'Created campaign "Spring outreach"',
            }),
            // An action this dashboard does not know yet, from a newer server.
            event(2, {
              action: 'campaign.archived',
              campaign_id: 'c-1',
              summary: 'Archived campaign "Spring outreach"',
              changes: { archive_reason: ['none', 'done'] },
            }),
          ],
          next_cursor: null,
        });
      }),
    );
    renderRoute('/settings');
    const panel = await screen.findByRole('region', { name: 'Activity' });
    const list = await within(panel).findByRole('list', { name: 'Activity events' });
    expect(list.children[0]).toHaveTextContent(
      'Demo manager key set the org’s concurrency limit to 12 (it was 10)',
    );
    await waitFor(() =>
      expect(within(list).getAllByRole('link', { name: 'Spring outreach' })).toHaveLength(3),
    );
    for (const link of within(list).getAllByRole('link'))
      expect(link).toHaveAttribute('href', '/campaigns/c-1');
    expect(list).toHaveTextContent('Demo manager key paused Spring outreach');
    expect(list).toHaveTextContent(
      'Demo manager key created Spring outreach with the configuration a configuration since deleted',
    );
    expect(list).toHaveTextContent(
      'Demo manager key: Archived campaign "Spring outreach" (Spring outreach)',
    );
    expect(list).toHaveTextContent('Archive reason from none to done');
    expect(seen[0]!.searchParams.has('campaign_id')).toBe(false);

    // A write on the same page shows up in the log without a reload.
    server.use(
      http.put(`${API}/campaign/concurrency-settings`, () =>
        HttpResponse.json({ concurrency_limit: 20, active_calls: 5 }),
      ),
    );
    const asked = seen.length;
    const input = await screen.findByLabelText('Concurrency limit');
    await userEvent.clear(input);
    await userEvent.type(input, '20');
    await userEvent.click(screen.getByRole('button', { name: 'Save limit' }));
    await waitFor(() => expect(seen.length).toBeGreaterThan(asked));
  });

  it('is absent, and never asked for, without the extension', async () => {
    const campaign = makeCampaign();
    const seen = serve(campaign, ['session']);
    renderRoute(`/campaigns/${campaign.id}`);
    await screen.findByRole('link', { name: 'Contacts' });
    expect(screen.queryByRole('link', { name: 'Activity' })).not.toBeInTheDocument();
    renderRoute('/settings');
    await screen.findByRole('region', { name: 'Concurrency' });
    expect(screen.queryByRole('region', { name: 'Activity' })).not.toBeInTheDocument();
    expect(seen).toEqual([]);
  });
});
