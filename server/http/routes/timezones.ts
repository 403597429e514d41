import { Hono } from 'hono';
import { TIMEZONES } from '../../domain/timezones.ts';
import type { AppEnv } from '../auth.ts';

/** Public: no credential needed. */
export const timezoneRoutes = new Hono<AppEnv>().get('/', (c) => {
  c.header('Cache-Control', 'public, max-age=86400');
  return c.json({ timezones: TIMEZONES });
});
