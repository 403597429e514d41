import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeSession, makeStats } from '../../test/fixtures';
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
      HttpResponse.json({ campaigns: [], next_cursor: null }),
    ),
    http.get(`${API}/campaign/activity`, ({ request }) => {
      const url = new URL(request.url);
      seen.push(url);
      if (url.searchParams.get('cursor') === 'older')
        return HttpResponse.json({
          events: [event(1, { summary: 'The oldest' })],
          next_cursor: null,
        });
      return HttpResponse.json({
        events: [
          event(3, {
            action: 'contacts.requeued',
            summary: 'Requeued 12 contacts (exhausted)',
            actor: { kind: 'pat', label: 'Ada’s token' },
          }),
          event(2, {
            action: 'configuration.updated',
            campaign_id: null,
            summary: 'Updated configuration "Calls"',
            changes: { max_attempts: [3, 5], timezone: ['UTC', 'Europe/London'] },
          }),
        ],
        next_cursor: 'older',
      });
    }),
  );
  return seen;
}

describe('Activity (extension)', () => {
  it('lists a campaign’s events newest first with who and what changed, and pages older ones', async () => {
    const campaign = makeCampaign();
    const seen = serve(campaign);
    renderRoute(`/campaigns/${campaign.id}`);
    // The first render of a run loads the route modules.
    await userEvent.click(await screen.findByRole('link', { name: 'Activity' }, { timeout: 5000 }));
    const list = await screen.findByRole('list', { name: 'Activity events' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Contacts requeued');
    expect(items[0]).toHaveTextContent('by Ada’s token (pat)');
    expect(items[0]).toHaveTextContent('Requeued 12 contacts (exhausted)');
    expect(within(items[1]!).getByText('max_attempts')).toBeInTheDocument();
    expect(items[1]).toHaveTextContent('3 → 5');
    expect(items[1]).toHaveTextContent('UTC → Europe/London');
    expect(seen[0]!.searchParams.get('campaign_id')).toBe(campaign.id);
    expect(document.title).toContain('Activity');

    await userEvent.click(screen.getByRole('button', { name: 'Show older' }));
    expect(await within(list).findByText('The oldest')).toBeInTheDocument();
    expect(seen.at(-1)!.searchParams.get('cursor')).toBe('older');
    expect(screen.queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Action' }),
      'Contacts requeued',
    );
    await waitFor(() =>
      expect(seen.at(-1)!.searchParams.getAll('action')).toEqual(['contacts.requeued']),
    );
  });

  it('shows the org’s activity on Settings, linking to the campaign of an event', async () => {
    const seen = serve(makeCampaign());
    renderRoute('/settings');
    const panel = await screen.findByRole('region', { name: 'Activity' });
    const list = await within(panel).findByRole('list', { name: 'Activity events' });
    expect(within(list).getByRole('link', { name: 'Open campaign' })).toHaveAttribute(
      'href',
      '/campaigns/c-1',
    );
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
