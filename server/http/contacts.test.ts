import { describe, expect, it } from 'vitest';
import { setup, TOKENS } from '../testing/test-support.ts';

async function withCampaign(countryCode?: string) {
  const ctx = setup();
  const config = countryCode
    ? (
        await ctx.call('POST', '/campaign/configurations', {
          body: { name: 'Cfg', default_country_code: countryCode },
        })
      ).body
    : null;
  const { body: campaign } = await ctx.call('POST', '/campaign/campaigns', {
    body: { name: 'Spring', external_id: 'spring', configuration_id: config?.id },
  });
  return { ...ctx, campaign };
}

describe('contacts', () => {
  it('upserts: inserts, then updates by external_id or id keeping status and attempts', async () => {
    const { call, db, campaign } = await withCampaign();
    const first = await call('POST', '/campaign/campaigns/spring/contacts', {
      body: {
        contacts: [
          { external_id: 'lead-1', phone_numbers: ['+14155550123'], data: { first_name: 'Ada' } },
          { external_id: 'lead-2', phone_numbers: ['(415) 555-0199'] },
        ],
      },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ inserted: 2, updated: 0, failed: [] });
    expect(first.body.warnings).toEqual([
      'contacts[1].phone_numbers[0]: normalized "(415) 555-0199" to +14155550199',
    ]);
    const [id1] = first.body.contact_ids;
    db.prepare("UPDATE contacts SET status = 'completed' WHERE id = ?").run(id1);

    const second = await call('POST', `/campaign/campaigns/${campaign.id}/contacts`, {
      body: {
        contacts: [
          {
            external_id: 'lead-1',
            phone_numbers: ['+14155550124'],
            data: { first_name: 'Ada L.' },
          },
          { id: first.body.contact_ids[1], phone_numbers: ['+14155550199', '+14155550199'] },
        ],
      },
    });
    expect(second.body).toMatchObject({
      inserted: 0,
      updated: 2,
      contact_ids: first.body.contact_ids,
    });
    expect(second.body.warnings).toEqual([
      'contacts[1].phone_numbers[1]: dropped duplicate number +14155550199',
    ]);
    const lead1 = await call('GET', '/campaign/campaigns/spring/contacts/lead-1');
    expect(lead1.body).toMatchObject({
      status: 'completed',
      phone_numbers: ['+14155550124'],
      data: { first_name: 'Ada L.' },
    });
  });

  it("normalizes with the configuration's default country code", async () => {
    const { call } = await withCampaign('+44');
    const res = await call('POST', '/campaign/campaigns/spring/contacts', {
      body: { contacts: [{ external_id: 'uk', phone_numbers: ['07911 123456'] }] },
    });
    expect(res.status).toBe(200);
    expect(
      (await call('GET', '/campaign/campaigns/spring/contacts/uk')).body.phone_numbers,
    ).toEqual(['+447911123456']);
  });

  it('rejects a batch with one bad number whole, naming its index, writing nothing', async () => {
    const { call, campaign } = await withCampaign();
    const res = await call('POST', '/campaign/campaigns/spring/contacts', {
      body: {
        contacts: [
          { external_id: 'a', phone_numbers: ['+14155550123'] },
          { external_id: 'b', phone_numbers: ['+14155550124', 'not a number'] },
          { external_id: 'c', phone_numbers: ['+14155550125'] },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.detail).toHaveLength(1);
    expect(res.body.detail[0].loc).toEqual(['body', 'contacts', 1, 'phone_numbers', 1]);
    expect(res.body.detail[0].msg).toMatch(/not a number/);
    const stats = await call('GET', `/campaign/campaigns/${campaign.id}/stats`);
    expect(stats.body.contacts.total).toBe(0);
  });

  it('fails an id of another campaign, another org or no contact alike, while the other rows apply', async () => {
    const { call } = await withCampaign();
    await call('POST', '/campaign/campaigns', { body: { name: 'Other', external_id: 'other' } });
    const { body: theirs } = await call('POST', '/campaign/campaigns/other/contacts', {
      body: { contacts: [{ phone_numbers: ['+14155550100'] }] },
    });
    await call('POST', '/campaign/campaigns', {
      token: TOKENS.other,
      body: { name: 'Foreign', external_id: 'foreign' },
    });
    const { body: foreign } = await call('POST', '/campaign/campaigns/foreign/contacts', {
      token: TOKENS.other,
      body: { contacts: [{ phone_numbers: ['+14155550100'] }] },
    });
    const invented = '00000000-0000-4000-8000-000000000042';
    const res = await call('POST', '/campaign/campaigns/spring/contacts', {
      body: {
        contacts: [
          { id: theirs.contact_ids[0], phone_numbers: ['+14155550101'] },
          { id: foreign.contact_ids[0], phone_numbers: ['+14155550101'] },
          { id: invented, phone_numbers: ['+14155550101'] },
          { phone_numbers: ['+14155550102'] },
        ],
      },
    });
    expect(res.body.failed).toEqual(
      [0, 1, 2].map((index) => ({ index, reason: 'Unknown contact id' })),
    );
    expect(res.body.inserted).toBe(1);
    // The server chose the new contact's id; an invented one never becomes a contact.
    expect(res.body.contact_ids).toHaveLength(1);
    expect(res.body.contact_ids[0]).not.toBe(invented);
    expect((await call('GET', `/campaign/campaigns/spring/contacts/${invented}`)).status).toBe(404);
  });

  it('limits upserts to 1..1000 and refuses closed campaigns', async () => {
    const { call } = await withCampaign();
    expect(
      (await call('POST', '/campaign/campaigns/spring/contacts', { body: { contacts: [] } }))
        .status,
    ).toBe(422);
    const many = Array.from({ length: 1001 }, () => ({ phone_numbers: ['+14155550100'] }));
    expect(
      (await call('POST', '/campaign/campaigns/spring/contacts', { body: { contacts: many } }))
        .status,
    ).toBe(422);
    await call('POST', '/campaign/campaigns/spring/close');
    const closed = await call('POST', '/campaign/campaigns/spring/contacts', {
      body: { contacts: [{ phone_numbers: ['+14155550100'] }] },
    });
    expect(closed.status).toBe(400);
    expect(closed.body.detail).toBe('Contacts cannot be added to a closed campaign');
  });

  it('lists with limit/offset, bucket filter, totals and attempts with results oldest first', async () => {
    const { call, db, campaign } = await withCampaign();
    const contacts = Array.from({ length: 5 }, (_, i) => ({
      external_id: `k${i}`,
      phone_numbers: [`+1415555010${i}`],
    }));
    const { body: up } = await call('POST', '/campaign/campaigns/spring/contacts', {
      body: { contacts },
    });
    const k0 = up.contact_ids[0];
    db.prepare("UPDATE contacts SET status = 'locked' WHERE id = ?").run(up.contact_ids[1]);
    db.prepare("UPDATE contacts SET status = 'completed' WHERE id = ?").run(k0);
    db.prepare(
      `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, conversation_id, started_at, ended_at, status, result)
       VALUES ('a1', 'org_a', ?, ?, '+14155550100', NULL, '2026-11-22T09:00:00Z', '2026-11-22T09:00:30Z', 'no_answer', NULL),
              ('a2', 'org_a', ?, ?, '+14155550100', 'conv-1', '2026-11-22T10:00:00Z', '2026-11-22T10:03:00Z', 'completed',
               '{"qualification.interested":true,"quality.score":8,"sentiment.overall":"positive"}')`,
    ).run(campaign.id, k0, campaign.id, k0);

    const page = await call('GET', '/campaign/campaigns/spring/contacts?limit=2&offset=0');
    expect(page.body).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(page.body.contacts.map((c: any) => c.external_id)).toEqual(['k0', 'k1']);
    expect(page.body.contacts[0].attempts.map((a: any) => a.id)).toEqual(['a1', 'a2']);
    expect(page.body.contacts[0].attempts[0].result).toBeNull();
    expect(page.body.contacts[0].attempts[1].result).toEqual({
      'qualification.interested': true,
      'quality.score': 8,
      'sentiment.overall': 'positive',
    });
    const last = await call('GET', '/campaign/campaigns/spring/contacts?limit=2&offset=4');
    expect(last.body.contacts.map((c: any) => c.external_id)).toEqual(['k4']);
    const inProgress = await call('GET', '/campaign/campaigns/spring/contacts?status=in_progress');
    expect(inProgress.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(inProgress.body.contacts[0].status).toBe('locked');
    expect((await call('GET', '/campaign/campaigns/spring/contacts?status=locked')).status).toBe(
      422,
    );
    expect((await call('GET', '/campaign/campaigns/spring/contacts?limit=201')).status).toBe(422);
    expect((await call('GET', '/campaign/campaigns/spring/contacts?offset=-1')).status).toBe(422);

    const stats = await call('GET', `/campaign/campaigns/${campaign.id}/stats`);
    expect(stats.body.contacts).toEqual({
      total: 5,
      pending: 3,
      in_progress: 1,
      completed: 1,
      exhausted: 0,
    });
    expect(stats.body.attempts).toEqual({ total: 2, average_per_contact: 0.4 });
  });

  it('gets and deletes one contact by UUID or external_id, updating the counts', async () => {
    const { call, campaign } = await withCampaign();
    const { body: up } = await call('POST', '/campaign/campaigns/spring/contacts', {
      body: {
        contacts: [
          { external_id: 'k1', phone_numbers: ['+14155550100'] },
          { external_id: 'k2', phone_numbers: ['+14155550101'] },
        ],
      },
    });
    expect(
      (await call('GET', `/campaign/campaigns/spring/contacts/${up.contact_ids[0]}`)).body
        .external_id,
    ).toBe('k1');
    expect((await call('DELETE', '/campaign/campaigns/spring/contacts/k1')).status).toBe(204);
    expect((await call('GET', '/campaign/campaigns/spring/contacts/k1')).status).toBe(404);
    expect(
      (await call('DELETE', `/campaign/campaigns/${campaign.id}/contacts/${up.contact_ids[1]}`))
        .status,
    ).toBe(204);
    expect(
      (await call('GET', `/campaign/campaigns/${campaign.id}/stats`)).body.contacts.total,
    ).toBe(0);
  });

  it('keeps ad-hoc contacts under default, which need E.164 numbers', async () => {
    const { call } = setup();
    const bad = await call('POST', '/campaign/campaigns/default/contacts', {
      body: { contacts: [{ phone_numbers: ['4155550100'] }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(['body', 'contacts', 0, 'phone_numbers', 0]);
    const ok = await call('POST', '/campaign/campaigns/default/contacts', {
      body: { contacts: [{ external_id: 'adhoc', phone_numbers: ['+14155550100'] }] },
    });
    expect(ok.body.inserted).toBe(1);
    const list = await call('GET', '/campaign/campaigns/default/contacts');
    expect(list.body.total).toBe(1);
    expect(list.body.contacts[0]).toMatchObject({ campaign_id: null, external_id: 'adhoc' });
    expect((await call('GET', '/campaign/campaigns/default/contacts/adhoc')).status).toBe(200);
    expect(
      (await call('GET', '/campaign/campaigns/default/contacts', { token: TOKENS.other })).body
        .total,
    ).toBe(0);
  });
});

describe('stats', () => {
  it('is exact for an empty campaign and rounds the average to 2 decimals', async () => {
    const { call, db, campaign } = await withCampaign();
    const empty = await call('GET', `/campaign/campaigns/${campaign.id}/stats`);
    expect(empty.body).toEqual({
      campaign_id: campaign.id,
      status: 'active',
      contacts: { total: 0, pending: 0, in_progress: 0, completed: 0, exhausted: 0 },
      attempts: { total: 0, average_per_contact: 0 },
      active_calls: 0,
      concurrency_limit: 10,
    });
    const { body: up } = await call('POST', '/campaign/campaigns/spring/contacts', {
      body: { contacts: [0, 1, 2].map((i) => ({ phone_numbers: [`+1415555010${i}`] })) },
    });
    const insert = db.prepare(
      `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, started_at, ended_at, status)
       VALUES (?, 'org_a', ?, ?, '+14155550100', '2026-11-22T09:00:00Z', ?, ?)`,
    );
    for (let i = 0; i < 7; i++)
      insert.run(
        `a${i}`,
        campaign.id,
        up.contact_ids[i % 3],
        i === 6 ? null : '2026-11-22T09:01:00Z',
        i === 6 ? 'in_progress' : 'busy',
      );
    await call('PUT', '/campaign/concurrency-settings', { body: { concurrency_limit: 25 } });
    const stats = await call('GET', `/campaign/campaigns/${campaign.id}/stats`);
    expect(stats.body.attempts).toEqual({ total: 7, average_per_contact: 2.33 });
    expect(stats.body.active_calls).toBe(1);
    expect(stats.body.concurrency_limit).toBe(25);
  });

  it('resolves by UUID only', async () => {
    const { call } = await withCampaign();
    const res = await call('GET', '/campaign/campaigns/spring/stats');
    expect(res.status).toBe(404);
  });
});
