import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, makeCampaign, makeContact, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { advance, setVisibility, withFakeClock } from '../../test/clock';
import type { Campaign } from '../../../contract/schemas';

withFakeClock();

function serve(campaign: Campaign) {
  const seen = { list: 0 };
  server.use(
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id)),
    ),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 0 }),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts`, () => {
      seen.list++;
      const contacts = [makeContact(campaign.id, { external_id: 'lead-a' })];
      return HttpResponse.json({ contacts, total: 1, limit: 50, offset: 0 });
    }),
  );
  return seen;
}

describe('Contacts tab freshness', () => {
  it('refreshes an active campaign every 15 s while visible, says how old the page is', async () => {
    const campaign = makeCampaign({ status: 'active' });
    const seen = serve(campaign);
    renderRoute(`/campaigns/${campaign.id}/contacts`);
    expect(await screen.findByText('lead-a')).toBeInTheDocument();
    expect(seen.list).toBe(1);
    await advance(15_000);
    expect(seen.list).toBe(2);
    expect(screen.getByText(/^Updated \d+s ago/)).toBeInTheDocument();
    setVisibility('hidden');
    await advance(45_000);
    expect(seen.list).toBe(2);
  });

  it('leaves a paused campaign alone until Refresh is pressed', async () => {
    const campaign = makeCampaign({ status: 'paused' });
    const seen = serve(campaign);
    renderRoute(`/campaigns/${campaign.id}/contacts`);
    expect(await screen.findByText('lead-a')).toBeInTheDocument();
    await advance(45_000);
    expect(seen.list).toBe(1);
    screen.getByRole('button', { name: 'Refresh contacts' }).click();
    await advance(100);
    expect(seen.list).toBe(2);
  });
});
