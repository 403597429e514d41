import { Hono } from 'hono';
import { configurationCreateSchema, configurationUpdateSchema } from '../../../contract/schemas.ts';
import { changedFields, quote, recordActivity } from '../../domain/activity.ts';
import type { AppEnv } from '../auth.ts';
import {
  campaignsUsingConfiguration,
  createConfiguration,
  deleteConfiguration,
  getConfiguration,
  listConfigurations,
  updateConfiguration,
} from '../../db/configurations.ts';
import { HttpError, notFound } from '../../domain/errors.ts';
import { isoSeconds } from '../../db/time.ts';
import { body } from '../validate.ts';
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
] as const;

export const configurationRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json({ configurations: listConfigurations(c.var.db, c.var.auth.orgId) }))
  .post('/', async (c) => {
    const input = await body(c, configurationCreateSchema);
    checkTimezone(input.timezone);
    const { db, auth } = c.var;
    const created = db.transaction(() => {
      const config = createConfiguration(db, auth.orgId, input, isoSeconds(c.var.now()));
      recordActivity(db, auth, c.var.now, {
        action: 'configuration.created',
        configurationId: config.id,
        summary: `Created configuration ${quote(config.name)}`,
      });
      return config;
    })();
    return c.json(created, 201);
  })
  .get('/:configId', (c) => {
    const config = getConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId'));
    if (!config) throw notFound('Configuration');
    return c.json(config);
  })
  .patch('/:configId', async (c) => {
    const config = getConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId'));
    if (!config) throw notFound('Configuration');
    const patch = await body(c, configurationUpdateSchema);
    checkTimezone(patch.timezone);
    const { db, auth } = c.var;
    const updated = db.transaction(() => {
      const next = updateConfiguration(db, auth.orgId, config, patch, isoSeconds(c.var.now()));
      recordActivity(db, auth, c.var.now, {
        action: 'configuration.updated',
        configurationId: config.id,
        summary: `Updated configuration ${quote(next.name)}`,
        changes: changedFields(config, next, SETTINGS),
      });
      return next;
    })();
    return c.json(updated);
  })
  .delete('/:configId', (c) => {
    const { db, auth } = c.var;
    const config = getConfiguration(db, auth.orgId, c.req.param('configId'));
    if (!config) throw notFound('Configuration');
    const users = campaignsUsingConfiguration(db, auth.orgId, config.id);
    if (users.length > 0) {
      const names = users.map((u) => `${u.name} (${u.id})`).join(', ');
      throw new HttpError(
        409,
        `Configuration is used by ${users.length} campaign${users.length === 1 ? '' : 's'}: ${names}`,
      );
    }
    db.transaction(() => {
      deleteConfiguration(db, auth.orgId, config.id);
      recordActivity(db, auth, c.var.now, {
        action: 'configuration.deleted',
        configurationId: config.id,
        summary: `Deleted configuration ${quote(config.name)}`,
      });
    })();
    return c.body(null, 204);
  });
