import type { Context } from 'hono';
import * as z from 'zod/mini';
import { rateCardInputSchema } from '../../../contract/extensions.ts';
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
const createWithCard = z.extend(configurationCreateSchema, rateCardInputSchema.shape);
const updateWithCard = z.extend(configurationUpdateSchema, rateCardInputSchema.shape);
const cardsOffered = (c: Context<AppEnv>) => offers(c, 'cost');
const present = (c: Context<AppEnv>, config: Configuration) =>
  presentFor(c, contractConfigurationSchema, { rate_card: 'cost' }, config);

export const configurationHandlers = {
  listConfigurations: (c) =>
    c.json({
      configurations: listConfigurations(c.var.db, c.var.auth.orgId).map((config) =>
        present(c, config),
      ),
    }),
  createConfiguration: async (c) => {
    const input = await body(
      c,
      (cardsOffered(c) ? createWithCard : configurationCreateSchema) as typeof createWithCard,
    );
    return c.json(present(c, createConfiguration(c.var.db, c.var.auth, c.var.now, input)), 201);
  },
  getConfiguration: (c) =>
    c.json(present(c, mustFindConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId')))),
  updateConfiguration: async (c) => {
    const config = mustFindConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId'));
    const patch = await body(
      c,
      (cardsOffered(c) ? updateWithCard : configurationUpdateSchema) as typeof updateWithCard,
    );
    return c.json(present(c, changeConfiguration(c.var.db, c.var.auth, c.var.now, config, patch)));
  },
  deleteConfiguration: (c) => {
    const config = mustFindConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId'));
    deleteConfiguration(c.var.db, c.var.auth, c.var.now, config);
    return c.body(null, 204);
  },
} satisfies Partial<Handlers>;
