import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { createCredential, createOrg } from '../db/orgs.ts';
import { dialerSetup, run } from '../testing/dialer-test-support.ts';

type Call = {
  id: string;
  contact_id: string;
  contact_external_id: string | null;
  attempt_number: number;
  status: string;
  started_at: string;
  ended_at: string | null;
  conversation_id: string | null;
};
type Page = { attempts: Call[]; next_cursor: string | null };

/** A campaign of 120 contacts, three tries each, dialed for 90 simulated minutes. */
async function dialedCampaign() {
  const s = dialerSetup({ seed: 11 });
  await s.call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 8 });
  const cfg = await s.call('POST', '/campaign/configurations', {
    name: 'Three tries',
    max_attempts: 3,
    retry_interval_minutes: 5,
  });
  const campaign = await s.call('POST', '/campaign/campaigns', {
    name: 'Calls',
    external_id: 'calls',
    configuration_id: cfg.id,
    contacts: s.contacts(120),
  });
  run(s, 90);
  return { ...s, campaign };
}

/** Every page of a query, following next_cursor. */
async function walk(s: Awaited<ReturnType<typeof dialedCampaign>>, params: string) {
  const all: Call[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Page = await s.call(
      'GET',
      `/campaign/campaigns/calls/attempts?${params}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    all.push(...page.attempts);
    cursor = page.next_cursor;
    pages++;
  } while (cursor);
  return { all, pages };
}

/** The same from the attempts table, with each attempt's place counted from scratch. */
function recount(
  s: Awaited<ReturnType<typeof dialedCampaign>>,
  where: (a: { status: string; started_at: string }) => boolean,
) {
  const rows = s.db
    .prepare(
      `SELECT a.id, a.contact_id, a.status, a.started_at, k.external_id,
         (SELECT COUNT(*) FROM attempts b WHERE b.contact_id = a.contact_id AND b.seq <= a.seq) n
       FROM attempts a JOIN contacts k ON k.id = a.contact_id WHERE a.campaign_id = ?
       ORDER BY a.started_at DESC, a.seq DESC`,
    )
    .all(s.campaign.id) as {
    id: string;
    contact_id: string;
    status: string;
    started_at: string;
    external_id: string;
    n: number;
  }[];
  return rows.filter(where);
}

describe('call log (ext calls)', () => {
  it('pages every attempt, newest started first, with its contact and its place in their history', async () => {
    const s = await dialedCampaign();
    const { all, pages } = await walk(s, 'limit=37');
    const expected = recount(s, () => true);
    expect(expected.length).toBeGreaterThan(200);
    expect(pages).toBe(Math.ceil(expected.length / 37));
    expect(all.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    expect(all.map((a) => [a.contact_external_id, a.attempt_number])).toEqual(
      expected.map((a) => [a.external_id, a.n]),
    );
    expect(all.some((a) => a.attempt_number === 3)).toBe(true);
    // An answered call carries its conversation and result like the contact's attempts do.
    const answered = all.find((a) => a.conversation_id)!;
    const contact = await s.call(
      'GET',
      `/campaign/campaigns/calls/contacts/${answered.contact_id}`,
    );
    const { contact_external_id: _e, attempt_number: _n, ...attempt } = answered;
    expect(contact.attempts).toContainEqual(attempt);
  });

  it('filters by statuses (OR) and a started_at range, from inclusive and to exclusive', async () => {
    const s = await dialedCampaign();
    const from = '2026-11-23T15:20:00Z';
    const to = '2026-11-23T15:50:00Z';
    const { all } = await walk(
      s,
      `status=failed&status=busy&status=no_answer&from=${from}&to=${to}&limit=9`,
    );
    const expected = recount(
      s,
      (a) =>
        ['failed', 'busy', 'no_answer'].includes(a.status) &&
        a.started_at >= from &&
        a.started_at < to,
    );
    expect(expected.length).toBeGreaterThan(20);
    expect(all.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    // A bound with milliseconds means the same instant as the stored seconds.
    const exact = expected.at(-1)!.started_at;
    const atMs = (await walk(s, `from=${exact.replace('Z', '.000Z')}&to=${to}`)).all;
    expect(atMs.at(-1)!.started_at).toBe(exact);
    const afterMs = (await walk(s, `from=${exact.replace('Z', '.001Z')}&to=${to}`)).all;
    expect(afterMs.every((a) => a.started_at > exact)).toBe(true);
  });

  it('refuses bad queries with 422 and other orgs with 404; absent with EXTENSIONS=off', async () => {
    const s = await dialedCampaign();
    const app = createApp({ db: s.db, now: s.clock.now });
    const get = (path: string, token = 'ak_a') =>
      app.request(path, { headers: { Authorization: `Bearer ${token}` } });
    const base = '/campaign/campaigns/calls/attempts';
    for (const bad of [
      'limit=201',
      'limit=0',
      'status=ringing',
      'from=yesterday',
      'cursor=bm9wZQ',
      'from=2026-11-23T16:00:00Z&to=2026-11-23T15:00:00Z',
      Array.from({ length: 21 }, () => 'status=failed').join('&'),
    ]) {
      const res = await get(`${base}?${bad}`);
      expect(res.status, bad).toBe(422);
      expect((await res.json()).detail).toBeTruthy();
    }
    createOrg(s.db, { id: 'org_b', name: 'B' });
    createCredential(s.db, 'ak_b', { orgId: 'org_b', scopes: ['campaigns:read'], label: 'b' });
    expect((await get(base, 'ak_b')).status).toBe(404);
    const off = createApp({ db: s.db, now: s.clock.now, extensions: false });
    const res = await off.request(base, { headers: { Authorization: 'Bearer ak_a' } });
    expect(res.status).toBe(404);
  });
});
