import { Hono } from 'hono';
import type { Session } from '../../../contract/schemas.ts';
import type { AppEnv } from '../auth.ts';

/** (ext) Who is calling and what this server offers, so the SPA never probes with writes. */
export const sessionRoutes = new Hono<AppEnv>().get('/', (c) => {
  const { orgId, kind, label, scopes } = c.var.auth;
  const session: Session = {
    org_id: orgId,
    credential: { kind, label, scopes },
    extensions: [...c.var.extensions],
  };
  return c.json(session);
});
