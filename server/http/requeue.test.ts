import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { checkInvariants, dialerSetup, run } from '../testing/dialer-test-support.ts';
import { load, recompute } from '../testing/report-test-support.ts';
import { setup, TOKENS } from '../testing/test-support.ts';

type Contact = { id: string; status: string; attempts: { status: string }[] };

/** A campaign of 20 contacts dialed until nothing is pending, one attempt each. */
async function exhaustedCampaign() {
  const s = dialerSetup({ seed: 3 });
  const cfg = await s.call('POST', '/campaign/configurations', {
    name: 'One try',
    max_attempts: 1,
    retry_interval_minutes: 0,
  });
  const campaign = await s.call('POST', '/campaign/campaigns', {
    name: 'R',
    external_id: 'r',
    configuration_id: cfg.id,
    contacts: s.contacts(20),
  });
  run(s, 30);
  const stats = await s.call('GET', `/campaign/campaigns/${campaign.id}/stats`);
  expect(stats.contacts.pending + stats.contacts.in_progress).toBe(0);
  expect(stats.contacts.exhausted).toBeGreaterThan(0);
  return { ...s, campaign, stats };
}

describe('requeue (ext)', () => {
  it('returns exhausted contacts to pending with a fresh budget, keeping their history and every counter exact', async () => {
    const s = await exhaustedCampaign();
    const before = (
      await s.call('GET', '/campaign/campaigns/r/contacts?status=exhausted&limit=200')
    ).contacts as Contact[];
    const res = await s.call('POST', '/campaign/campaigns/r/contacts/requeue', {
      status: ['exhausted'],
    });
    expect(res).toEqual({ requeued: s.stats.contacts.exhausted });

    const stats = await s.call('GET', `/campaign/campaigns/${s.campaign.id}/stats`);
    expect(stats.contacts).toMatchObject({
      exhausted: 0,
      pending: s.stats.contacts.exhausted,
      completed: s.stats.contacts.completed,
    });
    expect(stats.attempts.total).toBe(s.stats.attempts.total);
    const again = await s.call('GET', `/campaign/campaigns/r/contacts/${before[0]!.id}`);
    expect(again).toMatchObject({ status: 'pending', attempts: before[0]!.attempts });
    checkInvariants(s.db, 10);
    expect(await report(s)).toEqual(recompute(load(s.db, s.campaign.id), {}));

    // Dialed again at once: one more attempt each (max_attempts 1 counts since the requeue).
    run(s, 30);
    const after = (await s.call('GET', '/campaign/campaigns/r/contacts?limit=200'))
      .contacts as Contact[];
    for (const c of before) {
      const now = after.find((a) => a.id === c.id)!;
      expect(now.attempts).toHaveLength(2);
      expect(['completed', 'exhausted']).toContain(now.status);
    }
    checkInvariants(s.db, 10);
    expect(await report(s)).toEqual(recompute(load(s.db, s.campaign.id), {}));
  });

  it('requeues only what the status and the contact filters match', async () => {
    const s = await exhaustedCampaign();
    const all = (await s.call('GET', '/campaign/campaigns/r/contacts?limit=200'))
      .contacts as Contact[];
    const busy = all.filter((c) => c.status === 'exhausted' && c.attempts[0]!.status === 'busy');
    expect(
      (
        await s.call('POST', '/campaign/campaigns/r/contacts/requeue', {
          status: ['exhausted'],
          last_status: ['busy'],
        })
      ).requeued,
    ).toBe(busy.length);
    const pending = (await s.call('GET', '/campaign/campaigns/r/contacts?status=pending&limit=200'))
      .contacts as Contact[];
    expect(pending.map((c) => c.id).sort()).toEqual(busy.map((c) => c.id).sort());

    const one = all.find((c) => c.status === 'completed')!;
    // Its number's digits name it alone.
    const digits = (
      await s.call('GET', `/campaign/campaigns/r/contacts/${one.id}`)
    ).phone_numbers[0].slice(1);
    expect(
      (
        await s.call('POST', '/campaign/campaigns/r/contacts/requeue', {
          status: ['completed'],
          search: digits,
          attempts: [1],
        })
      ).requeued,
    ).toBe(1);
    expect((await s.call('GET', `/campaign/campaigns/r/contacts/${one.id}`)).status).toBe(
      'pending',
    );
    checkInvariants(s.db, 10);
  });

  it('refuses a closed campaign, ad-hoc contacts, a bad body, a read-only key and another org', async () => {
    const { db, call } = setup();
    await call('POST', '/campaign/campaigns', { body: { name: 'A', external_id: 'a' } });
    const requeue = (path: string, body: unknown, token?: string) =>
      call('POST', `/campaign/campaigns/${path}/contacts/requeue`, { body, token });
    expect((await requeue('a', { status: ['exhausted'] })).body).toEqual({ requeued: 0 });
    expect((await requeue('a', { status: [] })).status).toBe(422);
    expect((await requeue('a', { status: ['pending'] })).status).toBe(422);
    expect((await requeue('a', { status: ['exhausted'], last_status: ['ringing'] })).status).toBe(
      422,
    );
    expect((await requeue('a', { status: ['exhausted'] }, TOKENS.read)).status).toBe(403);
    expect((await requeue('a', { status: ['exhausted'] }, TOKENS.other)).status).toBe(404);
    expect((await requeue('default', { status: ['exhausted'] })).status).toBe(400);
    await call('POST', '/campaign/campaigns/a/close');
    const closed = await requeue('a', { status: ['exhausted'] });
    expect(closed.status).toBe(400);
    expect(closed.body.detail).toMatch(/closed/);

    const off = createApp({ db, extensions: false });
    const res = await off.request('/campaign/campaigns/a/contacts/requeue', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKENS.manage}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: ['exhausted'] }),
    });
    expect(res.status).toBe(404);
  });
});

async function report(s: Awaited<ReturnType<typeof exhaustedCampaign>>) {
  const {
    campaign_id: _c,
    generated_at: _g,
    ...rest
  } = await s.call('GET', `/campaign/campaigns/${s.campaign.id}/report`);
  return rest;
}
