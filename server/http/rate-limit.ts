import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { findRoute } from '../../contract/scopes.ts';
import type { AppEnv } from './auth.ts';
import { HttpError } from '../domain/errors.ts';

/** Requests per second a credential (or address) may make on average, and how many at once. */
export type RateLimit = { perSecond: number; burst: number };
type Bucket = { tokens: number; at: number };

/**
 * Token buckets by key, on the app's clock (so tests move time instead of sleeping). `refill`
 * answers the key's bucket refilled to now; `spend` takes a token from it, or throws 429 with
 * Retry-After in whole seconds, as the contract says, when less than one is left. A key whose
 * bucket is full again is forgotten, so the map holds only recent spenders.
 */
function tokenBuckets(limit: RateLimit, tooMany: string) {
  const buckets = new Map<string, Bucket>();
  const refill = (key: string, now: number): Bucket => {
    const bucket = buckets.get(key) ?? { tokens: limit.burst, at: now };
    // A clock set back (by NTP, or a test's clock) refills nothing, rather than taking tokens
    // away until it catches up again.
    bucket.tokens = Math.min(
      limit.burst,
      bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * limit.perSecond,
    );
    bucket.at = now;
    if (bucket.tokens >= limit.burst) buckets.delete(key);
    return bucket;
  };
  const spend = (key: string, bucket: Bucket) => {
    if (bucket.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      throw new HttpError(429, `${tooMany} Retry in ${wait} s.`, { 'Retry-After': String(wait) });
    }
    bucket.tokens -= 1;
    buckets.set(key, bucket);
  };
  return { refill, spend };
}

/** A bucket per credential: every request spends a token. */
export function rateLimiter(limit: RateLimit) {
  const { refill, spend } = tokenBuckets(
    limit,
    `Too many requests for this credential: at most ${limit.perSecond} per second.`,
  );
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = c.var.rateKey;
    if (!key) return next(); // public routes carry no credential
    spend(key, refill(key, c.var.now().getTime()));
    await next();
  });
}

/**
 * Failed authentication per client address: each 401 spends a token of the address's bucket,
 * and once it is empty a 401 is answered 429 instead. Only failures are throttled: a valid
 * credential and a public route answer as usual from an address that has run out (everyone
 * behind one NAT shares it), so guessing relies on the tokens' length, not on this limit.
 */
export function failedAuthLimiter(limit: RateLimit, addressOf: (c: Context<AppEnv>) => string) {
  const { refill, spend } = tokenBuckets(
    limit,
    'Too many requests without a valid credential from this address.',
  );
  return createMiddleware<AppEnv>(async (c, next) => {
    if (findRoute(c.req.method, c.req.path)?.access === 'public') return next();
    await next();
    if (c.res.status !== 401) return;
    const address = addressOf(c);
    spend(address, refill(address, c.var.now().getTime()));
  });
}
