import type { Context } from 'hono';
import type { Alerts } from '../domain/alert-delivery.ts';
import { createMiddleware } from 'hono/factory';
import { explainMissing, findRoute, grants, type Scope } from '../../contract/scopes.ts';
import { findCredential, isMember } from '../db/orgs.ts';
import type { Readers } from '../db/readers.ts';
import type { Db } from '../db/schema.ts';
import type { Actor } from '../domain/activity.ts';
import { HttpError } from '../domain/errors.ts';
import type { Extension } from '../../contract/schemas.ts';
import { offers } from './extensions.ts';

// The credential of a request: who writes (domain/activity.ts) and what it may do.
export type Auth = Actor & { scopes: Scope[] };
// rateKey identifies the credential for rate limiting; it stays in memory, never in output.
export type AppEnv = {
  Variables: {
    auth: Auth;
    db: Db;
    readers: Readers;
    now: () => Date;
    rateKey: string;
    /** (ext) alerts: rule checks, test sends (domain/alert-delivery.ts). */
    alerts: Alerts;
    /** What this server offers to the request (http/extensions.ts). */
    extensions: readonly Extension[];
  };
};

/** Resolves the bearer credential to its org; never echoes or logs the token. */
function authenticate(c: Context<AppEnv>) {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new HttpError(401, 'Missing credential: send Authorization: Bearer <token>');
  const credential = findCredential(c.var.db, match[1]!);
  if (!credential) throw new HttpError(401, 'Unknown or revoked credential');
  let orgId = credential.orgId;
  if (credential.kind === 'pat') {
    const requested = c.req.header('X-Anyreach-Org');
    if (!requested)
      throw new HttpError(400, 'Personal access tokens need the X-Anyreach-Org header');
    if (!credential.userId || !isMember(c.var.db, credential.userId, requested)) {
      throw new HttpError(403, `This token's user is not a member of org ${requested}`);
    }
    orgId = requested;
  }
  if (!orgId) throw new HttpError(401, 'Credential has no organization');
  c.set('auth', {
    orgId,
    scopes: credential.scopes,
    kind: credential.kind,
    label: credential.label,
  });
  c.set('rateKey', match[1]!);
}

/**
 * Every API request is looked up in the contract's scope table: no rule, or an (ext) route
 * this server does not offer, is a 404; otherwise the credential must grant the rule's access.
 * A route missing from the table is therefore unreachable, never unprotected.
 */
export const authorize = createMiddleware<AppEnv>(async (c, next) => {
  const rule = findRoute(c.req.method, c.req.path);
  if (!rule || (rule.extension && !offers(c, rule.extension))) {
    throw new HttpError(404, `No route for ${c.req.method} ${c.req.path}`);
  }
  if (rule.access !== 'public') {
    authenticate(c);
    if (!grants(c.var.auth.scopes, rule.access)) {
      throw new HttpError(403, explainMissing(rule.access));
    }
  }
  await next();
});
