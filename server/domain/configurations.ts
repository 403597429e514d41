// A configuration's rules: a known timezone, each write in one transaction with its activity
// row, and no deleting one that a campaign still uses.
import type {
  Configuration,
  ConfigurationCreate,
  ConfigurationUpdate,
} from '../../contract/schemas.ts';
import {
  campaignsUsingConfiguration,
  type WithRateCard,
  createConfiguration as insertConfiguration,
  deleteConfiguration as removeConfiguration,
  getConfiguration,
  updateConfiguration as writeConfiguration,
} from '../db/configurations.ts';
import type { Db } from '../db/schema.ts';
import { isoSeconds } from '../db/time.ts';
import { changedFields, quote, recordActivity, type Actor } from './activity.ts';
import { HttpError, notFound } from './errors.ts';
import { isKnownTimezone } from './timezones.ts';

function checkTimezone(timezone: string | undefined) {
  if (timezone !== undefined && !isKnownTimezone(timezone)) {
    throw new HttpError(422, [
      {
        loc: ['body', 'timezone'],
        msg: `Unknown timezone "${timezone}"; use an IANA name from /campaign/timezones`,
        type: 'timezone_invalid',
      },
    ]);
  }
}

// The settings a configuration update reports before and after (timestamps are not settings).
const SETTINGS = [
  'name',
  'agent_id',
  'from_phone_number',
  'default_country_code',
  'timezone',
  'schedule',
  'max_attempts',
  'retry_interval_minutes',
  'rate_card',
] as const;

export function mustFindConfiguration(db: Db, orgId: string, id: string): Configuration {
  const config = getConfiguration(db, orgId, id);
  if (!config) throw notFound('Configuration');
  return config;
}

export function createConfiguration(
  db: Db,
  actor: Actor,
  now: () => Date,
  input: WithRateCard<ConfigurationCreate>,
): Configuration {
  checkTimezone(input.timezone);
  return db.transaction(() => {
    const config = insertConfiguration(db, actor.orgId, input, isoSeconds(now()));
    recordActivity(db, actor, now, {
      action: 'configuration.created',
      configurationId: config.id,
      summary: `Created configuration ${quote(config.name)}`,
    });
    return config;
  })();
}

export function changeConfiguration(
  db: Db,
  actor: Actor,
  now: () => Date,
  config: Configuration,
  patch: WithRateCard<ConfigurationUpdate>,
): Configuration {
  checkTimezone(patch.timezone);
  return db.transaction(() => {
    const next = writeConfiguration(db, actor.orgId, config, patch, isoSeconds(now()));
    recordActivity(db, actor, now, {
      action: 'configuration.updated',
      configurationId: config.id,
      summary: `Updated configuration ${quote(next.name)}`,
      changes: changedFields(config, next, SETTINGS),
    });
    return next;
  })();
}

/** Deletes `config` unless a campaign uses it (409, naming them). */
export function deleteConfiguration(
  db: Db,
  actor: Actor,
  now: () => Date,
  config: Configuration,
): void {
  const users = campaignsUsingConfiguration(db, actor.orgId, config.id);
  if (users.length > 0) {
    const names = users.map((u) => `${u.name} (${u.id})`).join(', ');
    throw new HttpError(
      409,
      `Configuration is used by ${users.length} campaign${users.length === 1 ? '' : 's'}: ${names}`,
    );
  }
  db.transaction(() => {
    removeConfiguration(db, actor.orgId, config.id);
    recordActivity(db, actor, now, {
      action: 'configuration.deleted',
      configurationId: config.id,
      summary: `Deleted configuration ${quote(config.name)}`,
    });
  })();
}
