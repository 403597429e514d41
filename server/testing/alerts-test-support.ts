import { randomUUID } from 'node:crypto';
import { createApp } from '../http/app.ts';
import { createCredential, createOrg } from '../db/orgs.ts';
import { openDatabase, type Db } from '../db/schema.ts';
import { createDialer } from '../dialer/dialer.ts';
import { createAlerts, type Send, type SendRequest } from '../domain/alert-delivery.ts';
import type { Resolve } from '../domain/webhook-target.ts';
import { manualClock } from './dialer-test-support.ts';
import { checkResponse } from './openapi-check.ts';

/**
 * An app with alerts on a manual clock: evaluations and deliveries run when the test says,
 * sends are recorded (and answered as `answer` says) unless a real sender is given.
 */
export function alertsSetup(
  opts: {
    path?: string;
    start?: string;
    allowPrivate?: boolean;
    send?: Send;
    resolve?: Resolve;
    timeoutMs?: number;
  } = {},
) {
  const db: Db = openDatabase(opts.path ?? ':memory:');
  const clock = manualClock(opts.start ?? '2026-12-01T15:00:00Z');
  if (!db.prepare("SELECT 1 FROM orgs WHERE id = 'org_a'").get()) {
    createOrg(db, { id: 'org_a', name: 'A' });
    createOrg(db, { id: 'org_b', name: 'B' });
    createCredential(db, 'ak_a', {
      orgId: 'org_a',
      scopes: ['campaigns:manage', 'concurrency:manage'],
      label: 'a',
    });
    createCredential(db, 'ak_a_read', { orgId: 'org_a', scopes: ['campaigns:read'], label: 'r' });
    createCredential(db, 'ak_b', { orgId: 'org_b', scopes: ['campaigns:manage'], label: 'b' });
  }
  const sent: SendRequest[] = [];
  const answers: (number | Error)[] = [];
  const recording: Send = async (request) => {
    sent.push(request);
    const answer = answers.shift() ?? 200;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  // Every name resolves to a public address unless the test says otherwise.
  const publicResolve: Resolve = async () => [{ address: '93.184.216.34', family: 4 }];
  const alerts = createAlerts({
    db,
    now: clock.now,
    allowPrivate: opts.allowPrivate ?? false,
    send: opts.send ?? recording,
    resolve: opts.resolve ?? publicResolve,
    timeoutMs: opts.timeoutMs,
  });
  const app = createApp({ db, now: clock.now, alerts });
  const dialer = createDialer({ db, now: clock.now, seed: 3, speed: 1 });

  async function call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    token = 'ak_a',
  ): Promise<{ status: number; body: T }> {
    const res = await app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    checkResponse(method, path, res.status, parsed);
    return { status: res.status, body: parsed as T };
  }

  const contacts = (n: number, prefix = 'k') =>
    Array.from({ length: n }, (_, i) => ({
      external_id: `${prefix}${i}`,
      phone_numbers: [`+1415555${String(i % 10000).padStart(4, '0')}`],
    }));

  /** Ended calls of the campaign at the clock's time, written as history (the triggers count them). */
  function endedCalls(campaignId: string, statuses: string[]) {
    const contact = db
      .prepare('SELECT id FROM contacts WHERE campaign_id = ? LIMIT 1')
      .get(campaignId) as { id: string };
    const at = clock.now().toISOString();
    const insert = db.prepare(
      `INSERT INTO attempts (id, org_id, campaign_id, contact_id, phone_number, started_at, ended_at, status)
       VALUES (?, 'org_a', ?, ?, '+14155550100', ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const s of statuses) insert.run(randomUUID(), campaignId, contact.id, at, at, s);
    })();
  }

  const events = async (query = '') =>
    (await call<{ events: any[] }>('GET', `/campaign/alerts/events${query}`)).body.events;

  return { db, clock, app, alerts, dialer, call, contacts, endedCalls, events, sent, answers };
}

export const WEBHOOK = {
  type: 'webhook',
  url: 'https://hooks.example.com/headroom',
  secret: 'whsec_0123456789abcdef',
} as const;

export const times = (n: number, s: string) => Array.from({ length: n }, () => s);
