import type { Session } from '../../../contract/schemas.ts';
import { orgName } from '../../db/orgs.ts';
import type { Handlers } from '../operations.ts';

export const sessionHandlers = {
  /** (ext) Who is calling and what this server offers, so the SPA never probes with writes. */
  getSession: (c) => {
    const { orgId, kind, label, scopes } = c.var.auth;
    const session: Session = {
      org_id: orgId,
      org_name: orgName(c.var.db, orgId),
      credential: { kind, label, scopes },
      extensions: [...c.var.extensions],
    };
    return c.json(session);
  },
} satisfies Partial<Handlers>;
