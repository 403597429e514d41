import { Hono } from 'hono';
import { configurationCreateSchema, configurationUpdateSchema } from '../../contract/schemas.ts';
import type { AppEnv } from '../auth.ts';
import {
  campaignsUsingConfiguration,
  createConfiguration,
  deleteConfiguration,
  getConfiguration,
  listConfigurations,
  updateConfiguration,
} from '../db/configurations.ts';
import { HttpError, notFound } from '../errors.ts';
import { isoSeconds } from '../time.ts';
import { body } from '../validate.ts';
import { isKnownTimezone } from './timezones.ts';

function checkTimezone(timezone: string | undefined) {
  if (timezone !== undefined && !isKnownTimezone(timezone)) {
    throw new HttpError(422, [
      { loc: ['body', 'timezone'], msg: `Unknown timezone "${timezone}"; use an IANA name from /campaign/timezones`, type: 'timezone_invalid' },
    ]);
  }
}

export const configurationRoutes = new Hono<AppEnv>()
  .get('/', (c) => c.json({ configurations: listConfigurations(c.var.db, c.var.auth.orgId) }))
  .post('/', async (c) => {
    const input = await body(c, configurationCreateSchema);
    checkTimezone(input.timezone);
    return c.json(createConfiguration(c.var.db, c.var.auth.orgId, input, isoSeconds(c.var.now())), 201);
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
    return c.json(updateConfiguration(c.var.db, c.var.auth.orgId, config, patch, isoSeconds(c.var.now())));
  })
  .delete('/:configId', (c) => {
    const { db, auth } = c.var;
    const config = getConfiguration(db, auth.orgId, c.req.param('configId'));
    if (!config) throw notFound('Configuration');
    const users = campaignsUsingConfiguration(db, auth.orgId, config.id);
    if (users.length > 0) {
      const names = users.map((u) => `${u.name} (${u.id})`).join(', ');
      throw new HttpError(409, `Configuration is used by ${users.length} campaign${users.length === 1 ? '' : 's'}: ${names}`);
    }
    deleteConfiguration(db, auth.orgId, config.id);
    return c.body(null, 204);
  });
