import { describe, expect, it } from 'vitest';
import { checkCounters, checkInvariants, dialerSetup } from '../testing/dialer-test-support.ts';
import { createRandom } from '../dialer/random.ts';
import { listContacts, upsertContacts } from './contacts.ts';
import type { Db } from './schema.ts';

const BUCKETS = ['pending', 'in_progress', 'completed', 'exhausted'] as const;

function naivePage(
  db: Db,
  campaignId: string,
  bucket: string | null,
  limit: number,
  offset: number,
) {
  const rows = bucket
    ? db
        .prepare(
          'SELECT id FROM contacts WHERE campaign_id = ? AND bucket = ? ORDER BY seq LIMIT ? OFFSET ?',
        )
        .all(campaignId, bucket, limit, offset)
    : db
        .prepare('SELECT id FROM contacts WHERE campaign_id = ? ORDER BY seq LIMIT ? OFFSET ?')
        .all(campaignId, limit, offset);
  return (rows as { id: string }[]).map((r) => r.id);
}

function seedContacts(db: Db, campaignId: string, n: number, prefix: string) {
  for (let i = 0; i < n; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({
      external_id: `${prefix}${i + j}`,
      phone_numbers: [`+1415555${String((i + j) % 10000).padStart(4, '0')}`],
    }));
    upsertContacts(db, 'org_a', campaignId, batch, '2026-11-23T15:00:00Z');
  }
}

describe('at scale', () => {
  it('keeps the maintained counters equal to a full recount at 100,000 contacts under the dialer and random operations', async () => {
    const s = dialerSetup({ seed: 3 });
    const random = createRandom(99);
    const cfg = await s.call('POST', '/campaign/configurations', {
      name: 'Quick',
      max_attempts: 2,
      retry_interval_minutes: 1,
    });
    const big = await s.call('POST', '/campaign/campaigns', {
      name: 'Big',
      configuration_id: cfg.id,
    });
    const small = await s.call('POST', '/campaign/campaigns', { name: 'Small' });
    seedContacts(s.db, big.id, 100_000, 'big-');
    seedContacts(s.db, small.id, 2_000, 'small-');
    await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 200 });
    for (let step = 0; step < 25; step++) {
      const op = random.int(0, 5);
      const target = random.pick([big.id, small.id]);
      if (op === 0)
        await s.call('POST', `/campaign/campaigns/${target}/pause`).catch(() => undefined);
      else if (op === 1)
        await s.call('POST', `/campaign/campaigns/${target}/start`).catch(() => undefined);
      else if (op === 2) {
        const offset = random.int(0, 90_000);
        const page = await s.call(
          'GET',
          `/campaign/campaigns/${target}/contacts?limit=10&offset=${offset}`,
        );
        for (const c of page.contacts.slice(0, 3))
          await s.call('DELETE', `/campaign/campaigns/${target}/contacts/${c.id}`);
      } else if (op === 3) {
        await s.call('POST', `/campaign/campaigns/${target}/contacts`, {
          contacts: s.contacts(500, `up${step}-`),
        });
      } else if (op === 4) {
        await s.call('PUT', '/campaign/concurrency-settings', {
          concurrency_limit: random.int(20, 200),
        });
      }
      for (let t = 0; t < 6; t++) {
        s.clock.advance(20_000);
        s.dialer.tick();
      }
      checkInvariants(s.db, 200);
      const stats = await s.call('GET', `/campaign/campaigns/${big.id}/stats`);
      const recount = s.db
        .prepare(
          'SELECT COUNT(*) total, SUM(bucket = ?) pending FROM contacts WHERE campaign_id = ?',
        )
        .get('pending', big.id) as { total: number; pending: number };
      expect(stats.contacts.total).toBe(recount.total);
      expect(stats.contacts.pending).toBe(recount.pending);
    }
    const { n } = s.db.prepare('SELECT COUNT(*) n FROM attempts').get() as { n: number };
    expect(n).toBeGreaterThan(1000);
  }, 120_000);

  it('serves every page, filtered or not, exactly as a plain OFFSET would, across interleaved campaigns', async () => {
    const s = dialerSetup();
    const random = createRandom(5);
    const a = await s.call('POST', '/campaign/campaigns', { name: 'A' });
    const b = await s.call('POST', '/campaign/campaigns', { name: 'B' });
    // Interleaved inserts leave each campaign's seqs spread over many blocks.
    for (let i = 0; i < 12; i++) {
      seedContacts(s.db, a.id, 700, `a${i}-`);
      seedContacts(s.db, b.id, 300, `b${i}-`);
    }
    const status = s.db.prepare('UPDATE contacts SET status = ? WHERE seq = ?');
    const remove = s.db.prepare('DELETE FROM contacts WHERE seq = ?');
    const { max } = s.db.prepare('SELECT MAX(seq) max FROM contacts').get() as { max: number };
    for (let i = 0; i < 3000; i++) {
      const seq = random.int(1, max);
      if (random.next() < 0.2) remove.run(seq);
      else
        status.run(
          random.pick(['pending', 'locked', 'in_progress', 'completed', 'exhausted']),
          seq,
        );
    }
    checkCounters(s.db);
    for (const campaign of [a.id, b.id]) {
      for (const bucket of [null, ...BUCKETS]) {
        for (const offset of [0, 1, 199, 1023, 1024, 2500, 4000, 7999, 8400, 20_000]) {
          const ids = listContacts(s.db, 'org_a', campaign, {
            limit: 200,
            offset,
            filters: bucket ? { status: [bucket] } : {},
          }).contacts.map((c) => c.id);
          expect(ids).toEqual(naivePage(s.db, campaign, bucket, 200, offset));
        }
      }
    }
  });
});
