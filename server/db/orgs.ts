import { createHash } from 'node:crypto';
import { DEFAULT_CONCURRENCY_LIMIT } from '../../contract/schemas.ts';
import type { Scope } from '../../contract/scopes.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';
import { recordLimit } from './timeline.ts';

export type Credential = {
  kind: 'ak' | 'pat';
  orgId: string | null;
  userId: string | null;
  scopes: Scope[];
  label: string;
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createOrg(db: Db, org: { id: string; name: string }): void {
  db.prepare('INSERT INTO orgs (id, name) VALUES (?, ?)').run(org.id, org.name);
}

export function orgExists(db: Db, id: string): boolean {
  return !!db.prepare('SELECT 1 FROM orgs WHERE id = ?').get(id);
}

/** The org's display name, for people; its id stays for machines. */
export function orgName(db: Db, id: string): string {
  return (
    sql<[string], { name: string }>(db, 'SELECT name FROM orgs WHERE id = ?').get(id)?.name ?? id
  );
}

export function createUser(db: Db, user: { id: string; name: string; orgIds: string[] }): void {
  db.transaction(() => {
    db.prepare('INSERT INTO users (id, name) VALUES (?, ?)').run(user.id, user.name);
    const member = db.prepare('INSERT INTO memberships (user_id, org_id) VALUES (?, ?)');
    for (const orgId of user.orgIds) member.run(user.id, orgId);
  })();
}

export function createCredential(
  db: Db,
  token: string,
  cred: { orgId?: string; userId?: string; scopes: Scope[]; label: string },
): void {
  const kind = token.startsWith('pat_') ? 'pat' : 'ak';
  db.prepare(
    'INSERT INTO credentials (token_hash, kind, org_id, user_id, scopes, label) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    hashToken(token),
    kind,
    cred.orgId ?? null,
    cred.userId ?? null,
    cred.scopes.join(' '),
    cred.label,
  );
}

/** Revokes credentials by token; answers how many existed. */
export function removeCredentials(db: Db, tokens: readonly string[]): number {
  const remove = sql<[string]>(db, 'DELETE FROM credentials WHERE token_hash = ?');
  return db.transaction(() =>
    tokens.reduce((n, token) => n + remove.run(hashToken(token)).changes, 0),
  )();
}

export function findCredential(db: Db, token: string): Credential | null {
  const row = sql<
    [string],
    {
      kind: 'ak' | 'pat';
      org_id: string | null;
      user_id: string | null;
      scopes: string;
      label: string;
    }
  >(db, 'SELECT kind, org_id, user_id, scopes, label FROM credentials WHERE token_hash = ?').get(
    hashToken(token),
  );
  if (!row) return null;
  return {
    kind: row.kind,
    orgId: row.org_id,
    userId: row.user_id,
    scopes: row.scopes.split(' ').filter(Boolean) as Scope[],
    label: row.label,
  };
}

export function isMember(db: Db, userId: string, orgId: string): boolean {
  return !!sql(db, 'SELECT 1 FROM memberships WHERE user_id = ? AND org_id = ?').get(userId, orgId);
}

export function concurrencyLimit(db: Db, orgId: string): number {
  const row = sql<[string], { concurrency_limit: number | null }>(
    db,
    'SELECT concurrency_limit FROM orgs WHERE id = ?',
  ).get(orgId);
  return row?.concurrency_limit ?? DEFAULT_CONCURRENCY_LIMIT;
}

/** Sets the limit and marks the change on the org's timeline at `at`. */
export function setConcurrencyLimit(db: Db, orgId: string, limit: number, at: Date): void {
  db.transaction(() => {
    sql(db, 'UPDATE orgs SET concurrency_limit = ? WHERE id = ?').run(limit, orgId);
    recordLimit(db, orgId, Math.floor(at.getTime() / 60_000), activeCalls(db, orgId), limit);
  })();
}

/** Calls in flight now: the same truth for stats, concurrency settings and the dialer. */
export function activeCalls(db: Db, orgId: string): number {
  return sql<[string], { n: number }>(
    db,
    "SELECT COUNT(*) AS n FROM attempts WHERE org_id = ? AND status = 'in_progress'",
  ).get(orgId)!.n;
}
