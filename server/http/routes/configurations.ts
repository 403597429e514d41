import type { Context } from 'hono';
import * as z from 'zod/mini';
import { rateCardInputSchema, windowBasisInputSchema } from '../../../contract/extensions.ts';
import {
  configurationCreateSchema,
  configurationUpdateSchema,
  contractConfigurationSchema,
  type Configuration,
} from '../../../contract/schemas.ts';
import { listConfigurations } from '../../db/configurations.ts';
import {
  changeConfiguration,
  createConfiguration,
  deleteConfiguration,
  mustFindConfiguration,
} from '../../domain/configurations.ts';
import type { AppEnv } from '../auth.ts';
import { offers, presentFor } from '../extensions.ts';
import type { Handlers } from '../operations.ts';
import { body } from '../validate.ts';

// (ext) cost. Where it is not offered the rate card is an unknown key: dropped from bodies and
// never sent back.
// (ext) contact-timezones likewise for the window basis.
const extras = { ...rateCardInputSchema.shape, ...windowBasisInputSchema.shape };
const createBodies = {
  cost: z.extend(configurationCreateSchema, rateCardInputSchema.shape),
  zones: z.extend(configurationCreateSchema, windowBasisInputSchema.shape),
  both: z.extend(configurationCreateSchema, extras),
  none: configurationCreateSchema,
};
const updateBodies = {
  cost: z.extend(configurationUpdateSchema, rateCardInputSchema.shape),
  zones: z.extend(configurationUpdateSchema, windowBasisInputSchema.shape),
  both: z.extend(configurationUpdateSchema, extras),
  none: configurationUpdateSchema,
};
/** The body schema with the (ext) fields this request may set, typed as the fullest. */
function bodyFor<T extends typeof createBodies | typeof updateBodies>(
  c: Context<AppEnv>,
  bodies: T,
): T['both'] {
  const cost = offers(c, 'cost');
  const zones = offers(c, 'contact-timezones');
  return (
    cost && zones ? bodies.both : cost ? bodies.cost : zones ? bodies.zones : bodies.none
  ) as T['both'];
}
const present = (c: Context<AppEnv>, config: Configuration) =>
  presentFor(
    c,
    contractConfigurationSchema,
    { rate_card: 'cost', window_basis: 'contact-timezones' },
    config,
  );

export const configurationHandlers = {
  listConfigurations: (c) =>
    c.json({
      configurations: listConfigurations(c.var.db, c.var.auth.orgId).map((config) =>
        present(c, config),
      ),
    }),
  createConfiguration: async (c) => {
    const input = await body(c, bodyFor(c, createBodies));
    return c.json(present(c, createConfiguration(c.var.db, c.var.auth, c.var.now, input)), 201);
  },
  getConfiguration: (c) =>
    c.json(present(c, mustFindConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId')))),
  updateConfiguration: async (c) => {
    const config = mustFindConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId'));
    const patch = await body(c, bodyFor(c, updateBodies));
    return c.json(present(c, changeConfiguration(c.var.db, c.var.auth, c.var.now, config, patch)));
  },
  deleteConfiguration: (c) => {
    const config = mustFindConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId'));
    deleteConfiguration(c.var.db, c.var.auth, c.var.now, config);
    return c.body(null, 204);
  },
} satisfies Partial<Handlers>;
