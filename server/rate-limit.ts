import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './auth.ts';
import { HttpError } from './errors.ts';

/** Requests per second a credential (or address) may make on average, and how many at once. */
export type RateLimit = { perSecond: number; burst: number };

/**
 * Token buckets by key, on the app's clock (so tests move time instead of sleeping).
 * `take` refills the key's bucket and answers it, or throws 429 with Retry-After in whole
 * seconds, as the contract says, when less than one token is left.
 */
function tokenBuckets(limit: RateLimit, tooMany: string) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (key: string, now: number) => {
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      throw new HttpError(429, `${tooMany} Retry in ${wait} s.`, { 'Retry-After': String(wait) });
    }
    return bucket;
  };
}

/** A bucket per credential: every request spends a token. */
export function rateLimiter(limit: RateLimit) {
  const take = tokenBuckets(limit, `Too many requests for this credential: at most ${limit.perSecond} per second.`);
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = c.var.rateKey;
    if (!key) return next(); // public routes carry no credential
    take(key, c.var.now().getTime()).tokens -= 1;
    await next();
  });
}

/**
 * Unauthenticated and bad-token requests, per client address, before any credential is
 * looked up: each 401 spends a token of the address's bucket, and an empty bucket answers
 * 429 without touching the credential table. Valid credentials never spend from it.
 */
export function failedAuthLimiter(limit: RateLimit, addressOf: (c: Context<AppEnv>) => string) {
  const take = tokenBuckets(limit, 'Too many requests without a valid credential from this address.');
  return createMiddleware<AppEnv>(async (c, next) => {
    const bucket = take(addressOf(c), c.var.now().getTime());
    await next();
    if (c.res.status === 401) bucket.tokens -= 1;
  });
}
