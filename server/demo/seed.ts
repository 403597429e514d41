import { DEFAULT_CONCURRENCY_LIMIT, type Campaign, type Configuration, type ContactInput } from '../../contract/schemas.ts';
import { campaignStats, findCampaign } from '../db/campaigns.ts';
import { createCredential, createOrg, createUser, orgExists, setConcurrencyLimit } from '../db/orgs.ts';
import type { Db } from '../db/schema.ts';
import { createDialer } from '../dialer/dialer.ts';
import { createRandom } from '../dialer/random.ts';
import { fakeContacts } from './people.ts';

type AppLike = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export const DEMO_CREDENTIALS = [
  { token: 'ak_demo_manage', label: 'Demo manager key', scopes: ['campaigns:manage', 'concurrency:manage'] },
  { token: 'ak_demo_read', label: 'Demo read-only key', scopes: ['campaigns:read'] },
  { token: 'ak_demo_concurrency', label: 'Demo concurrency admin key', scopes: ['concurrency:manage'] },
  { token: 'ak_other_manage', label: 'Other org manager key', scopes: ['campaigns:manage'] },
  {
    token: 'pat_demo_admin',
    label: 'Demo admin, personal token',
    scopes: ['campaigns:read', 'campaigns:manage', 'concurrency:read', 'concurrency:manage'],
  },
] as const;

export const DEMO_CAMPAIGN = 'spring-outreach';
export const DEMO_HISTORY_MS = 16 * 3600_000;

/** Calls the app as a client would, so the demo is built through the contract. */
function client(app: AppLike, token: string) {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`Demo seed: ${method} ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
}

async function upsertAll(call: ReturnType<typeof client>, campaignId: string, contacts: ContactInput[]) {
  for (let i = 0; i < contacts.length; i += 1000) {
    await call('POST', `/campaign/campaigns/${campaignId}/contacts`, { contacts: contacts.slice(i, i + 1000) });
  }
}

/**
 * Orgs, credentials, configurations and campaigns in every status, with hours of call history
 * made by running the real dialer on a simulated clock. Does nothing if the demo exists.
 */
export async function seedDemo(db: Db, opts: { app: AppLike; now: () => Date }): Promise<void> {
  if (orgExists(db, 'org_demo')) return;
  const random = createRandom(2026);
  createOrg(db, { id: 'org_demo', name: 'Northwind Energy' });
  createOrg(db, { id: 'org_other', name: 'Contoso Health' });
  createUser(db, { id: 'user_demo_admin', name: 'Demo admin', orgIds: ['org_demo', 'org_other'] });
  for (const cred of DEMO_CREDENTIALS) {
    createCredential(db, cred.token, {
      orgId: cred.token.startsWith('pat_') ? undefined : cred.token.includes('other') ? 'org_other' : 'org_demo',
      userId: cred.token.startsWith('pat_') ? 'user_demo_admin' : undefined,
      scopes: [...cred.scopes],
      label: cred.label,
    });
  }

  const demo = client(opts.app, 'ak_demo_manage');
  const other = client(opts.app, 'ak_other_manage');
  const anyTime = await demo<Configuration>('POST', '/campaign/configurations', {
    name: 'Around the clock (US)',
    agent_id: 'agent_riley_sales',
    from_phone_number: '+14155550100',
    default_country_code: '+1',
    timezone: 'America/New_York',
    schedule: null,
    max_attempts: 3,
    retry_interval_minutes: 60,
  });
  const london = await demo<Configuration>('POST', '/campaign/configurations', {
    name: 'UK business hours',
    agent_id: 'agent_riley_uk',
    from_phone_number: '+442079460958',
    default_country_code: '+44',
    timezone: 'Europe/London',
    schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start_time: '09:00', end_time: '17:30' },
    max_attempts: 4,
    retry_interval_minutes: 120,
  });
  const evenings = await demo<Configuration>('POST', '/campaign/configurations', {
    name: 'West coast evenings',
    agent_id: 'agent_riley_sales',
    from_phone_number: '+14155550101',
    default_country_code: '+1',
    timezone: 'America/Los_Angeles',
    schedule: { days: ['mon', 'tue', 'wed', 'thu'], start_time: '17:00', end_time: '20:00' },
    max_attempts: 2,
    retry_interval_minutes: 1440,
  });

  const create = (name: string, external_id: string, configuration_id: string) =>
    demo<Campaign>('POST', '/campaign/campaigns', { name, external_id, configuration_id });
  const summer = await create('Summer launch', 'summer-launch', anyTime.id);
  await upsertAll(demo, summer.id, fakeContacts(random, 400, 'summer'));
  const renewals = await create('Q4 renewals', 'q4-renewals', london.id);
  await upsertAll(demo, renewals.id, fakeContacts(random, 600, 'renewal'));
  const evening = await create('Evening follow-ups', 'evening-follow-ups', evenings.id);
  await upsertAll(demo, evening.id, fakeContacts(random, 250, 'evening'));
  const spring = await create('Spring outreach', DEMO_CAMPAIGN, anyTime.id);
  await upsertAll(demo, spring.id, fakeContacts(random, 6000, 'lead'));
  const clinic = await other<Campaign>('POST', '/campaign/campaigns', { name: 'Clinic reminders', external_id: 'clinic' });
  await upsertAll(other, clinic.id, fakeContacts(random, 120, 'patient'));

  // History: the real dialer over the last hours on a simulated clock, ticking each minute.
  const end = opts.now().getTime();
  let clock = end - DEMO_HISTORY_MS;
  const history = createDialer({ db, now: () => new Date(clock), seed: 2026, speed: 1 });
  const drainFrom = end - 10 * 60_000;
  for (; clock < drainFrom; clock += 60_000) history.tick();
  // The last minutes start no calls (a cap of 0), so no call of the history outlives it.
  for (const org of ['org_demo', 'org_other']) setConcurrencyLimit(db, org, 0, new Date(clock));
  for (; clock < end; clock += 60_000) history.tick();
  for (const org of ['org_demo', 'org_other']) setConcurrencyLimit(db, org, DEFAULT_CONCURRENCY_LIMIT, new Date(clock));

  await demo('POST', `/campaign/campaigns/${summer.id}/close`);
  await demo('POST', `/campaign/campaigns/${renewals.id}/pause`);
}

/** Keeps the demo campaign from running dry during a long demo by adding contacts. */
export function keepDemoCampaignFed(db: Db, app: AppLike, intervalMs = 30_000): () => void {
  const random = createRandom(Date.now() % 100_000);
  const call = client(app, 'ak_demo_manage');
  let added = 0;
  const timer = setInterval(async () => {
    const row = findCampaign(db, 'org_demo', DEMO_CAMPAIGN);
    const stats = row ? campaignStats(db, 'org_demo', row.id) : null;
    if (!row || !stats || stats.status === 'closed' || stats.contacts.pending > 300) return;
    await call('POST', `/campaign/campaigns/${row.id}/contacts`, { contacts: fakeContacts(random, 500, `fresh-${Date.now()}`, added) })
      .catch((error: unknown) => console.error('Demo top-up failed:', error));
    added += 500;
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
