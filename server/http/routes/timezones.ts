import { Hono } from 'hono';
import type { AppEnv } from '../auth.ts';

const TIMEZONES = [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])].sort();
const KNOWN = new Set(TIMEZONES);

export const isKnownTimezone = (tz: string) => KNOWN.has(tz);

/** Public: no credential needed. */
export const timezoneRoutes = new Hono<AppEnv>().get('/', (c) => {
  c.header('Cache-Control', 'public, max-age=86400');
  return c.json({ timezones: TIMEZONES });
});
