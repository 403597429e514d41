import type { Campaign, Configuration, Contact, Session, Stats } from '../../contract/schemas';
import type { Connection } from '../api/connection';
import type { Report } from '../../contract/extensions';

export const API = 'http://api.test';
export const TEST_CONNECTION: Connection = {
  baseUrl: API,
  token: 'ak_test_manage',
  orgId: null,
  remember: false,
};

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

export function makeCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    id: uuid(),
    external_id: null,
    name: 'Spring outreach',
    status: 'active',
    configuration_id: null,
    created_at: '2026-11-20T09:00:00Z',
    updated_at: '2026-11-20T09:00:00Z',
    ...overrides,
  };
}

export function makeConfiguration(overrides: Partial<Configuration> = {}): Configuration {
  return {
    id: uuid(),
    name: 'Weekday mornings',
    agent_id: 'agent_sales',
    from_phone_number: '+14155550100',
    default_country_code: '+1',
    timezone: 'America/New_York',
    schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start_time: '09:00', end_time: '17:00' },
    max_attempts: 3,
    retry_interval_minutes: 60,
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-01T09:00:00Z',
    ...overrides,
  };
}

export function makeStats(campaignId: string, overrides: Partial<Stats> = {}): Stats {
  return {
    campaign_id: campaignId,
    status: 'active',
    contacts: { total: 100, pending: 60, in_progress: 5, completed: 30, exhausted: 5 },
    attempts: { total: 150, average_per_contact: 1.5 },
    active_calls: 5,
    concurrency_limit: 10,
    ...overrides,
  };
}

export function makeContact(campaignId: string, overrides: Partial<Contact> = {}): Contact {
  return {
    id: uuid(),
    campaign_id: campaignId,
    external_id: `lead-${n}`,
    phone_numbers: ['+14155550123'],
    data: { first_name: 'Ada', last_name: 'Lovelace' },
    status: 'pending',
    attempts: [],
    created_at: '2026-11-20T09:00:00Z',
    updated_at: '2026-11-20T09:00:00Z',
    ...overrides,
  };
}

/** A session as the reference server answers it; a manage key with every extension by default. */
export function makeSession(
  overrides: Partial<Session['credential']> & { extensions?: string[] } = {},
): Session {
  const { extensions = ['session', 'conversations'], ...credential } = overrides;
  return {
    org_id: 'org_test',
    org_name: 'Test Outreach Co',
    credential: {
      kind: 'ak',
      label: 'Test manager key',
      scopes: ['campaigns:manage', 'concurrency:manage'],
      ...credential,
    },
    extensions,
  };
}

/** A report of a campaign well under way, with one criterion of each value type. */
export function makeReport(campaignId: string, overrides: Partial<Report> = {}): Report {
  return {
    campaign_id: campaignId,
    generated_at: '2026-11-22T12:00:00Z',
    started_at: '2026-11-22T09:00:00Z',
    completed_at: null,
    contacts: { total: 1000, reached: 800, completed: 412, exhausted: 100 },
    attempts: {
      total: 1500,
      in_progress: 4,
      by_status: { completed: 600, no_answer: 400, busy: 80, voicemail: 300, failed: 116 },
    },
    rates: { answer_rate: 41.22, success_rate: 80.47, reach_rate: 80 },
    talk_time: { total_seconds: 90_000, average_seconds: 150 },
    by_attempt_number: [
      { attempt: 1, ended: 800, completed: 300 },
      { attempt: 2, ended: 500, completed: 112 },
    ],
    results: [
      {
        key: 'next_step.action',
        type: 'string',
        count: 412,
        values: [
          { value: 'book_demo', count: 200 },
          { value: 'send_pricing', count: 212 },
        ],
      },
      { key: 'qualification.interested', type: 'boolean', count: 412, true: 300, false: 112 },
      { key: 'quality.score', type: 'number', count: 412, mean: 7.14, min: 2, max: 10 },
    ],
    ...overrides,
  };
}
