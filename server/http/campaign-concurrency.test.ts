import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { setup, TOKENS } from '../testing/test-support.ts';

describe('campaign max_concurrent_calls (ext campaign-concurrency)', () => {
  it('is set on create, changed and cleared by PATCH, and returned on every Campaign', async () => {
    const { call } = setup();
    const session = await call('GET', '/campaign/session');
    expect(session.body.extensions).toContain('campaign-concurrency');

    const capped = await call('POST', '/campaign/campaigns', {
      body: { name: 'Capped', external_id: 'capped', max_concurrent_calls: 5 },
    });
    expect(capped.status).toBe(201);
    expect(capped.body.max_concurrent_calls).toBe(5);
    const plain = await call('POST', '/campaign/campaigns', { body: { name: 'Plain' } });
    expect(plain.body.max_concurrent_calls).toBeNull();

    expect((await call('GET', '/campaign/campaigns/capped')).body.max_concurrent_calls).toBe(5);
    const list = (await call('GET', '/campaign/campaigns')).body.campaigns as {
      name: string;
      max_concurrent_calls: number | null;
    }[];
    expect(list.map((c) => [c.name, c.max_concurrent_calls])).toEqual([
      ['Plain', null],
      ['Capped', 5],
    ]);

    const lowered = await call('PATCH', '/campaign/campaigns/capped', {
      body: { max_concurrent_calls: 2 },
    });
    expect(lowered.status).toBe(200);
    expect(lowered.body).toMatchObject({ name: 'Capped', max_concurrent_calls: 2 });
    // A PATCH that does not name it leaves it alone.
    const renamed = await call('PATCH', '/campaign/campaigns/capped', {
      body: { name: 'Capped 2' },
    });
    expect(renamed.body.max_concurrent_calls).toBe(2);
    expect((await call('POST', '/campaign/campaigns/capped/pause')).body.max_concurrent_calls).toBe(
      2,
    );
    const cleared = await call('PATCH', '/campaign/campaigns/capped', {
      body: { max_concurrent_calls: null },
    });
    expect(cleared.body.max_concurrent_calls).toBeNull();
    expect(
      (await call('PATCH', '/campaign/campaigns/capped', { body: { max_concurrent_calls: 1000 } }))
        .body.max_concurrent_calls,
    ).toBe(1000);
  });

  it('records the change in the activity log', async () => {
    const { call } = setup();
    await call('POST', '/campaign/campaigns', { body: { name: 'A', external_id: 'a' } });
    await call('PATCH', '/campaign/campaigns/a', { body: { max_concurrent_calls: 3 } });
    await call('PATCH', '/campaign/campaigns/a', {
      body: { max_concurrent_calls: null, name: 'A2' },
    });
    const events = (await call('GET', '/campaign/activity?action=campaign.updated')).body.events;
    expect(events.map((e: { changes: unknown }) => e.changes)).toEqual([
      { max_concurrent_calls: [3, null], name: ['A', 'A2'] },
      { max_concurrent_calls: [null, 3] },
    ]);
  });

  it('refuses anything but null or a whole number from 1 to 1000 with a 422, writing nothing', async () => {
    const { call } = setup();
    await call('POST', '/campaign/campaigns', {
      body: { name: 'A', external_id: 'a', max_concurrent_calls: 4 },
    });
    const cases: [unknown, string][] = [
      [0, 'Must be at least 1'],
      [-3, 'Must be at least 1'],
      [1001, 'Must be at most 1000'],
      [2.5, 'Must be a whole number'],
    ];
    for (const [value, msg] of cases) {
      for (const [method, path] of [
        ['POST', '/campaign/campaigns'],
        ['PATCH', '/campaign/campaigns/a'],
      ] as const) {
        const res = await call(method, path, { body: { name: 'B', max_concurrent_calls: value } });
        expect(res.status, `${method} ${String(value)}`).toBe(422);
        expect(res.body.detail).toEqual([
          expect.objectContaining({ loc: ['body', 'max_concurrent_calls'], msg }),
        ]);
      }
    }
    for (const value of ['5', true, {}]) {
      const res = await call('PATCH', '/campaign/campaigns/a', {
        body: { max_concurrent_calls: value },
      });
      expect(res.status).toBe(422);
      expect(res.body.detail[0].loc).toEqual(['body', 'max_concurrent_calls']);
    }
    const list = (await call('GET', '/campaign/campaigns')).body.campaigns;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'A', max_concurrent_calls: 4 });
  });

  it('needs campaigns:manage to set, and stays unchangeable once closed', async () => {
    const { call } = setup();
    await call('POST', '/campaign/campaigns', { body: { name: 'A', external_id: 'a' } });
    const patch = await call('PATCH', '/campaign/campaigns/a', {
      token: TOKENS.read,
      body: { max_concurrent_calls: 2 },
    });
    expect(patch.status).toBe(403);
    expect(patch.body.detail).toMatch(/campaigns:manage/);
    expect(
      (
        await call('POST', '/campaign/campaigns', {
          token: TOKENS.read,
          body: { name: 'B', max_concurrent_calls: 2 },
        })
      ).status,
    ).toBe(403);
    // A read-only key still reads it.
    expect(
      (await call('GET', '/campaign/campaigns/a', { token: TOKENS.read })).body
        .max_concurrent_calls,
    ).toBeNull();
    await call('POST', '/campaign/campaigns/a/close');
    expect(
      (await call('PATCH', '/campaign/campaigns/a', { body: { max_concurrent_calls: 2 } })).status,
    ).toBe(400);
  });

  it('with EXTENSIONS=off is neither sent nor accepted: an unknown field, dropped', async () => {
    const { db, call } = setup();
    await call('POST', '/campaign/campaigns', {
      body: { name: 'Capped', external_id: 'capped', max_concurrent_calls: 5 },
    });
    const off = createApp({ db, extensions: false });
    const send = async (method: string, path: string, body?: unknown) => {
      const res = await off.request(path, {
        method,
        headers: { Authorization: `Bearer ${TOKENS.manage}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    const created = await send('POST', '/campaign/campaigns', {
      name: 'Off',
      external_id: 'off',
      max_concurrent_calls: 3,
    });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('max_concurrent_calls');
    // Not validated either: a contract-only server ignores what it does not know.
    const patched = await send('PATCH', '/campaign/campaigns/capped', {
      name: 'Still capped',
      max_concurrent_calls: 0,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).not.toHaveProperty('max_concurrent_calls');
    for (const path of ['/campaign/campaigns/capped', '/campaign/campaigns']) {
      expect(JSON.stringify((await send('GET', path)).body)).not.toContain('max_concurrent_calls');
    }
    expect((await send('POST', '/campaign/campaigns/capped/pause')).body).not.toHaveProperty(
      'max_concurrent_calls',
    );
    // What was set while it was offered is kept, and what was sent while it was not is not stored.
    expect(
      db.prepare('SELECT external_id, max_concurrent_calls FROM campaigns ORDER BY seq').all(),
    ).toEqual([
      { external_id: 'capped', max_concurrent_calls: 5 },
      { external_id: 'off', max_concurrent_calls: null },
    ]);
  });
});
