import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeConfiguration, makeSession, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { expectNoAxeViolations } from '../../test/axe';
import { user, withFakeClock } from '../../test/clock';
import type { Callable } from '../../../contract/extensions';
import type { Campaign } from '../../../contract/schemas';

withFakeClock();

const configuration = makeConfiguration({ timezone: 'America/New_York' });
const CALLABLE: Callable = {
  now: 1240,
  later: [
    { opens_at: '2026-12-07T15:00:00Z', timezone: 'America/Chicago', contacts: 3100 },
    { opens_at: '2026-12-08T17:00:00Z', timezone: 'America/Los_Angeles', contacts: 7 },
  ],
  no_timezone: 12,
  suppressed: 4,
  generated_at: '2026-12-07T14:30:00Z',
};

function serve(campaign: Campaign, extensions: string[]) {
  const asked: string[] = [];
  server.use(
    sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id, { status: 'paused' })),
    ),
    http.get(`${API}/campaign/campaigns/:id/callable`, ({ request }) => {
      asked.push(request.url);
      return HttpResponse.json(CALLABLE);
    }),
    http.get(`${API}/campaign/configurations/:id`, () => HttpResponse.json(configuration)),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 0 }),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts`, () =>
      HttpResponse.json({ contacts: [], total: 0, limit: 50, offset: 0 }),
    ),
  );
  return asked;
}

describe('Who can be called (ext contact-timezones)', () => {
  it('says who is callable now, when each zone opens and who never is, each a link to them', async () => {
    vi.setSystemTime(new Date('2026-12-07T14:30:00Z'));
    const campaign = makeCampaign({ configuration_id: configuration.id, status: 'paused' });
    serve(campaign, ['session', 'contact-timezones', 'suppression', 'contact-filters']);
    const { container, router } = renderRoute(`/campaigns/${campaign.id}`);
    const list = await screen.findByRole('list', { name: 'Callable contacts' });
    const links = within(list)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual([
      'Callable now: 1,240',
      'opens 09:00 America/Chicago: 3,100',
      // More than a day away: its weekday too.
      'opens Tue 09:00 America/Los_Angeles: 7',
      'no time zone: 12',
      'suppressed: 4',
    ]);
    // Before Start: who will be skipped.
    expect(
      screen.getByText(/16 of 4,363 contacts will be skipped/, { exact: false }),
    ).toBeInTheDocument();
    await expectNoAxeViolations(container);
    await user().click(
      within(list).getByRole('link', { name: 'opens 09:00 America/Chicago: 3,100' }),
    );
    expect(router.state.location.search).toBe('?timezone=America%2FChicago');
  });

  it('is not there, and asks nothing, where the server lacks the extension', async () => {
    const campaign = makeCampaign({ configuration_id: configuration.id, status: 'paused' });
    const asked = serve(campaign, ['session']);
    renderRoute(`/campaigns/${campaign.id}`);
    await screen.findByRole('region', { name: /contacts/i });
    expect(screen.queryByRole('region', { name: 'Who can be called' })).not.toBeInTheDocument();
    expect(screen.queryByText(/will be skipped/)).not.toBeInTheDocument();
    expect(asked).toEqual([]);
  });
});
