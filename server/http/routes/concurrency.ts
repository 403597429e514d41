import { timelineQuerySchema } from '../../../contract/extensions.ts';
import { concurrencyUpdateSchema } from '../../../contract/schemas.ts';
import { changeConcurrencyLimit, concurrencySettings } from '../../domain/concurrency.ts';
import { orgTimeline, timelineRange } from '../../domain/timeline.ts';
import type { Handlers } from '../operations.ts';
import { body, query } from '../validate.ts';

export const concurrencyHandlers = {
  getConcurrencySettings: (c) => c.json(concurrencySettings(c.var.db, c.var.auth.orgId)),
  getConcurrencyTimeline: (c) => {
    const { db, auth } = c.var;
    const now = c.var.now();
    return c.json(
      orgTimeline(db, auth.orgId, timelineRange(query(c, timelineQuerySchema), now), now),
    );
  },
  setConcurrencyLimit: async (c) => {
    const input = await body(c, concurrencyUpdateSchema);
    const { db, auth } = c.var;
    return c.json(changeConcurrencyLimit(db, auth, c.var.now, input.concurrency_limit));
  },
} satisfies Partial<Handlers>;
