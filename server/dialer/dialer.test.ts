import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insideWindow } from '../../contract/calling-window.ts';
import type { Schedule } from '../../contract/schemas.ts';
import { createRandom } from './random.ts';
import { checkInvariants, dialerSetup, run } from '../testing/dialer-test-support.ts';

const inFlight = (db: ReturnType<typeof dialerSetup>['db']) =>
  (
    db.prepare("SELECT COUNT(*) n FROM attempts WHERE status = 'in_progress'").get() as {
      n: number;
    }
  ).n;
const byCampaign = (db: ReturnType<typeof dialerSetup>['db']) =>
  Object.fromEntries(
    (
      db
        .prepare(
          "SELECT campaign_id, COUNT(*) n FROM attempts WHERE status = 'in_progress' GROUP BY campaign_id",
        )
        .all() as { campaign_id: string; n: number }[]
    ).map((r) => [r.campaign_id, r.n]),
  );

describe('dialer properties over random operations', () => {
  it('never breaks its invariants, for many seeds', async () => {
    for (let seed = 1; seed <= 25; seed++) {
      const s = dialerSetup({ seed, speed: 1 });
      const random = createRandom(seed * 7919);
      const cfg = await s.call('POST', '/campaign/configurations', {
        name: 'Fast retries',
        max_attempts: random.int(1, 4),
        retry_interval_minutes: random.int(0, 5),
      });
      const campaigns: string[] = [];
      for (let i = 0; i < 3; i++) {
        const c = await s.call('POST', '/campaign/campaigns', {
          name: `C${i}`,
          configuration_id: i === 0 ? null : cfg.id,
          contacts: s.contacts(random.int(5, 40), `s${seed}c${i}-`),
        });
        campaigns.push(c.id);
      }
      let limit = 10;
      let previousLimit = limit;
      for (let step = 0; step < 60; step++) {
        const op = random.int(0, 9);
        const target = random.pick(campaigns);
        previousLimit = limit;
        if (op === 0) {
          limit = random.int(1, 12);
          await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: limit });
        } else if (op === 1) {
          await s.call('POST', `/campaign/campaigns/${target}/pause`).catch(() => undefined);
        } else if (op === 2) {
          await s.call('POST', `/campaign/campaigns/${target}/start`).catch(() => undefined);
        } else if (op === 3 && random.next() < 0.3) {
          await s.call('POST', `/campaign/campaigns/${target}/close`).catch(() => undefined);
        } else if (op === 4) {
          await s
            .call('POST', `/campaign/campaigns/${target}/contacts`, {
              contacts: s.contacts(random.int(1, 5), `up${step}-`),
            })
            .catch(() => undefined);
        } else if (op === 5) {
          const page = await s.call('GET', `/campaign/campaigns/${target}/contacts?limit=5`);
          const victim = page.contacts[random.int(0, Math.max(0, page.contacts.length - 1))];
          if (victim) await s.call('DELETE', `/campaign/campaigns/${target}/contacts/${victim.id}`);
        } else if (op === 6) {
          // A closed campaign answers 400; the others get a fresh budget for what matched.
          const status = random.next() < 0.7 ? ['exhausted'] : ['exhausted', 'completed'];
          await s
            .call('POST', `/campaign/campaigns/${target}/contacts/requeue`, { status })
            .catch(() => undefined);
        }
        const before = inFlight(s.db);
        s.clock.advance(random.int(1, 90) * 1000);
        s.dialer.tick();
        // After lowering the limit, calls in flight may stay above it, but none may start.
        if (before > limit) expect(inFlight(s.db)).toBeLessThanOrEqual(before);
        else checkInvariants(s.db, previousLimit);
        checkInvariants(s.db, Math.max(limit, before));
      }
    }
  }, 60_000);
});

type CampaignRow = {
  id: string;
  status: string;
  max_concurrent_calls: number | null;
  timezone: string;
  schedule: string | null;
};

