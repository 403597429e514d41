// A clock end-to-end tests can move (TEST_CLOCK=on only): real time plus an offset, so the
// dialer and every answer keep running, from the moment the test sets.
import type { Hono } from 'hono';
import type { AppEnv } from './auth.ts';

export type TestClock = { now: () => Date; set: (at: Date) => void };

export function testClock(): TestClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    set: (at) => {
      offset = at.getTime() - Date.now();
    },
  };
}

/**
 * POST /testing/clock `{ "at": ISO }` moves the clock; GET tells it. Registered only when the
 * server was started with TEST_CLOCK=on: elsewhere the path does not exist.
 */
export function registerTestClock(app: Hono<AppEnv>, clock: TestClock): void {
  app.get('/testing/clock', (c) => c.json({ now: clock.now().toISOString() }));
  app.post('/testing/clock', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { at?: unknown } | null;
    const at = typeof body?.at === 'string' ? new Date(body.at) : null;
    if (!at || Number.isNaN(at.getTime())) return c.json({ detail: 'Send { "at": ISO }' }, 422);
    clock.set(at);
    return c.json({ now: clock.now().toISOString() });
  });
}
