import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { setup, TOKENS } from '../testing/test-support.ts';

type Event = {
  action: string;
  actor: { kind: string; label: string };
  campaign_id: string | null;
  configuration_id: string | null;
  summary: string;
  changes: Record<string, [unknown, unknown]> | null;
};

describe('activity (ext)', () => {
  it('records every write with the credential kind and label, newest first, never a token', async () => {
    const { call } = setup();
    const cfg = (
      await call('POST', '/campaign/configurations', { body: { name: 'Cfg', max_attempts: 3 } })
    ).body;
    await call('PATCH', `/campaign/configurations/${cfg.id}`, {
      body: { max_attempts: 5, timezone: 'Europe/London' },
    });
    const campaign = (
      await call('POST', '/campaign/campaigns', {
        body: {
          name: 'Spring',
          external_id: 'spring',
          contacts: [{ external_id: 'a', phone_numbers: ['+14155550100'] }],
        },
      })
    ).body;
    await call('PATCH', '/campaign/campaigns/spring', {
      body: { name: 'Spring 2', configuration_id: cfg.id },
    });
    await call('POST', '/campaign/campaigns/spring/pause');
    await call('POST', '/campaign/campaigns/spring/start', {
      token: TOKENS.pat,
      headers: { 'X-Anyreach-Org': 'org_a' },
    });
    await call('POST', '/campaign/campaigns/spring/contacts', {
      body: { contacts: [{ external_id: 'b', phone_numbers: ['+14155550101'] }] },
    });
    await call('DELETE', '/campaign/campaigns/spring/contacts/b');
    await call('POST', '/campaign/campaigns/spring/contacts/requeue', {
      body: { status: ['exhausted'], search: 'zzz' },
    });
    await call('PUT', '/campaign/concurrency-settings', {
      body: { concurrency_limit: 4 },
      token: TOKENS.concurrency,
    });
    await call('POST', '/campaign/campaigns/default/contacts', {
      body: { contacts: [{ phone_numbers: ['+14155550102'] }] },
    });
    const other = (await call('POST', '/campaign/configurations', { body: { name: 'Spare' } }))
      .body;
    await call('DELETE', `/campaign/configurations/${other.id}`);
    await call('POST', '/campaign/campaigns/spring/close');

    const res = await call('GET', '/campaign/activity', { token: TOKENS.read });
    expect(res.status).toBe(200);
    const events = res.body.events as Event[];
    expect(events.map((e) => e.action)).toEqual([
      'campaign.closed',
      'configuration.deleted',
      'configuration.created',
      'contacts.imported',
      'concurrency.updated',
      'contacts.requeued',
      'contacts.deleted',
      'contacts.imported',
      'campaign.started',
      'campaign.paused',
      'campaign.updated',
      'contacts.imported',
      'campaign.created',
      'configuration.updated',
      'configuration.created',
    ]);
    expect(res.body.next_cursor).toBeNull();
    const byAction = (action: string) => events.find((e) => e.action === action)!;
    expect(byAction('configuration.updated')).toMatchObject({
      actor: { kind: 'ak', label: 'manage' },
      configuration_id: cfg.id,
      changes: { max_attempts: [3, 5], timezone: ['UTC', 'Europe/London'] },
    });
    expect(byAction('campaign.updated')).toMatchObject({
      campaign_id: campaign.id,
      changes: { name: ['Spring', 'Spring 2'], configuration_id: [null, cfg.id] },
    });
    expect(byAction('campaign.started')).toMatchObject({
      actor: { kind: 'pat', label: 'pat' },
      changes: { status: ['paused', 'active'] },
    });
    expect(byAction('concurrency.updated')).toMatchObject({
      actor: { kind: 'ak', label: 'concurrency' },
      changes: { concurrency_limit: [10, 4] },
    });
    expect(byAction('contacts.requeued').summary).toBe(
      'Set 0 contacts to be called again (exhausted, search "zzz")',
    );
    expect(events.at(-4)!.summary).toBe('Imported 1 contact: 1 inserted, 0 updated, 0 failed');
    expect(events[3]).toMatchObject({
      campaign_id: null,
      summary: 'Imported 1 contact: 1 inserted, 0 updated, 0 failed',
    });
    expect(byAction('contacts.deleted').summary).toBe('Deleted contact "b"');
    expect(JSON.stringify(res.body)).not.toMatch(/ak_test|pat_test/);
  });

  it("counts an import's contacts once when a row repeats an earlier one of the request", async () => {
    const { call } = setup();
    await call('POST', '/campaign/campaigns', { body: { name: 'Spring', external_id: 'spring' } });
    await call('POST', '/campaign/campaigns/spring/contacts', {
      body: { contacts: [{ external_id: 'old', phone_numbers: ['+14155550100'] }] },
    });
    const res = await call('POST', '/campaign/campaigns/spring/contacts', {
      body: {
        contacts: [
          { external_id: 'a', phone_numbers: ['+14155550101'] },
          { external_id: 'old', phone_numbers: ['+14155550102'] },
          { external_id: 'a', phone_numbers: ['+14155550103'] },
          { id: 'nope', phone_numbers: ['+14155550104'] },
        ],
      },
    });
    expect(res.body).toMatchObject({ inserted: 1, updated: 2 });
    const list = await call('GET', '/campaign/campaigns/spring/contacts');
    expect(list.body.total).toBe(2);
    const events = (await call('GET', '/campaign/activity?action=contacts.imported')).body
      .events as Event[];
    expect(events[0]!.summary).toBe(
      'Imported 2 contacts: 1 inserted, 1 updated, 1 failed, 1 repeated row',
    );
  });

  it('pages with a cursor, filters by campaign (UUID or external_id) and action, and stays within the org', async () => {
    const { call } = setup();
    const a = (await call('POST', '/campaign/campaigns', { body: { name: 'A', external_id: 'a' } }))
      .body;
    await call('POST', '/campaign/campaigns', { body: { name: 'B' } });
    for (let i = 0; i < 3; i++) {
      await call('POST', '/campaign/campaigns/a/pause');
      await call('POST', '/campaign/campaigns/a/start');
    }
    const seen: Event[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { events: Event[]; next_cursor: string | null } } =
        await call(
          'GET',
          `/campaign/activity?campaign_id=a&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
      expect(page.body.events.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.events);
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(seen.every((e) => e.campaign_id === a.id)).toBe(true);
    expect(seen.at(-1)!.action).toBe('campaign.created');

    const paused = (
      await call(
        'GET',
        `/campaign/activity?campaign_id=${a.id}&action=campaign.paused&action=campaign.created`,
      )
    ).body.events as Event[];
    expect(paused.map((e) => e.action)).toEqual([
      'campaign.paused',
      'campaign.paused',
      'campaign.paused',
      'campaign.created',
    ]);
    expect((await call('GET', '/campaign/activity', { token: TOKENS.other })).body.events).toEqual(
      [],
    );
    expect(
      (await call('GET', '/campaign/activity?campaign_id=a', { token: TOKENS.other })).status,
    ).toBe(404);
    expect((await call('GET', '/campaign/activity?cursor=bogus')).status).toBe(422);
    expect((await call('GET', '/campaign/activity?action=campaign.renamed')).status).toBe(422);
    expect((await call('GET', '/campaign/activity?limit=201')).status).toBe(422);
    expect((await call('GET', '/campaign/activity', { token: TOKENS.concurrency })).status).toBe(
      403,
    );
  });

  it('records nothing for a refused write, and is absent with EXTENSIONS=off', async () => {
    const { db, call } = setup();
    const cfg = (await call('POST', '/campaign/configurations', { body: { name: 'Used' } })).body;
    await call('POST', '/campaign/campaigns', {
      body: { name: 'A', external_id: 'a', configuration_id: cfg.id },
    });
    expect((await call('DELETE', `/campaign/configurations/${cfg.id}`)).status).toBe(409);
    expect((await call('POST', '/campaign/campaigns/a/start')).status).toBe(400);
    expect(
      (
        await call('POST', '/campaign/campaigns/a/contacts', {
          body: { contacts: [{ phone_numbers: ['nope'] }] },
        })
      ).status,
    ).toBe(422);
    const events = (await call('GET', '/campaign/activity')).body.events as Event[];
    expect(events.map((e) => e.action)).toEqual(['campaign.created', 'configuration.created']);

    const off = createApp({ db, extensions: false });
    expect(
      (
        await off.request('/campaign/activity', {
          headers: { Authorization: `Bearer ${TOKENS.manage}` },
        })
      ).status,
    ).toBe(404);
  });
});
