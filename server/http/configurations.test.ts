import { describe, expect, it } from 'vitest';
import { setup } from '../testing/test-support.ts';

describe('configurations', () => {
  it('creates with the contract defaults, lists, gets and patches', async () => {
    const { call } = setup();
    const created = await call('POST', '/campaign/configurations', { body: { name: 'Defaults' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Defaults',
      agent_id: null,
      from_phone_number: null,
      default_country_code: null,
      timezone: 'UTC',
      schedule: null,
      max_attempts: 3,
      retry_interval_minutes: 60,
    });
    const schedule = { days: ['mon', 'tue'], start_time: '09:00', end_time: '17:30' };
    const patched = await call('PATCH', `/campaign/configurations/${created.body.id}`, {
      body: {
        timezone: 'Europe/London',
        schedule,
        max_attempts: 5,
        from_phone_number: '+442079460958',
      },
    });
    expect(patched.body).toMatchObject({
      name: 'Defaults',
      timezone: 'Europe/London',
      schedule,
      max_attempts: 5,
    });
    expect((await call('GET', `/campaign/configurations/${created.body.id}`)).body).toEqual(
      patched.body,
    );
    expect((await call('GET', '/campaign/configurations')).body.configurations).toEqual([
      patched.body,
    ]);
  });

  it('validates bounds, formats, windows and timezones with located messages', async () => {
    const { call } = setup();
    const cases: [unknown, (string | number)[]][] = [
      [{ name: 'x', max_attempts: 21 }, ['body', 'max_attempts']],
      [{ name: 'x', max_attempts: 0 }, ['body', 'max_attempts']],
      [{ name: 'x', retry_interval_minutes: 10081 }, ['body', 'retry_interval_minutes']],
      [{ name: 'x', from_phone_number: '555-0100' }, ['body', 'from_phone_number']],
      [{ name: 'x', default_country_code: '44' }, ['body', 'default_country_code']],
      [
        { name: 'x', schedule: { days: ['mon'], start_time: '18:00', end_time: '09:00' } },
        ['body', 'schedule', 'end_time'],
      ],
      [
        { name: 'x', schedule: { days: [], start_time: '09:00', end_time: '17:00' } },
        ['body', 'schedule', 'days'],
      ],
      [{ name: 'x', timezone: 'Mars/Olympus' }, ['body', 'timezone']],
      [{ name: '' }, ['body', 'name']],
    ];
    for (const [body, loc] of cases) {
      const res = await call('POST', '/campaign/configurations', { body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.detail[0].loc).toEqual(loc);
    }
  });

  it('refuses to delete a configuration in use (409 naming the campaigns), then deletes it', async () => {
    const { call } = setup();
    const { body: cfg } = await call('POST', '/campaign/configurations', {
      body: { name: 'Used' },
    });
    const { body: c } = await call('POST', '/campaign/campaigns', {
      body: { name: 'Spring', configuration_id: cfg.id },
    });
    const conflict = await call('DELETE', `/campaign/configurations/${cfg.id}`);
    expect(conflict.status).toBe(409);
    expect(conflict.body.detail).toBe(`Configuration is used by 1 campaign: Spring (${c.id})`);
    await call('PATCH', `/campaign/campaigns/${c.id}`, { body: { configuration_id: null } });
    expect((await call('DELETE', `/campaign/configurations/${cfg.id}`)).status).toBe(204);
    expect((await call('GET', `/campaign/configurations/${cfg.id}`)).status).toBe(404);
  });
});

describe('concurrency settings', () => {
  it('defaults to 10 and accepts integers 1..1000', async () => {
    const { call } = setup();
    expect((await call('GET', '/campaign/concurrency-settings')).body).toEqual({
      concurrency_limit: 10,
      active_calls: 0,
    });
    for (const bad of [0, 1001, 2.5, '20']) {
      expect(
        (await call('PUT', '/campaign/concurrency-settings', { body: { concurrency_limit: bad } }))
          .status,
      ).toBe(422);
    }
    const ok = await call('PUT', '/campaign/concurrency-settings', {
      body: { concurrency_limit: 1000 },
    });
    expect(ok.body).toEqual({ concurrency_limit: 1000, active_calls: 0 });
  });
});

describe('conversations (ext)', () => {
  it('returns the transcript and evaluation runs, scoped to the org', async () => {
    const { call, db } = setup();
    db.prepare(
      `INSERT INTO conversations (id, org_id, started_at, ended_at, transcript)
       VALUES ('conv-1', 'org_a', '2026-11-22T09:00:00Z', '2026-11-22T09:03:00Z', ?)`,
    ).run(JSON.stringify([{ role: 'agent', text: 'Hello!', at: '2026-11-22T09:00:01Z' }]));
    db.prepare(
      `INSERT INTO evaluation_runs (id, conversation_id, metric_key, status, results, created_at)
       VALUES ('e1', 'conv-1', 'qualification', 'completed', '{"interested":true}', '2026-11-22T09:04:00Z')`,
    ).run();
    const res = await call('GET', '/conversations/conv-1');
    expect(res.body).toEqual({
      id: 'conv-1',
      started_at: '2026-11-22T09:00:00Z',
      ended_at: '2026-11-22T09:03:00Z',
      // (ext) recordings: the call's audio, and each turn's place in it.
      recording: { duration_seconds: 180, channels: 2 },
      transcript: [
        {
          role: 'agent',
          text: 'Hello!',
          at: '2026-11-22T09:00:01Z',
          start_seconds: 1,
          end_seconds: 2,
        },
      ],
      evaluations: [
        { metric_key: 'qualification', status: 'completed', results: { interested: true } },
      ],
    });
    expect((await call('GET', '/conversations/conv-1', { token: 'ak_other_manage' })).status).toBe(
      404,
    );
    expect((await call('GET', '/conversations/conv-1', { token: null })).status).toBe(401);
  });
});
