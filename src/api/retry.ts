import { ApiError } from './client';

const MAX_RETRIES = 3;

/** GETs retry on network errors, 5xx and 429; never on other 4xx or contract mismatches. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

/** 429 waits exactly as long as Retry-After says; others back off exponentially. */
export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds) {
    return error.retryAfterSeconds * 1000;
  }
  return Math.min(500 * 2 ** failureCount, 8000);
}
