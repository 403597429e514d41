import { randomUUID } from 'node:crypto';
import {
  MAX_ATTEMPTS,
  RETRY_INTERVAL,
  type Configuration,
  type ConfigurationCreate,
  type ConfigurationUpdate,
  type Schedule,
} from '../../contract/schemas.ts';
import type { RateCard } from '../../contract/extensions.ts';
import { rateCardFromColumns, rateCardToColumns, type RateCardColumns } from './goal-cost.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

type Row = Omit<Configuration, 'schedule' | 'rate_card'> & {
  schedule: string | null;
} & RateCardColumns;

const COLUMNS = `id, name, agent_id, from_phone_number, default_country_code, timezone, schedule,
  max_attempts, retry_interval_minutes, created_at, updated_at, rate_currency, rate_per_call, rate_per_minute`;

function toConfiguration(row: Row): Configuration {
  const { rate_currency: _c, rate_per_call: _p, rate_per_minute: _m, ...rest } = row;
  return {
    ...rest,
    schedule: row.schedule ? (JSON.parse(row.schedule) as Schedule) : null,
    rate_card: rateCardFromColumns(row),
  };
}

/** A create or update body with the (ext) rate card. */
export type WithRateCard<T> = T & { rate_card?: RateCard | null };

export function listConfigurations(db: Db, orgId: string): Configuration[] {
  return sql<[string], Row>(
    db,
    `SELECT ${COLUMNS} FROM configurations WHERE org_id = ? ORDER BY seq DESC`,
  )
    .all(orgId)
    .map(toConfiguration);
}

export function getConfiguration(db: Db, orgId: string, id: string): Configuration | null {
  const row = sql<[string, string], Row>(
    db,
    `SELECT ${COLUMNS} FROM configurations WHERE org_id = ? AND id = ?`,
  ).get(orgId, id);
  return row ? toConfiguration(row) : null;
}

export function createConfiguration(
  db: Db,
  orgId: string,
  input: WithRateCard<ConfigurationCreate>,
  now: string,
): Configuration {
  const id = randomUUID();
  const card = rateCardToColumns(input.rate_card ?? null);
  sql(
    db,
    `INSERT INTO configurations (id, org_id, name, agent_id, from_phone_number, default_country_code, timezone,
      schedule, max_attempts, retry_interval_minutes, created_at, updated_at, rate_currency, rate_per_call, rate_per_minute)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    orgId,
    input.name,
    input.agent_id ?? null,
    input.from_phone_number ?? null,
    input.default_country_code ?? null,
    input.timezone ?? 'UTC',
    input.schedule ? JSON.stringify(input.schedule) : null,
    input.max_attempts ?? MAX_ATTEMPTS.default,
    input.retry_interval_minutes ?? RETRY_INTERVAL.default,
    now,
    now,
    card.rate_currency,
    card.rate_per_call,
    card.rate_per_minute,
  );
  return getConfiguration(db, orgId, id)!;
}

export function updateConfiguration(
  db: Db,
  orgId: string,
  current: Configuration,
  patch: WithRateCard<ConfigurationUpdate>,
  now: string,
): Configuration {
  const next = { ...current, ...patch };
  const card = rateCardToColumns(next.rate_card ?? null);
  sql(
    db,
    `UPDATE configurations SET name = ?, agent_id = ?, from_phone_number = ?, default_country_code = ?, timezone = ?,
      schedule = ?, max_attempts = ?, retry_interval_minutes = ?, updated_at = ?,
      rate_currency = ?, rate_per_call = ?, rate_per_minute = ? WHERE org_id = ? AND id = ?`,
  ).run(
    next.name,
    next.agent_id ?? null,
    next.from_phone_number ?? null,
    next.default_country_code ?? null,
    next.timezone,
    next.schedule ? JSON.stringify(next.schedule) : null,
    next.max_attempts,
    next.retry_interval_minutes,
    now,
    card.rate_currency,
    card.rate_per_call,
    card.rate_per_minute,
    orgId,
    current.id,
  );
  return getConfiguration(db, orgId, current.id)!;
}

/** Campaigns that reference a configuration (a delete must not orphan them). */
export function campaignsUsingConfiguration(
  db: Db,
  orgId: string,
  id: string,
): { id: string; name: string }[] {
  return sql<[string, string], { id: string; name: string }>(
    db,
    'SELECT id, name FROM campaigns WHERE org_id = ? AND configuration_id = ? ORDER BY seq',
  ).all(orgId, id);
}

export function deleteConfiguration(db: Db, orgId: string, id: string): void {
  sql(db, 'DELETE FROM configurations WHERE org_id = ? AND id = ?').run(orgId, id);
}
