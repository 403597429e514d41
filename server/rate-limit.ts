import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './auth.ts';
import { HttpError } from './errors.ts';

/** Requests per second each credential may make on average, and how many at once. */
export type RateLimit = { perSecond: number; burst: number };

/**
 * A token bucket per credential, on the app's clock (so tests move time instead of sleeping).
 * Over the limit: 429 with Retry-After in whole seconds, as the contract says.
 */
export function rateLimiter(limit: RateLimit) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = c.var.rateKey;
    if (!key) return next(); // public routes carry no credential
    const now = c.var.now().getTime();
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      throw new HttpError(429, `Too many requests for this credential: at most ${limit.perSecond} per second. Retry in ${wait} s.`, {
        'Retry-After': String(wait),
      });
    }
    bucket.tokens -= 1;
    await next();
  });
}