/** What the database says after a tick, counted from scratch: calls in flight and dialable work. */
function capState(db: ReturnType<typeof dialerSetup>['db'], at: Date) {
  const campaigns = db
    .prepare(
      `SELECT c.id, c.status, c.max_concurrent_calls, COALESCE(cfg.timezone, 'UTC') timezone, cfg.schedule
       FROM campaigns c LEFT JOIN configurations cfg ON cfg.id = c.configuration_id`,
    )
    .all() as CampaignRow[];
  const inFlightOf = db.prepare(
    "SELECT COUNT(*) n FROM attempts WHERE campaign_id = ? AND status = 'in_progress'",
  );
  const dialableOf = db.prepare(
    "SELECT COUNT(*) n FROM contacts WHERE campaign_id = ? AND status = 'pending' AND (attempt_count = 0 OR next_attempt_at <= ?)",
  );
  return campaigns.map((c) => ({
    ...c,
    inFlight: (inFlightOf.get(c.id) as { n: number }).n,
    // Work the dialer could start now: an active campaign inside its window with a contact due.
    dialable:
      c.status === 'active' &&
      insideWindow(c.schedule ? (JSON.parse(c.schedule) as Schedule) : null, c.timezone, at) &&
      (dialableOf.get(c.id, at.toISOString()) as { n: number }).n > 0,
  }));
}

describe('campaign caps (ext campaign-concurrency) over random operations', () => {
  it('keep each campaign under its cap and the org under its limit, and leave no usable slot idle, for many seeds', async () => {
    let capBound = 0;
    let orgBound = 0;
    for (let seed = 1; seed <= 30; seed++) {
      // 15:00 UTC on Monday 23 November 2026: the windows below open and close during the run.
      const s = dialerSetup({ seed, speed: 1, start: '2026-11-23T15:00:00Z' });
      const random = createRandom(seed * 104_729);
      const minute = () => String(random.int(0, 59)).padStart(2, '0');
      const configurations: (string | null)[] = [null];
      for (const timezone of ['UTC', 'America/New_York']) {
        const [start, end] = timezone === 'UTC' ? ['15', '16'] : ['10', '11'];
        const cfg = await s.call('POST', '/campaign/configurations', {
          name: `Window ${timezone}`,
          timezone,
          schedule:
            random.next() < 0.2
              ? null
              : {
                  days: ['mon'],
                  start_time: `${start}:${minute()}`,
                  end_time: `${end}:${minute()}`,
                },
          max_attempts: random.int(1, 4),
          retry_interval_minutes: random.int(0, 5),
        });
        configurations.push(cfg.id);
      }
      const cap = () => (random.next() < 0.3 ? null : random.int(1, 6));
      const campaigns: string[] = [];
      for (let i = 0, n = random.int(2, 4); i < n; i++) {
        const c = await s.call('POST', '/campaign/campaigns', {
          name: `C${i}`,
          configuration_id: random.pick(configurations),
          max_concurrent_calls: cap(),
          contacts: s.contacts(random.int(5, 40), `s${seed}c${i}-`),
        });
        campaigns.push(c.id);
      }
      let limit = random.int(1, 15);
      await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: limit });
      for (let step = 0; step < 80; step++) {
        const op = random.int(0, 9);
        const target = random.pick(campaigns);
        if (op === 0) {
          limit = random.int(1, 15);
          await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: limit });
        } else if (op <= 2) {
          await s
            .call('PATCH', `/campaign/campaigns/${target}`, { max_concurrent_calls: cap() })
            .catch(() => undefined);
        } else if (op === 3) {
          await s.call('POST', `/campaign/campaigns/${target}/pause`).catch(() => undefined);
        } else if (op === 4) {
          await s.call('POST', `/campaign/campaigns/${target}/start`).catch(() => undefined);
        } else if (op === 5) {
          await s
            .call('POST', `/campaign/campaigns/${target}/contacts`, {
              contacts: s.contacts(random.int(1, 8), `up${step}-`),
            })
            .catch(() => undefined);
        } else if (op === 6) {
          await s
            .call('POST', `/campaign/campaigns/${target}/contacts/requeue`, {
              status: ['exhausted'],
            })
            .catch(() => undefined);
        }
        const lastSeq = (
          s.db.prepare('SELECT COALESCE(MAX(seq), 0) n FROM attempts').get() as { n: number }
        ).n;
        const orgBefore = inFlight(s.db);
        s.clock.advance(random.int(1, 120) * 1000);
        s.dialer.tick();
        const at = s.clock.now();
        const started = new Map(
          (
            s.db
              .prepare(
                'SELECT campaign_id, COUNT(*) n FROM attempts WHERE seq > ? GROUP BY campaign_id',
              )
              .all(lastSeq) as { campaign_id: string; n: number }[]
          ).map((r) => [r.campaign_id, r.n]),
        );
        const state = capState(s.db, at);
        const org = state.reduce((sum, c) => sum + c.inFlight, 0);
        const where = `seed ${seed} step ${step}`;
        expect(org, where).toBe(inFlight(s.db));
        checkInvariants(s.db, Math.max(limit, orgBefore));
        // A lowered limit or cap lets calls finish; nothing new starts while at or over it.
        if (started.size > 0)
          expect(org, `${where}: org over its limit`).toBeLessThanOrEqual(limit);
        for (const c of state) {
          if (c.max_concurrent_calls !== null && started.has(c.id)) {
            expect(c.inFlight, `${where}: campaign over its cap`).toBeLessThanOrEqual(
              c.max_concurrent_calls,
            );
          }
          const atCap = c.max_concurrent_calls !== null && c.inFlight >= c.max_concurrent_calls;
          // Work-conserving: a slot is idle only when no campaign with work may take it.
          if (c.dialable && !atCap)
            expect(org, `${where}: a free slot left idle`).toBeGreaterThanOrEqual(limit);
          if (c.dialable && atCap && org < limit) capBound++;
          if (c.dialable && !atCap) orgBound++;
        }
      }
    }
    // The runs did put both caps to work, so the checks above were not vacuous.
    expect(capBound).toBeGreaterThan(100);
    expect(orgBound).toBeGreaterThan(100);
  }, 120_000);
});

