import { ApiError } from './client';

/** Three tries in all: the first and two more, so a failing URL is asked at most three times. */
const MAX_RETRIES = 2;
/** A server that asks for a longer wait gets it from the user's Retry button, not a spinner. */
const MAX_RETRY_AFTER_SECONDS = 30;

const waitsFor = (error: ApiError) =>
  error.status === 429 || error.status === 503 ? (error.retryAfterSeconds ?? 0) : 0;

/**
 * GETs retry on network errors, 5xx and 429; never on a refusal (other 4xx) or a response
 * that breaks the contract, which would only be refused or broken again.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof ApiError)) return false;
  if (waitsFor(error) > MAX_RETRY_AFTER_SECONDS) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

/** Exponential backoff, never sooner than the Retry-After of a 429 or 503. */
export function retryDelay(failureCount: number, error: unknown): number {
  const backoff = Math.min(1000 * 2 ** failureCount, 8000);
  return error instanceof ApiError ? Math.max(backoff, waitsFor(error) * 1000) : backoff;
}
