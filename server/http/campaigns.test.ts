import { describe, expect, it } from 'vitest';
import { setup, TOKENS } from '../testing/test-support.ts';

describe('campaigns', () => {
  it('creates active campaigns and resolves them by UUID or external_id', async () => {
    const { call } = setup();
    const created = await call('POST', '/campaign/campaigns', {
      body: { name: 'Spring', external_id: 'spring' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Spring',
      external_id: 'spring',
      status: 'active',
      configuration_id: null,
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.created_at).toBe('2026-11-22T09:30:00Z');
    expect((await call('GET', `/campaign/campaigns/${created.body.id}`)).body).toEqual(
      created.body,
    );
    expect((await call('GET', '/campaign/campaigns/spring')).body).toEqual(created.body);
  });

  it('applies the lifecycle and refuses other transitions with 400', async () => {
    const { call } = setup();
    const { body: c } = await call('POST', '/campaign/campaigns', {
      body: { name: 'L', external_id: 'l' },
    });
    expect((await call('POST', '/campaign/campaigns/l/start')).status).toBe(400);
    expect((await call('POST', '/campaign/campaigns/l/pause')).body.status).toBe('paused');
    expect((await call('POST', '/campaign/campaigns/l/pause')).status).toBe(400);
    expect((await call('POST', `/campaign/campaigns/${c.id}/start`)).body.status).toBe('active');
    expect((await call('POST', '/campaign/campaigns/l/close')).body.status).toBe('closed');
    for (const action of ['start', 'pause', 'close']) {
      const res = await call('POST', `/campaign/campaigns/l/${action}`);
      expect(res.status).toBe(400);
      expect(res.body.detail).toBe(`Cannot ${action} a campaign that is closed`);
    }
    const patch = await call('PATCH', '/campaign/campaigns/l', { body: { name: 'New' } });
    expect(patch.status).toBe(400);
    expect(patch.body.detail).toMatch(/closed/);
  });

  it('pages newest first with a cursor that neither skips nor repeats under inserts', async () => {
    const { call } = setup();
    for (let i = 0; i < 7; i++)
      await call('POST', '/campaign/campaigns', { body: { name: `C${i}` } });
    const first = await call('GET', '/campaign/campaigns?limit=3');
    expect(first.body.campaigns.map((c: any) => c.name)).toEqual(['C6', 'C5', 'C4']);
    await call('POST', '/campaign/campaigns', { body: { name: 'Inserted meanwhile' } });
    const second = await call(
      'GET',
      `/campaign/campaigns?limit=3&cursor=${first.body.next_cursor}`,
    );
    expect(second.body.campaigns.map((c: any) => c.name)).toEqual(['C3', 'C2', 'C1']);
    const third = await call(
      'GET',
      `/campaign/campaigns?limit=3&cursor=${second.body.next_cursor}`,
    );
    expect(third.body.campaigns.map((c: any) => c.name)).toEqual(['C0']);
    expect(third.body.next_cursor).toBeNull();
  });

  it('filters by case-insensitive name substring and repeatable status', async () => {
    const { call } = setup();
    await call('POST', '/campaign/campaigns', {
      body: { name: 'Spring outreach', external_id: 'a' },
    });
    await call('POST', '/campaign/campaigns', {
      body: { name: 'SPRING renewals', external_id: 'b' },
    });
    await call('POST', '/campaign/campaigns', { body: { name: 'Autumn 100%', external_id: 'c' } });
    await call('POST', '/campaign/campaigns/b/pause');
    await call('POST', '/campaign/campaigns/c/close');
    const names = async (qs: string) =>
      (await call('GET', `/campaign/campaigns?${qs}`)).body.campaigns.map((c: any) => c.name);
    expect(await names('name=spring')).toEqual(['SPRING renewals', 'Spring outreach']);
    expect(await names('status=paused&status=closed')).toEqual(['Autumn 100%', 'SPRING renewals']);
    expect(await names('name=spring&status=active')).toEqual(['Spring outreach']);
    expect(await names('name=%25')).toEqual(['Autumn 100%']);
    // Beyond ASCII: case folds for any script.
    await call('POST', '/campaign/campaigns', { body: { name: 'Ärzte Süd', external_id: 'd' } });
    await call('POST', '/campaign/campaigns', {
      body: { name: 'ΑΘΗΝΑ callers', external_id: 'e' },
    });
    expect(await names('name=ärzte')).toEqual(['Ärzte Süd']);
    expect(await names('name=SÜD')).toEqual(['Ärzte Süd']);
    expect(await names('name=αθηνα')).toEqual(['ΑΘΗΝΑ callers']);
  });

  it('validates limits and bodies with 422 lists', async () => {
    const { call } = setup();
    const tooMany = await call('GET', '/campaign/campaigns?limit=201');
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.detail[0]).toMatchObject({
      loc: ['query', 'limit'],
      msg: 'limit must be at most 200',
    });
    expect((await call('GET', '/campaign/campaigns?limit=200')).status).toBe(200);
    expect((await call('GET', '/campaign/campaigns?status=done')).status).toBe(422);
    expect((await call('GET', '/campaign/campaigns?cursor=garbage')).status).toBe(422);
    const noName = await call('POST', '/campaign/campaigns', { body: { external_id: 'x' } });
    expect(noName.status).toBe(422);
    expect(noName.body.detail[0].loc).toEqual(['body', 'name']);
    const badJson = await call('POST', '/campaign/campaigns', { raw: '{"name":' });
    expect(badJson.status).toBe(422);
    expect(badJson.body.detail[0]).toMatchObject({ loc: ['body'], msg: 'Body must be valid JSON' });
    const unknownConfig = await call('POST', '/campaign/campaigns', {
      body: { name: 'x', configuration_id: 'nope' },
    });
    expect(unknownConfig.status).toBe(422);
  });

  it('answers 409 for a duplicate external_id', async () => {
    const { call } = setup();
    await call('POST', '/campaign/campaigns', { body: { name: 'A', external_id: 'dup' } });
    const dup = await call('POST', '/campaign/campaigns', {
      body: { name: 'B', external_id: 'dup' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.detail).toBe('A campaign with external_id "dup" already exists');
    const { body: other } = await call('POST', '/campaign/campaigns', {
      body: { name: 'C', external_id: 'other' },
    });
    expect(
      (await call('PATCH', `/campaign/campaigns/${other.id}`, { body: { external_id: 'dup' } }))
        .status,
    ).toBe(409);
    // Another org may use the same external_id.
    expect(
      (
        await call('POST', '/campaign/campaigns', {
          token: TOKENS.other,
          body: { name: 'B', external_id: 'dup' },
        })
      ).status,
    ).toBe(201);
  });

  it('patches name, external_id and configuration, and inlines contacts', async () => {
    const { call } = setup();
    const { body: config } = await call('POST', '/campaign/configurations', {
      body: { name: 'UK', default_country_code: '+44', timezone: 'Europe/London' },
    });
    const { body: c } = await call('POST', '/campaign/campaigns', { body: { name: 'A' } });
    const patched = await call('PATCH', `/campaign/campaigns/${c.id}`, {
      body: {
        name: 'B',
        external_id: 'b',
        configuration_id: config.id,
        contacts: [{ external_id: 'k', phone_numbers: ['020 7946 0958'] }],
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'B',
      external_id: 'b',
      configuration_id: config.id,
    });
    const contacts = await call('GET', '/campaign/campaigns/b/contacts');
    expect(contacts.body.contacts[0].phone_numbers).toEqual(['+442079460958']);
  });

  it('creates with up to 5000 inline contacts in one go', async () => {
    const { call } = setup();
    const contacts = Array.from({ length: 5000 }, (_, i) => ({
      external_id: `k${i}`,
      phone_numbers: [`+1415555${String(i).padStart(4, '0')}`],
    }));
    const created = await call('POST', '/campaign/campaigns', { body: { name: 'Big', contacts } });
    expect(created.status).toBe(201);
    const stats = await call('GET', `/campaign/campaigns/${created.body.id}/stats`);
    expect(stats.body.contacts.total).toBe(5000);
    const tooMany = await call('POST', '/campaign/campaigns', {
      body: { name: 'Bigger', contacts: [...contacts, contacts[0]] },
    });
    expect(tooMany.status).toBe(422);
  });
});
