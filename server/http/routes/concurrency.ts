import { Hono } from 'hono';
import { timelineQuerySchema } from '../../../contract/extensions.ts';
import { concurrencyUpdateSchema } from '../../../contract/schemas.ts';
import { recordActivity } from '../../domain/activity.ts';
import type { AppEnv } from '../auth.ts';
import { activeCalls, concurrencyLimit, setConcurrencyLimit } from '../../db/orgs.ts';
import { orgTimeline, timelineRange } from '../../domain/timeline.ts';
import { body, query } from '../validate.ts';

export const concurrencyRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const { db, auth } = c.var;
    return c.json({
      concurrency_limit: concurrencyLimit(db, auth.orgId),
      active_calls: activeCalls(db, auth.orgId),
    });
  })
  .get('/timeline', (c) => {
    const { db, auth } = c.var;
    const now = c.var.now();
    return c.json(
      orgTimeline(db, auth.orgId, timelineRange(query(c, timelineQuerySchema), now), now),
    );
  })
  .put('/', async (c) => {
    const { db, auth } = c.var;
    const input = await body(c, concurrencyUpdateSchema);
    db.transaction(() => {
      const before = concurrencyLimit(db, auth.orgId);
      setConcurrencyLimit(db, auth.orgId, input.concurrency_limit, c.var.now());
      recordActivity(db, auth, c.var.now, {
        action: 'concurrency.updated',
        summary: `Set the concurrency limit to ${input.concurrency_limit}`,
        changes: { concurrency_limit: [before, input.concurrency_limit] },
      });
    })();
    return c.json({
      concurrency_limit: input.concurrency_limit,
      active_calls: activeCalls(db, auth.orgId),
    });
  });
