import { createApp } from '../http/app.ts';
import { createCredential, createOrg } from '../db/orgs.ts';
import { openDatabase, type Db } from '../db/schema.ts';
import { checkResponse } from './openapi-check.ts';
import { createDialer } from '../dialer/dialer.ts';

/** A manual clock: tests move time, nothing sleeps. */
export function manualClock(startIso = '2026-11-23T15:00:00Z') {
  let t = Date.parse(startIso);
  return {
    now: () => new Date(t),
    advance: (ms: number) => (t += ms),
    set: (iso: string) => (t = Date.parse(iso)),
  };
}

export function dialerSetup(
  opts: { seed?: number; speed?: number; path?: string; start?: string } = {},
) {
  const db: Db = openDatabase(opts.path ?? ':memory:');
  const clock = manualClock(opts.start);
  if (!db.prepare("SELECT 1 FROM orgs WHERE id = 'org_a'").get()) {
    createOrg(db, { id: 'org_a', name: 'A' });
    createCredential(db, 'ak_a', {
      orgId: 'org_a',
      scopes: ['campaigns:manage', 'concurrency:manage'],
      label: 'a',
    });
  }
  const app = createApp({ db, now: clock.now });
  const dialer = createDialer({ db, now: clock.now, seed: opts.seed ?? 1, speed: opts.speed ?? 1 });
  async function call<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await app.request(path, {
      method,
      headers: { Authorization: 'Bearer ak_a', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    const parsed = text ? JSON.parse(text) : undefined;
    checkResponse(method, path, res.status, parsed);
    return parsed as T;
  }
  const contacts = (n: number, prefix = 'k') =>
    Array.from({ length: n }, (_, i) => ({
      external_id: `${prefix}${i}`,
      phone_numbers: [`+1415555${String(i % 10000).padStart(4, '0')}`],
    }));
  return { db, clock, dialer, call, contacts };
}

/** Runs the dialer for `minutes` of simulated time in `stepMs` ticks. */
export function run(s: ReturnType<typeof dialerSetup>, minutes: number, stepMs = 5000) {
  for (let t = 0; t < minutes * 60_000; t += stepMs) {
    s.clock.advance(stepMs);
    s.dialer.tick();
  }
}

/** The invariants that must hold after every step, whatever happened. */
export function checkInvariants(db: Db, limitBeforeLowering: number) {
  const inFlight = (
    db.prepare("SELECT COUNT(*) n FROM attempts WHERE status = 'in_progress'").get() as {
      n: number;
    }
  ).n;
  const limit = (
    db.prepare("SELECT COALESCE(concurrency_limit, 10) l FROM orgs WHERE id = 'org_a'").get() as {
      l: number;
    }
  ).l;
  if (inFlight > Math.max(limit, limitBeforeLowering))
    throw new Error(`${inFlight} calls in flight over limit ${limit}`);
  const doubled = db
    .prepare(
      "SELECT contact_id FROM attempts WHERE status = 'in_progress' GROUP BY contact_id HAVING COUNT(*) > 1",
    )
    .all();
  if (doubled.length) throw new Error('A contact is dialed twice at once');
  const lost = db
    .prepare(
      'SELECT id FROM contacts k WHERE attempt_count != (SELECT COUNT(*) FROM attempts a WHERE a.contact_id = k.id)',
    )
    .all();
  if (lost.length) throw new Error('attempt_count disagrees with the attempts');
  checkCounters(db);
  const completedWithout = db
    .prepare(
      "SELECT id FROM contacts k WHERE status = 'completed' AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.contact_id = k.id AND a.status = 'completed')",
    )
    .all();
  if (completedWithout.length) throw new Error('A completed contact has no completed attempt');
  const badExhausted = db
    .prepare(
      `SELECT k.id FROM contacts k JOIN campaigns c ON c.id = k.campaign_id LEFT JOIN configurations cfg ON cfg.id = c.configuration_id
       WHERE k.status = 'exhausted' AND k.suppressed = 0
         AND k.attempt_count - k.attempts_before_requeue != COALESCE(cfg.max_attempts, 3)`,
    )
    .all();
  if (badExhausted.length)
    throw new Error(
      'An exhausted contact does not have exactly max_attempts attempts since its last requeue',
    );
  const inProgressWithoutCall = db
    .prepare(
      "SELECT id FROM contacts k WHERE status IN ('locked','in_progress') AND NOT EXISTS (SELECT 1 FROM attempts a WHERE a.contact_id = k.id AND a.status = 'in_progress')",
    )
    .all();
  if (inProgressWithoutCall.length)
    throw new Error('A contact is in progress with no call in flight');
  return inFlight;
}

/** The maintained counters (campaign buckets and attempts, contact blocks) equal a full recount. */
export function checkCounters(db: Db) {
  const drift = db
    .prepare(
      `SELECT c.id FROM campaigns c WHERE
        n_pending != (SELECT COUNT(*) FROM contacts WHERE campaign_id = c.id AND bucket = 'pending') OR
        n_in_progress != (SELECT COUNT(*) FROM contacts WHERE campaign_id = c.id AND bucket = 'in_progress') OR
        n_completed != (SELECT COUNT(*) FROM contacts WHERE campaign_id = c.id AND bucket = 'completed') OR
        n_exhausted != (SELECT COUNT(*) FROM contacts WHERE campaign_id = c.id AND bucket = 'exhausted') OR
        n_attempts != (SELECT COUNT(*) FROM attempts a JOIN contacts k ON k.id = a.contact_id WHERE k.campaign_id = c.id) OR
        n_suppressed != (SELECT COUNT(*) FROM contacts WHERE campaign_id = c.id AND suppressed = 1)`,
    )
    .all();
  if (drift.length) throw new Error('Campaign counters differ from a full recount');
  const kept = `SELECT campaign_id, bucket, block, n FROM contact_blocks WHERE n != 0`;
  const recount = `SELECT campaign_id, bucket, seq >> 10, COUNT(*) FROM contacts WHERE campaign_id IS NOT NULL GROUP BY 1, 2, 3`;
  const blockDrift = db
    .prepare(
      `SELECT COUNT(*) n FROM (${kept} EXCEPT ${recount} UNION ALL ${recount} EXCEPT ${kept})`,
    )
    .get() as { n: number };
  if (blockDrift.n) throw new Error('Contact blocks differ from a full recount');
  const zonesKept = `SELECT campaign_id, timezone, n_pending FROM campaign_zones WHERE n_pending != 0`;
  const zonesRecount = `SELECT campaign_id, IFNULL(timezone, ''), COUNT(*) FROM contacts
    WHERE campaign_id IS NOT NULL AND status = 'pending' GROUP BY 1, 2`;
  const zoneDrift = db
    .prepare(
      `SELECT COUNT(*) n FROM (${zonesKept} EXCEPT ${zonesRecount} UNION ALL ${zonesRecount} EXCEPT ${zonesKept})`,
    )
    .get() as { n: number };
  if (zoneDrift.n) throw new Error('Pending contacts per zone differ from a full recount');
}
