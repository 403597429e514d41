import { createMiddleware } from 'hono/factory';
import type { Scope } from '../contract/schemas.ts';
import { findCredential, isMember } from './db/orgs.ts';
import type { Db } from './db/schema.ts';
import { HttpError } from './errors.ts';

export type Auth = { orgId: string; scopes: Scope[] };
// rateKey identifies the credential for rate limiting; it stays in memory, never in output.
export type AppEnv = { Variables: { auth: Auth; db: Db; now: () => Date; rateKey: string } };

/** Resolves the bearer credential to its org; never echoes or logs the token. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new HttpError(401, 'Missing credential: send Authorization: Bearer <token>');
  const credential = findCredential(c.var.db, match[1]!);
  if (!credential) throw new HttpError(401, 'Unknown or revoked credential');
  let orgId = credential.orgId;
  if (credential.kind === 'pat') {
    const requested = c.req.header('X-Anyreach-Org');
    if (!requested) throw new HttpError(400, 'Personal access tokens need the X-Anyreach-Org header');
    if (!credential.userId || !isMember(c.var.db, credential.userId, requested)) {
      throw new HttpError(403, `This token's user is not a member of org ${requested}`);
    }
    orgId = requested;
  }
  if (!orgId) throw new HttpError(401, 'Credential has no organization');
  c.set('auth', { orgId, scopes: credential.scopes });
  c.set('rateKey', match[1]!);
  await next();
});

const WHAT: Record<string, string> = {
  read: 'read campaigns (campaigns:read or campaigns:manage)',
  manage: 'change campaigns (campaigns:manage)',
  'concurrency:read': 'read concurrency settings (any campaigns or concurrency scope)',
  'concurrency:manage': 'change the concurrency limit (concurrency:manage or campaigns:manage)',
};

const ACCEPTS: Record<keyof typeof WHAT, Scope[]> = {
  read: ['campaigns:read', 'campaigns:manage'],
  manage: ['campaigns:manage'],
  'concurrency:read': ['campaigns:read', 'campaigns:manage', 'concurrency:read', 'concurrency:manage'],
  'concurrency:manage': ['campaigns:manage', 'concurrency:manage'],
};

/** The contract's scope matrix: 403 naming what the credential lacks. */
export function requireScope(need: keyof typeof WHAT) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!ACCEPTS[need]!.some((s) => c.var.auth.scopes.includes(s))) {
      throw new HttpError(403, `This credential lacks the scope to ${WHAT[need]}`);
    }
    await next();
  });
}
