import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { alertsSetup, times, WEBHOOK } from '../testing/alerts-test-support.ts';
import { sendWithNode } from './alert-delivery.ts';
import { isPrivateAddress } from './webhook-target.ts';

type S = ReturnType<typeof alertsSetup>;
const servers: Server[] = [];
let dir = '';
afterEach(() => {
  vi.useRealTimers();
  for (const s of servers.splice(0)) s.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** A receiver on loopback; `answer` decides each request's fate. */
async function receiver(
  answer: (req: IncomingMessage, body: string) => number | 'hang' = () => 200,
) {
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];
  let arrived: () => void = () => {};
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      arrived();
      const status = answer(req, body);
      if (status !== 'hang') res.writeHead(status).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const next = () => new Promise<void>((resolve) => (arrived = resolve));
  return { url, received, next };
}

async function firingRule(s: S, channel: unknown) {
  const campaign = await s.call('POST', '/campaign/campaigns', {
    name: 'Spring outreach',
    contacts: s.contacts(2),
  });
  const rule = await s.call('POST', '/campaign/alerts/rules', {
    name: 'Failing',
    campaign_id: campaign.body.id,
    condition: { kind: 'failed_share_above', threshold: 10, window_calls: 10 },
    channels: [channel],
  });
  expect(rule.status).toBe(201);
  s.endedCalls(campaign.body.id, times(10, 'failed'));
  s.alerts.evaluate();
  return { campaignId: campaign.body.id as string, ruleId: rule.body.id as string };
}

const delivery = async (s: S) => (await s.events())[0].deliveries[0];

describe('alert delivery', () => {
  it('signs the raw body with the secret and names the event, to a real receiver', async () => {
    const r = await receiver();
    const s = alertsSetup({ allowPrivate: true, send: sendWithNode });
    const { campaignId, ruleId } = await firingRule(s, { ...WEBHOOK, url: r.url });
    await s.alerts.deliverDue();
    expect(r.received).toHaveLength(1);
    const [{ headers, body }] = r.received as [
      { headers: IncomingMessage['headers']; body: string },
    ];
    const expected = createHmac('sha256', WEBHOOK.secret).update(body).digest('hex');
    expect(headers['x-headroom-signature']).toBe(`sha256=${expected}`);
    const payload = JSON.parse(body);
    expect(headers['x-headroom-event']).toBe(payload.id);
    expect(payload).toEqual({
      id: expect.any(String),
      rule: { id: ruleId, name: 'Failing' },
      campaign: { id: campaignId, name: 'Spring outreach' },
      state: 'firing',
      message: "100% of Spring outreach's last 10 calls failed or were busy (threshold 10%)",
      value: 100,
      threshold: 10,
      at: '2026-12-01T15:00:00.000Z',
    });
    expect(await delivery(s)).toMatchObject({ status: 'delivered', attempts: 1, last_error: null });
  });

  it('retries a 500 after 1, 4, 16, 64 and 256 s, then gives up as failed', async () => {
    const s = alertsSetup();
    await firingRule(s, WEBHOOK);
    s.answers.push(500, 500);
    await s.alerts.deliverDue();
    expect(await delivery(s)).toMatchObject({
      status: 'retrying',
      attempts: 1,
      last_error: 'HTTP 500',
    });
    // Not before its time.
    s.clock.advance(999);
    await s.alerts.deliverDue();
    expect(s.sent).toHaveLength(1);
    s.clock.advance(1);
    await s.alerts.deliverDue();
    expect(await delivery(s)).toMatchObject({ status: 'retrying', attempts: 2 });
    s.clock.advance(4000);
    await s.alerts.deliverDue();
    expect(await delivery(s)).toMatchObject({
      status: 'delivered',
      attempts: 3,
      last_error: null,
    });
    expect(s.sent).toHaveLength(3);
    // The same body each time.
    expect(new Set(s.sent.map((r) => r.body)).size).toBe(1);

    const t = alertsSetup();
    await firingRule(t, WEBHOOK);
    t.answers.push(503, 503, 503, 503, 503, 503);
    for (const wait of [0, 1, 4, 16, 64, 256]) {
      t.clock.advance(wait * 1000);
      expect(await t.alerts.deliverDue()).toBe(1);
    }
    expect(await delivery(t)).toMatchObject({
      status: 'failed',
      attempts: 6,
      last_error: 'HTTP 503',
    });
    t.clock.advance(3_600_000);
    expect(await t.alerts.deliverDue()).toBe(0);
  });

  it('retries a receiver that does not answer within 5 s', async () => {
    const r = await receiver(() => 'hang');
    const s = alertsSetup({ allowPrivate: true, send: sendWithNode });
    await firingRule(s, { ...WEBHOOK, url: r.url });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const arrived = r.next();
    const sending = s.alerts.deliverDue();
    await arrived;
    await vi.advanceTimersByTimeAsync(4999);
    expect((await delivery(s)).attempts).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await sending;
    expect(await delivery(s)).toMatchObject({
      status: 'retrying',
      attempts: 1,
      last_error: 'No answer within 5 s',
    });
  });

  it('refuses private, loopback and link-local targets when saved and when delivered', async () => {
    const s = alertsSetup({
      resolve: async (host) =>
        host === 'metadata.internal'
          ? [{ address: '169.254.169.254', family: 4 }]
          : [{ address: '93.184.216.34', family: 4 }],
    });
    for (const url of [
      'https://10.0.0.5/hook',
      'https://[::1]/hook',
      'http://127.0.0.1:9000/hook',
      'https://metadata.internal/latest',
      'http://hooks.example.com/plain-http',
      'https://user:pass@hooks.example.com/',
    ]) {
      const res = await s.call('POST', '/campaign/alerts/rules', {
        name: 'x',
        condition: { kind: 'finished' },
        channels: [{ ...WEBHOOK, url }],
      });
      expect(res.status, url).toBe(422);
      expect(res.body.detail[0].loc).toEqual(['body', 'channels', 0, 'url']);
    }
    expect(
      [
        '127.0.0.1',
        '10.1.2.3',
        '172.20.0.1',
        '192.168.1.1',
        '169.254.1.1',
        '::1',
        'fe80::1',
        'fd00::1',
        '::ffff:10.0.0.1',
      ].filter((a) => !isPrivateAddress(a)),
    ).toEqual([]);
    expect(isPrivateAddress('93.184.216.34')).toBe(false);

    // DNS rebinding: public when saved, loopback when delivered: nothing is sent.
    let rebound = false;
    const t = alertsSetup({
      resolve: async () => [{ address: rebound ? '127.0.0.1' : '93.184.216.34', family: 4 }],
    });
    await firingRule(t, WEBHOOK);
    rebound = true;
    await t.alerts.deliverDue();
    expect(t.sent).toHaveLength(0);
    expect(await delivery(t)).toMatchObject({
      status: 'retrying',
      last_error: 'Refused: the address is private, loopback or link-local',
    });
    // What is sent goes to the address that was checked.
    rebound = false;
    t.clock.advance(1000);
    await t.alerts.deliverDue();
    expect(t.sent[0]!.address).toEqual({ address: '93.184.216.34', family: 4 });
  });

  it('resumes the deliveries a stopped server left to make', async () => {
    dir = mkdtempSync(join(tmpdir(), 'headroom-alerts-'));
    const path = join(dir, 'alerts.db');
    const s = alertsSetup({ path });
    await firingRule(s, WEBHOOK);
    s.answers.push(500);
    await s.alerts.deliverDue();
    s.db.close();
    const again = alertsSetup({ path, start: '2026-12-01T15:00:02Z' });
    expect(await again.alerts.deliverDue()).toBe(1);
    expect(await delivery(again)).toMatchObject({ status: 'delivered', attempts: 2 });
    again.db.close();
  });

  it('keeps secrets write-only and sends a test to every channel on request', async () => {
    const s = alertsSetup();
    const created = await s.call('POST', '/campaign/alerts/rules', {
      name: 'Ops',
      condition: { kind: 'stalled', for_minutes: 10 },
      channels: [WEBHOOK, { type: 'slack', url: 'https://hooks.slack.com/services/T0/B0/xyz' }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (const res of [
      created,
      await s.call('GET', `/campaign/alerts/rules/${id}`),
      await s.call('GET', '/campaign/alerts/rules'),
    ])
      expect(JSON.stringify(res.body)).not.toContain(WEBHOOK.secret);
    // An update that keeps the URL keeps its secret; a new webhook URL needs one.
    const renamed = await s.call('PATCH', `/campaign/alerts/rules/${id}`, {
      name: 'Ops, renamed',
      channels: [{ type: 'webhook', url: WEBHOOK.url }],
    });
    expect(renamed.status).toBe(200);
    const moved = await s.call('PATCH', `/campaign/alerts/rules/${id}`, {
      channels: [{ type: 'webhook', url: 'https://elsewhere.example.com/' }],
    });
    expect(moved.status).toBe(422);
    expect(moved.body.detail[0].loc).toEqual(['body', 'channels', 0, 'secret']);

    s.answers.push(200);
    const test = await s.call('POST', `/campaign/alerts/rules/${id}/test`);
    expect(test.body.deliveries).toEqual([
      expect.objectContaining({
        channel: { type: 'webhook', host: 'hooks.example.com' },
        status: 'delivered',
        state: 'test',
      }),
    ]);
    expect(JSON.parse(s.sent[0]!.body)).toMatchObject({
      state: 'test',
      rule: { id, name: 'Ops, renamed' },
    });
    expect(s.sent[0]!.headers['X-Headroom-Signature']).toBe(
      `sha256=${createHmac('sha256', WEBHOOK.secret).update(s.sent[0]!.body).digest('hex')}`,
    );
  });

  it('keeps Slack URLs write-only: masked in every answer and log, kept unless replaced', async () => {
    const token = 'xoxSecretToken0123456789';
    const slack = `https://hooks.slack.com/services/T0123ABCD/B0456EFGH/${token}`;
    const masked = 'https://hooks.slack.com/services/T…/B…/••••';
    const logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
    const s = alertsSetup();
    const answers: unknown[] = [];
    const call = async (...args: Parameters<S['call']>) => {
      const res = await s.call(...args);
      answers.push(res.body);
      return res;
    };
    const c = await call('POST', '/campaign/campaigns', { name: 'A', contacts: s.contacts(10) });
    const created = await call('POST', '/campaign/alerts/rules', {
      name: 'Ops',
      campaign_id: c.body.id,
      condition: { kind: 'failed_share_above', threshold: 10, window_calls: 10 },
      channels: [WEBHOOK, { type: 'slack', url: slack }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body.channels).toEqual([
      { type: 'webhook', url: WEBHOOK.url },
      { type: 'slack', url: masked },
    ]);
    const read = await call('GET', `/campaign/alerts/rules/${id}`);
    expect(read.body.channels[1]).toEqual({ type: 'slack', url: masked });
    await call('GET', '/campaign/alerts/rules', undefined, 'ak_a_read');
    // Written back as answered, the rule keeps its URL: the delivery goes to the real one.
    const renamed = await call('PATCH', `/campaign/alerts/rules/${id}`, {
      name: 'Ops, renamed',
      channels: read.body.channels,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.channels[1]).toEqual({ type: 'slack', url: masked });
    s.answers.push(200, 500);
    const test = await call('POST', `/campaign/alerts/rules/${id}/test`);
    expect(test.body.deliveries.map((d: { status: string }) => d.status)).toEqual([
      'delivered',
      'failed',
    ]);
    expect(s.sent.map((r) => r.url.href)).toEqual([WEBHOOK.url, slack]);
    // A firing episode's delivery that fails is recorded by host only.
    s.endedCalls(c.body.id, times(10, 'failed'));
    s.alerts.evaluate();
    s.answers.push(200, new Error('connect ECONNREFUSED'));
    await s.alerts.deliverDue();
    answers.push(await s.events());
    // A mask that stands for no saved URL is refused, not stored.
    const other = await call('POST', '/campaign/alerts/rules', {
      name: 'Other',
      condition: { kind: 'finished' },
      channels: [{ type: 'slack', url: masked }],
    });
    expect(other.status).toBe(422);
    expect(other.body.detail[0]).toMatchObject({
      loc: ['body', 'channels', 0, 'url'],
      msg: 'Paste the whole Slack URL',
    });
    // A new URL replaces the old one.
    const moved = await call('PATCH', `/campaign/alerts/rules/${id}`, {
      channels: [{ type: 'slack', url: 'https://hooks.slack.com/services/T9/B9/newtoken' }],
    });
    expect(moved.body.channels).toEqual([
      { type: 'slack', url: 'https://hooks.slack.com/services/T…/B…/••••' },
    ]);
    await call('POST', `/campaign/alerts/rules/${id}/test`);
    expect(s.sent.at(-1)!.url.href).toBe('https://hooks.slack.com/services/T9/B9/newtoken');

    expect(JSON.stringify(answers)).not.toContain(token);
    expect(JSON.stringify(answers)).not.toContain('newtoken');
    for (const spy of logged)
      expect(JSON.stringify(spy.mock.calls.map((args) => args.map(String)))).not.toContain(token);
    vi.restoreAllMocks();
  });

  it('answers only within the org, with the contract details for bad input', async () => {
    const s = alertsSetup();
    const created = await s.call('POST', '/campaign/alerts/rules', {
      name: 'Ops',
      condition: { kind: 'finished' },
      channels: [WEBHOOK],
    });
    const id = created.body.id;
    expect((await s.call('GET', `/campaign/alerts/rules/${id}`, undefined, 'ak_b')).status).toBe(
      404,
    );
    expect(
      (await s.call('DELETE', `/campaign/alerts/rules/${id}`, undefined, 'ak_a_read')).status,
    ).toBe(403);
    expect((await s.call('GET', '/campaign/alerts/rules', undefined, 'ak_a_read')).status).toBe(
      200,
    );
    const bad = await s.call('POST', '/campaign/alerts/rules', {
      name: 'x',
      condition: { kind: 'rate_below', metric: 'answer_rate', threshold: 130, window_calls: 5 },
      channels: [],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.detail.map((d: { loc: unknown[] }) => d.loc.join('.'))).toEqual(
      expect.arrayContaining([
        'body.condition.threshold',
        'body.condition.window_calls',
        'body.channels',
      ]),
    );
    expect(
      (
        await s.call('POST', '/campaign/alerts/rules', {
          name: 'x',
          campaign_id: 'nope',
          condition: { kind: 'finished' },
          channels: [WEBHOOK],
        })
      ).status,
    ).toBe(404);
    expect((await s.call('GET', '/campaign/alerts/events?cursor=bogus')).status).toBe(422);
    expect((await s.call('DELETE', `/campaign/alerts/rules/${id}`)).status).toBe(204);
    expect((await s.call('GET', `/campaign/alerts/rules/${id}`)).status).toBe(404);
  });

  it('pages events newest first with a cursor and filters by state', async () => {
    const s = alertsSetup();
    const c = await s.call('POST', '/campaign/campaigns', { name: 'A', contacts: s.contacts(1) });
    await s.call('POST', '/campaign/alerts/rules', {
      name: 'Ops',
      condition: { kind: 'finished' },
      channels: [WEBHOOK],
    });
    // Three episodes: its one contact finishes, is called again, finishes again.
    const contactId = (await s.call('GET', `/campaign/campaigns/${c.body.id}/contacts`)).body
      .contacts[0].id;
    s.db.prepare("UPDATE contacts SET status = 'exhausted' WHERE id = ?").run(contactId);
    for (let i = 0; i < 3; i++) {
      s.alerts.evaluate();
      s.db.prepare("UPDATE contacts SET status = 'pending' WHERE id = ?").run(contactId);
      s.alerts.evaluate();
      s.db.prepare("UPDATE contacts SET status = 'exhausted' WHERE id = ?").run(contactId);
    }
    s.alerts.evaluate();
    const first = await s.call('GET', '/campaign/alerts/events?limit=2');
    expect(first.body.events.map((e: { state: string }) => e.state)).toEqual([
      'firing',
      'resolved',
    ]);
    const rest = await s.call(
      'GET',
      `/campaign/alerts/events?limit=2&cursor=${first.body.next_cursor}`,
    );
    expect(rest.body.events).toHaveLength(2);
    expect(rest.body.next_cursor).toBeNull();
    expect(await s.events('?state=firing')).toHaveLength(1);
  });
});
