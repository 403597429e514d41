import { TIMEZONES } from '../../domain/timezones.ts';
import type { Handlers } from '../operations.ts';

export const timezoneHandlers = {
  /** Public: no credential needed. */
  listTimezones: (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.json({ timezones: TIMEZONES });
  },
} satisfies Partial<Handlers>;
