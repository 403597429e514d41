import type { Campaign, Configuration, ContactInput } from '../../contract/schemas.ts';
import { createApp } from '../http/app.ts';
import { campaignStats, findCampaign } from '../db/campaigns.ts';
import { anyInFlight } from '../db/dialer.ts';
import { createCredential, createOrg, createUser, orgExists } from '../db/orgs.ts';
import type { Db } from '../db/schema.ts';
import { createDialer, DIALER_TICK_MS } from '../dialer/dialer.ts';
import { createRandom, type Random } from '../dialer/random.ts';
import { fakeContacts } from './people.ts';

type AppLike = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export const DEMO_CREDENTIALS = [
  {
    token: 'ak_demo_manage',
    label: 'Demo manager key',
    scopes: ['campaigns:manage', 'concurrency:manage'],
  },
  { token: 'ak_demo_read', label: 'Demo read-only key', scopes: ['campaigns:read'] },
  {
    token: 'ak_demo_concurrency',
    label: 'Demo concurrency admin key',
    scopes: ['concurrency:manage'],
  },
  { token: 'ak_other_manage', label: 'Other org manager key', scopes: ['campaigns:manage'] },
  {
    token: 'pat_demo_admin',
    label: 'Demo admin, personal token',
    scopes: ['campaigns:read', 'campaigns:manage', 'concurrency:read', 'concurrency:manage'],
  },
] as const;

export const DEMO_CAMPAIGN = 'spring-outreach';
export const DEMO_HISTORY_MS = 16 * 3600_000;
/** How long before the end of the history the demo campaign starts: its forecast's 30 minutes and a few to settle. */
export const SPRING_LEAD_MS = 35 * 60_000;
const TOP_UP_MS = 30_000;

/** Calls the app as a client would, so the demo is built through the contract. */
function client(app: AppLike, token: string) {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await app.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok)
      throw new Error(`Demo seed: ${method} ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
}

async function upsertAll(
  call: ReturnType<typeof client>,
  campaignId: string,
  contacts: ContactInput[],
) {
  for (let i = 0; i < contacts.length; i += 1000) {
    await call('POST', `/campaign/campaigns/${campaignId}/contacts`, {
      contacts: contacts.slice(i, i + 1000),
    });
  }
}

/**
 * Orgs, credentials, configurations and campaigns in every status, with hours of call history
 * made by running the real dialer on a simulated clock up to `now`. Does nothing if the demo
 * exists. The history runs at the live dialer's `speed` and tick, with the live top-up, so what
 * it wrote and what the dialer does next are one pace: the forecast from its last 30 minutes is
 * what a viewer then watches, and the charts show no step where the server started.
 */
export async function seedDemo(db: Db, opts: { now: () => Date; speed: number }): Promise<void> {
  if (orgExists(db, 'org_demo')) return;
  // Built through the API on the history's clock, so every write is dated when it happened.
  let clock = opts.now().getTime() - DEMO_HISTORY_MS;
  const app = createApp({ db, now: () => new Date(clock) });
  const random = createRandom(2026);
  createOrg(db, { id: 'org_demo', name: 'Northwind Energy' });
  createOrg(db, { id: 'org_other', name: 'Contoso Health' });
  createUser(db, { id: 'user_demo_admin', name: 'Demo admin', orgIds: ['org_demo', 'org_other'] });
  for (const cred of DEMO_CREDENTIALS) {
    createCredential(db, cred.token, {
      orgId: cred.token.startsWith('pat_')
        ? undefined
        : cred.token.includes('other')
          ? 'org_other'
          : 'org_demo',
      userId: cred.token.startsWith('pat_') ? 'user_demo_admin' : undefined,
      scopes: [...cred.scopes],
      label: cred.label,
    });
  }

  const demo = client(app, 'ak_demo_manage');
  const other = client(app, 'ak_other_manage');
  const anyTime = await demo<Configuration>('POST', '/campaign/configurations', {
    name: 'Around the clock (US)',
    agent_id: 'agent_riley_sales',
    from_phone_number: '+14155550100',
    default_country_code: '+1',
    timezone: 'America/New_York',
    schedule: null,
    max_attempts: 3,
    retry_interval_minutes: 60,
    rate_card: { currency: 'USD', per_minute: 0.09, per_call: 0.01 },
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
  const clinic = await other<Campaign>('POST', '/campaign/campaigns', {
    name: 'Clinic reminders',
    external_id: 'clinic',
  });
  await upsertAll(other, clinic.id, fakeContacts(random, 120, 'patient'));

  // History: the real dialer on a simulated clock, ticking as the live one does while calls are
  // in flight and a minute at a time while nothing is (a dial then waits at most that minute).
  // Spring outreach starts SPRING_LEAD_MS before the end, once the others are closed or paused,
  // so the forecast's last 30 minutes are its steady pace alone; the live top-up runs as it will.
  const history = createDialer({ db, now: () => new Date(clock), seed: 2026, speed: opts.speed });
  /** Ticks up to `until` in one transaction: thousands of commits would cost a file database seconds. */
  const runUntil = db.transaction((until: number) => {
    while (clock < until) {
      history.tick();
      clock = Math.min(clock + (anyInFlight(db) ? DIALER_TICK_MS : 60_000), until);
    }
  });
  runUntil(opts.now().getTime() - SPRING_LEAD_MS);
  await demo('POST', `/campaign/campaigns/${summer.id}/close`);
  await demo('POST', `/campaign/campaigns/${renewals.id}/pause`);
  // What Spring outreach is for: a demo booked.
  const spring = await demo<Campaign>('POST', '/campaign/campaigns', {
    name: 'Spring outreach',
    external_id: DEMO_CAMPAIGN,
    configuration_id: anyTime.id,
    goal: { results: ['next_step.action:book_demo'] },
  });
  await upsertAll(demo, spring.id, fakeContacts(random, 6000, 'lead'));
  const topUp = demoTopUp(db, app, createRandom(2027), () => new Date(clock));
  // Up to the moment the live dialer takes over, however long this took.
  for (let end = opts.now().getTime(); clock < end; end = opts.now().getTime()) {
    runUntil(Math.min(clock + TOP_UP_MS, end));
    await topUp();
  }
}

/**
 * Adds contacts to the demo campaign when few are left to call, so a long demo never runs dry;
 * their external_ids carry the clock, so a restart on the same file adds rather than updates.
 */
function demoTopUp(db: Db, app: AppLike, random: Random, now: () => Date): () => Promise<void> {
  const call = client(app, 'ak_demo_manage');
  let added = 0;
  return async () => {
    const row = findCampaign(db, 'org_demo', DEMO_CAMPAIGN);
    const stats = row ? campaignStats(db, 'org_demo', row.id) : null;
    if (!row || !stats || stats.status === 'closed' || stats.contacts.pending > 300) return;
    const contacts = fakeContacts(random, 500, `fresh-${now().getTime()}`, added);
    added += 500;
    await call('POST', `/campaign/campaigns/${row.id}/contacts`, { contacts });
  };
}

/** The live top-up, every TOP_UP_MS of real time. */
export function keepDemoCampaignFed(db: Db, app: AppLike, intervalMs = TOP_UP_MS): () => void {
  const topUp = demoTopUp(db, app, createRandom(Date.now() % 100_000), () => new Date());
  const timer = setInterval(() => {
    topUp().catch((error: unknown) => console.error('Demo top-up failed:', error));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
