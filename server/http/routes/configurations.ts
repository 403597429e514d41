import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { rateCardInputSchema } from '../../../contract/extensions.ts';
import {
  configurationCreateSchema,
  configurationUpdateSchema,
  type Configuration,
} from '../../../contract/schemas.ts';
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
import { offers } from '../extensions.ts';
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
  'rate_card',
] as const;

// (ext) cost. Where it is not offered the rate card is an unknown key: dropped from bodies and
// never sent back.
const createWithCard = z.extend(configurationCreateSchema, rateCardInputSchema.shape);
const updateWithCard = z.extend(configurationUpdateSchema, rateCardInputSchema.shape);
const cardsOffered = (c: Context<AppEnv>) => offers(c, 'cost');
function present(c: Context<AppEnv>, config: Configuration): Configuration {
  if (cardsOffered(c)) return config;
  const { rate_card: _card, ...rest } = config;
  return rest;
}

export const configurationRoutes = new Hono<AppEnv>()
  .get('/', (c) =>
    c.json({
      configurations: listConfigurations(c.var.db, c.var.auth.orgId).map((config) =>
        present(c, config),
      ),
    }),
  )
  .post('/', async (c) => {
    const input = await body(
      c,
      (cardsOffered(c) ? createWithCard : configurationCreateSchema) as typeof createWithCard,
    );
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
    return c.json(present(c, created), 201);
  })
  .get('/:configId', (c) => {
    const config = getConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId'));
    if (!config) throw notFound('Configuration');
    return c.json(present(c, config));
  })
  .patch('/:configId', async (c) => {
    const config = getConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId'));
    if (!config) throw notFound('Configuration');
    const patch = await body(
      c,
      (cardsOffered(c) ? updateWithCard : configurationUpdateSchema) as typeof updateWithCard,
    );
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
    return c.json(present(c, updated));
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
