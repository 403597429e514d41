import { configurationCreateSchema, configurationUpdateSchema } from '../../../contract/schemas.ts';
import { listConfigurations } from '../../db/configurations.ts';
import {
  changeConfiguration,
  createConfiguration,
  deleteConfiguration,
  mustFindConfiguration,
} from '../../domain/configurations.ts';
import type { Handlers } from '../operations.ts';
import { body } from '../validate.ts';

export const configurationHandlers = {
  listConfigurations: (c) =>
    c.json({ configurations: listConfigurations(c.var.db, c.var.auth.orgId) }),
  createConfiguration: async (c) => {
    const input = await body(c, configurationCreateSchema);
    return c.json(createConfiguration(c.var.db, c.var.auth, c.var.now, input), 201);
  },
  getConfiguration: (c) =>
    c.json(mustFindConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId'))),
  updateConfiguration: async (c) => {
    const config = mustFindConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId'));
    const patch = await body(c, configurationUpdateSchema);
    return c.json(changeConfiguration(c.var.db, c.var.auth, c.var.now, config, patch));
  },
  deleteConfiguration: (c) => {
    const config = mustFindConfiguration(c.var.db, c.var.auth.orgId, c.req.param('configId'));
    deleteConfiguration(c.var.db, c.var.auth, c.var.now, config);
    return c.body(null, 204);
  },
} satisfies Partial<Handlers>;
