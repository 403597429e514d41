import { describe, expect, it } from 'vitest';
import { setup, TOKENS } from '../testing/test-support.ts';

describe('authentication, scopes and org isolation', () => {
  it('401 without a credential or with an unknown one', async () => {
    const { call } = setup();
    const missing = await call('GET', '/campaign/campaigns', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body.detail).toMatch(/Missing credential/);
    const unknown = await call('GET', '/campaign/campaigns', { token: 'ak_nope' });
    expect(unknown.status).toBe(401);
    expect(JSON.stringify(unknown.body)).not.toContain('ak_nope');
  });

  it('personal tokens need X-Anyreach-Org naming an org of theirs', async () => {
    const { call } = setup();
    expect((await call('GET', '/campaign/campaigns', { token: TOKENS.pat })).status).toBe(400);
    expect(
      (
        await call('GET', '/campaign/campaigns', {
          token: TOKENS.pat,
          headers: { 'X-Anyreach-Org': 'org_b' },
        })
      ).status,
    ).toBe(200);
    const notMember = await call('GET', '/campaign/campaigns', {
      token: TOKENS.patOtherOnly,
      headers: { 'X-Anyreach-Org': 'org_a' },
    });
    expect(notMember.status).toBe(403);
  });

  it('enforces the scope matrix on every route', async () => {
    const { call } = setup();
    const { body: c } = await call('POST', '/campaign/campaigns', {
      body: { name: 'A', external_id: 'a' },
    });
    const { body: cfg } = await call('POST', '/campaign/configurations', { body: { name: 'Cfg' } });
    const reads = [
      '/campaign/campaigns',
      '/campaign/campaigns/a',
      `/campaign/campaigns/${c.id}/stats`,
      '/campaign/campaigns/a/contacts',
      '/campaign/configurations',
      `/campaign/configurations/${cfg.id}`,
    ];
    const writes: [string, string, unknown?][] = [
      ['POST', '/campaign/campaigns', { name: 'x' }],
      ['PATCH', '/campaign/campaigns/a', { name: 'x' }],
      ['POST', '/campaign/campaigns/a/pause'],
      ['POST', '/campaign/campaigns/a/close'],
      [
        'POST',
        '/campaign/campaigns/a/contacts',
        { contacts: [{ phone_numbers: ['+14155550100'] }] },
      ],
      ['DELETE', '/campaign/campaigns/a/contacts/k'],
      ['POST', '/campaign/configurations', { name: 'x' }],
      ['PATCH', `/campaign/configurations/${cfg.id}`, { name: 'x' }],
      ['DELETE', `/campaign/configurations/${cfg.id}`],
    ];
    for (const path of reads) {
      expect((await call('GET', path, { token: TOKENS.read })).status, path).toBe(200);
      const denied = await call('GET', path, { token: TOKENS.concurrency });
      expect(denied.status, path).toBe(403);
      expect(denied.body.detail).toBe(
        'This credential cannot read campaigns: it needs campaigns:read or campaigns:manage.',
      );
    }
    for (const [method, path, body] of writes) {
      const res = await call(method, path, { token: TOKENS.read, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.detail).toMatch(/campaigns:manage/);
    }
    for (const token of [TOKENS.read, TOKENS.manage, TOKENS.concurrency, TOKENS.concurrencyRead]) {
      expect((await call('GET', '/campaign/concurrency-settings', { token })).status).toBe(200);
    }
    for (const token of [TOKENS.manage, TOKENS.concurrency]) {
      expect(
        (
          await call('PUT', '/campaign/concurrency-settings', {
            token,
            body: { concurrency_limit: 5 },
          })
        ).status,
      ).toBe(200);
    }
    for (const token of [TOKENS.read, TOKENS.concurrencyRead]) {
      expect(
        (
          await call('PUT', '/campaign/concurrency-settings', {
            token,
            body: { concurrency_limit: 5 },
          })
        ).status,
      ).toBe(403);
    }
  });

  it('checks the scope before the body, so a refused write reveals nothing of its validation', async () => {
    const { call } = setup();
    const writes: [string, string][] = [
      ['POST', '/campaign/campaigns'],
      ['PUT', '/campaign/concurrency-settings'],
    ];
    for (const [method, path] of writes) {
      expect((await call(method, path, { token: TOKENS.read, body: {} })).status, path).toBe(403);
      expect((await call(method, path, { token: TOKENS.manage, body: {} })).status, path).toBe(422);
    }
    expect(
      (await call('POST', '/campaign/campaigns', { token: TOKENS.concurrency, body: {} })).status,
    ).toBe(403);
    expect(
      (await call('PUT', '/campaign/concurrency-settings', { token: TOKENS.concurrency, body: {} }))
        .status,
    ).toBe(422);
    expect((await call('GET', '/campaign/campaigns')).body.campaigns).toEqual([]);
    expect((await call('GET', '/campaign/concurrency-settings')).body.concurrency_limit).toBe(10);
  });

  it("answers 404 for another org's resources, never leaking them", async () => {
    const { call } = setup();
    const { body: c } = await call('POST', '/campaign/campaigns', {
      body: { name: 'Mine', external_id: 'mine' },
    });
    const { body: cfg } = await call('POST', '/campaign/configurations', { body: { name: 'Cfg' } });
    const upsert = await call('POST', '/campaign/campaigns/mine/contacts', {
      body: { contacts: [{ external_id: 'k', phone_numbers: ['+14155550100'] }] },
    });
    const contactId = upsert.body.contact_ids[0];
    const other = { token: TOKENS.other };
    for (const path of [
      `/campaign/campaigns/${c.id}`,
      '/campaign/campaigns/mine',
      `/campaign/campaigns/${c.id}/stats`,
      `/campaign/campaigns/${c.id}/contacts`,
      `/campaign/campaigns/${c.id}/contacts/${contactId}`,
      `/campaign/configurations/${cfg.id}`,
    ]) {
      expect((await call('GET', path, other)).status, path).toBe(404);
    }
    expect((await call('POST', `/campaign/campaigns/${c.id}/pause`, other)).status).toBe(404);
    expect((await call('DELETE', `/campaign/configurations/${cfg.id}`, other)).status).toBe(404);
    expect((await call('GET', '/campaign/campaigns', other)).body.campaigns).toEqual([]);
    expect((await call('GET', '/campaign/configurations', other)).body.configurations).toEqual([]);
  });

  it('serves timezones without a credential', async () => {
    const { call } = setup();
    const res = await call('GET', '/campaign/timezones', { token: null });
    expect(res.status).toBe(200);
    expect(res.body.timezones).toContain('Europe/London');
    expect(res.body.timezones).toContain('UTC');
  });

  it('answers unknown routes with a contract error body', async () => {
    const { call } = setup();
    const res = await call('GET', '/campaign/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'No route for GET /campaign/nothing-here' });
  });
});