describe('dialer scenarios', () => {
  it('fills free slots up to the limit at once, and no more', async () => {
    const s = dialerSetup();
    await s.call('POST', '/campaign/campaigns', { name: 'A', contacts: s.contacts(50) });
    await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 7 });
    s.dialer.tick();
    expect(inFlight(s.db)).toBe(7);
    expect((await s.call('GET', '/campaign/concurrency-settings')).active_calls).toBe(7);
    await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 12 });
    s.dialer.tick();
    expect(inFlight(s.db)).toBe(12);
  });

  it('lowering the limit starts nothing until calls drop below the new cap', async () => {
    const s = dialerSetup();
    await s.call('POST', '/campaign/campaigns', { name: 'A', contacts: s.contacts(100) });
    s.dialer.tick();
    expect(inFlight(s.db)).toBe(10);
    await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 3 });
    let seen = 10;
    for (let i = 0; i < 200; i++) {
      s.clock.advance(2000);
      s.dialer.tick();
      const now = inFlight(s.db);
      if (seen > 3) expect(now).toBeLessThanOrEqual(seen);
      else expect(now).toBeLessThanOrEqual(3);
      seen = now;
    }
    expect(seen).toBe(3);
  });

  it('shares slots fairly between active campaigns, oldest contacts first', async () => {
    const s = dialerSetup();
    const a = await s.call('POST', '/campaign/campaigns', {
      name: 'A',
      contacts: s.contacts(40, 'a'),
    });
    const b = await s.call('POST', '/campaign/campaigns', {
      name: 'B',
      contacts: s.contacts(40, 'b'),
    });
    s.dialer.tick();
    expect(byCampaign(s.db)).toEqual({ [a.id]: 5, [b.id]: 5 });
    const dialed = (
      await s.call('GET', `/campaign/campaigns/${a.id}/contacts?status=in_progress`)
    ).contacts.map((c: any) => c.external_id);
    expect(dialed).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
  });

  it('gives the slots a capped campaign cannot use to the others, and leaves idle only what nobody may use', async () => {
    const s = dialerSetup();
    const a = await s.call('POST', '/campaign/campaigns', {
      name: 'A',
      max_concurrent_calls: 2,
      contacts: s.contacts(40, 'a'),
    });
    const b = await s.call('POST', '/campaign/campaigns', {
      name: 'B',
      contacts: s.contacts(40, 'b'),
    });
    s.dialer.tick();
    expect(byCampaign(s.db)).toEqual({ [a.id]: 2, [b.id]: 8 });
    await s.call('PATCH', `/campaign/campaigns/${b.id}`, { max_concurrent_calls: 3 });
    // B is over its new cap: nothing starts until its calls drop under 3, and A stays at 2.
    for (let i = 0; i < 300; i++) {
      s.clock.advance(2000);
      s.dialer.tick();
      const now = byCampaign(s.db);
      expect(now[a.id] ?? 0).toBeLessThanOrEqual(2);
      expect(now[b.id] ?? 0).toBeLessThanOrEqual(8);
    }
    expect(byCampaign(s.db)).toEqual({ [a.id]: 2, [b.id]: 3 });
    expect(inFlight(s.db)).toBe(5);
    // Raising a cap fills up to it at once, under the org limit.
    await s.call('PATCH', `/campaign/campaigns/${a.id}`, { max_concurrent_calls: null });
    s.dialer.tick();
    expect(byCampaign(s.db)).toEqual({ [a.id]: 7, [b.id]: 3 });
  });

  it('a campaign started later is not starved by an older one with plenty of work', async () => {
    const s = dialerSetup({ seed: 4 });
    const a = await s.call('POST', '/campaign/campaigns', {
      name: 'A',
      contacts: s.contacts(300, 'a'),
    });
    s.dialer.tick();
    expect(byCampaign(s.db)).toEqual({ [a.id]: 10 });
    const b = await s.call('POST', '/campaign/campaigns', {
      name: 'B',
      max_concurrent_calls: 4,
      contacts: s.contacts(300, 'b'),
    });
    // Calls end one or two at a time: each freed slot goes to the campaign with the fewest in flight.
    run(s, 10, 1000);
    expect(byCampaign(s.db)).toEqual({ [a.id]: 6, [b.id]: 4 });
  });

  it('lowering a cap lets its calls finish and starts none for it until under the cap', async () => {
    const s = dialerSetup();
    const c = await s.call('POST', '/campaign/campaigns', { name: 'A', contacts: s.contacts(100) });
    s.dialer.tick();
    expect(inFlight(s.db)).toBe(10);
    await s.call('PATCH', `/campaign/campaigns/${c.id}`, { max_concurrent_calls: 4 });
    let seen = 10;
    for (let i = 0; i < 200; i++) {
      s.clock.advance(2000);
      s.dialer.tick();
      const now = inFlight(s.db);
      if (seen > 4) expect(now).toBeLessThanOrEqual(seen);
      else expect(now).toBeLessThanOrEqual(4);
      seen = now;
    }
    expect(seen).toBe(4);
  });

  it('retries wait their interval, then exhaust at max_attempts', async () => {
    const s = dialerSetup({ seed: 3 });
    const cfg = await s.call('POST', '/campaign/configurations', {
      name: 'R',
      max_attempts: 2,
      retry_interval_minutes: 30,
    });
    const c = await s.call('POST', '/campaign/campaigns', {
      name: 'A',
      configuration_id: cfg.id,
      contacts: s.contacts(30),
    });
    run(s, 10); // every first call has ended by now
    const retrying = s.db
      .prepare(
        "SELECT id, next_attempt_at FROM contacts WHERE campaign_id = ? AND status = 'pending' AND attempt_count = 1",
      )
      .all(c.id) as { id: string; next_attempt_at: string }[];
    expect(retrying.length).toBeGreaterThan(0);
    run(s, 15);
    // Not yet 30 minutes after their first call: still one attempt each.
    for (const r of retrying) {
      const n = (
        s.db.prepare('SELECT attempt_count n FROM contacts WHERE id = ?').get(r.id) as { n: number }
      ).n;
      expect(n).toBe(1);
    }
    run(s, 60);
    const stats = await s.call('GET', `/campaign/campaigns/${c.id}/stats`);
    expect(stats.contacts.pending + stats.contacts.in_progress).toBe(0);
    expect(stats.contacts.exhausted).toBeGreaterThan(0);
    const exhausted = s.db
      .prepare("SELECT attempt_count FROM contacts WHERE campaign_id = ? AND status = 'exhausted'")
      .all(c.id) as { attempt_count: number }[];
    expect(exhausted.every((e) => e.attempt_count === 2)).toBe(true);
    checkInvariants(s.db, 10);
  });

  it('dials a retry whose interval has passed before any contact never called, oldest due first', async () => {
    const s = dialerSetup({ seed: 2 });
    const cfg = await s.call('POST', '/campaign/configurations', {
      name: 'R',
      max_attempts: 3,
      retry_interval_minutes: 2,
    });
    const c = await s.call('POST', '/campaign/campaigns', {
      name: 'A',
      configuration_id: cfg.id,
      contacts: s.contacts(200),
    });
    await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 1 });
    const count = (query: string, ...params: string[]) =>
      (s.db.prepare(query).get(...params) as { n: number }).n;
    const dueRetries = s.db.prepare(
      "SELECT id FROM contacts WHERE campaign_id = ? AND status = 'pending' AND attempt_count > 0 AND next_attempt_at <= ? ORDER BY next_attempt_at",
    );
    let retriesFirst = 0;
    let freshWhileRetriesWait = 0;
    for (let i = 0; i < 1440; i++) {
      s.clock.advance(5000);
      const due = (dueRetries.all(c.id, s.clock.now().toISOString()) as { id: string }[]).map(
        (r) => r.id,
      );
      const waiting = count(
        "SELECT COUNT(*) n FROM contacts WHERE status = 'pending' AND attempt_count > 0",
      );
      const before = count('SELECT COUNT(*) n FROM attempts');
      s.dialer.tick();
      if (count('SELECT COUNT(*) n FROM attempts') === before) continue;
      const dialed = (
        s.db.prepare('SELECT contact_id FROM attempts ORDER BY seq DESC LIMIT 1').get() as {
          contact_id: string;
        }
      ).contact_id;
      if (due.length > 0) {
        expect(dialed).toBe(due[0]);
        retriesFirst++;
      } else if (waiting > 0) freshWhileRetriesWait++;
    }
    // Both cases happened: due retries jumped the queue, and retries still waiting held nobody up.
    expect(retriesFirst).toBeGreaterThan(10);
    expect(freshWhileRetriesWait).toBeGreaterThan(10);
  });

  it("dials nobody while the window is closed in the configuration's timezone, then opens on time", async () => {
    // 15:00 UTC on Monday 23 November 2026 is 07:00 in Los Angeles.
    const s = dialerSetup({ start: '2026-11-23T15:00:00Z' });
    const cfg = await s.call('POST', '/campaign/configurations', {
      name: 'LA mornings',
      timezone: 'America/Los_Angeles',
      schedule: { days: ['mon'], start_time: '08:00', end_time: '12:00' },
    });
    await s.call('POST', '/campaign/campaigns', {
      name: 'A',
      configuration_id: cfg.id,
      contacts: s.contacts(20),
    });
    run(s, 59, 60_000);
    expect(inFlight(s.db)).toBe(0);
    expect((s.db.prepare('SELECT COUNT(*) n FROM attempts').get() as { n: number }).n).toBe(0);
    s.clock.set('2026-11-23T16:00:00Z'); // 08:00 in Los Angeles
    s.dialer.tick();
    expect(inFlight(s.db)).toBe(10);
    const started = s.db.prepare('SELECT MIN(started_at) t FROM attempts').get() as { t: string };
    expect(started.t).toBe('2026-11-23T16:00:00Z');
  });

  it('a paused campaign finishes its calls in flight and starts none; start resumes', async () => {
    const s = dialerSetup();
    const c = await s.call('POST', '/campaign/campaigns', { name: 'A', contacts: s.contacts(50) });
    s.dialer.tick();
    expect(inFlight(s.db)).toBe(10);
    await s.call('POST', `/campaign/campaigns/${c.id}/pause`);
    const attemptsAtPause = (await s.call('GET', `/campaign/campaigns/${c.id}/stats`)).attempts
      .total;
    run(s, 10);
    expect(inFlight(s.db)).toBe(0);
    const stats = await s.call('GET', `/campaign/campaigns/${c.id}/stats`);
    expect(stats.attempts.total).toBe(attemptsAtPause);
    expect(stats.contacts.in_progress).toBe(0);
    expect(s.db.prepare('SELECT COUNT(*) n FROM attempts WHERE ended_at IS NULL').get()).toEqual({
      n: 0,
    });
    await s.call('POST', `/campaign/campaigns/${c.id}/start`);
    s.dialer.tick();
    expect(inFlight(s.db)).toBe(10);
  });

  it('completed calls get a conversation, then evaluation results a little later', async () => {
    const s = dialerSetup({ seed: 11 });
    const c = await s.call('POST', '/campaign/campaigns', { name: 'A', contacts: s.contacts(40) });
    s.dialer.tick();
    let completed: any = null;
    for (let i = 0; i < 400 && !completed; i++) {
      s.clock.advance(1000);
      s.dialer.tick();
      const page = await s.call(
        'GET',
        `/campaign/campaigns/${c.id}/contacts?status=completed&limit=1`,
      );
      completed = page.contacts[0] ?? null;
    }
    const attempt = completed.attempts.at(-1);
    expect(attempt.status).toBe('completed');
    expect(attempt.conversation_id).toBeTruthy();
    expect(attempt.result).toBeNull();
    const conversation = await s.call('GET', `/conversations/${attempt.conversation_id}`);
    expect(conversation.transcript.length).toBeGreaterThan(2);
    expect(
      conversation.evaluations.every((e: any) => e.status === 'pending' && e.results === null),
    ).toBe(true);
    run(s, 2, 1000);
    const after = await s.call('GET', `/campaign/campaigns/${c.id}/contacts/${completed.id}`);
    const result = after.attempts.at(-1).result;
    expect(typeof result['qualification.interested']).toBe('boolean');
    expect(typeof result['quality.score']).toBe('number');
    expect(['positive', 'neutral', 'negative']).toContain(result['sentiment.overall']);
  });

  it('gives the same history for the same seed, with fresh ids every run', async () => {
    const history = async (seed: number) => {
      const s = dialerSetup({ seed });
      await s.call('POST', '/campaign/campaigns', { name: 'A', contacts: s.contacts(60) });
      run(s, 30, 3000);
      return s.db
        .prepare(
          'SELECT a.id, k.external_id, a.phone_number, a.started_at, a.ended_at, a.status, a.result FROM attempts a JOIN contacts k ON k.id = a.contact_id ORDER BY a.seq',
        )
        .all() as { id: string }[];
    };
    const [a, b, c] = [await history(5), await history(5), await history(6)];
    const withoutIds = (rows: { id: string }[]) => rows.map(({ id: _id, ...rest }) => rest);
    expect(a.length).toBeGreaterThan(30);
    expect(withoutIds(b)).toEqual(withoutIds(a));
    expect(withoutIds(c)).not.toEqual(withoutIds(a));
    // Ids come from crypto.randomUUID: a restarted server never replays the last run's ids.
    expect(new Set([...a, ...b].map((r) => r.id)).size).toBe(a.length + b.length);
  });

  it('after a restart on a file database, calls left in flight end as failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-'));
    try {
      const path = join(dir, 'db.sqlite');
      const first = dialerSetup({ path });
      const c = await first.call('POST', '/campaign/campaigns', {
        name: 'A',
        contacts: first.contacts(20),
      });
      first.dialer.tick();
      expect(inFlight(first.db)).toBe(10);
      first.db.close();

      const second = dialerSetup({ path });
      second.dialer.recover();
      expect(inFlight(second.db)).toBe(0);
      const failed = second.db
        .prepare("SELECT COUNT(*) n FROM attempts WHERE status = 'failed' AND ended_at IS NOT NULL")
        .get() as { n: number };
      expect(failed.n).toBe(10);
      const stats = await second.call('GET', `/campaign/campaigns/${c.id}/stats`);
      expect(stats.contacts).toMatchObject({ in_progress: 0, pending: 20 });
      checkInvariants(second.db, 10);
      second.db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
