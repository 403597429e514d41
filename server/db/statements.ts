import type { Statement } from 'better-sqlite3';
import type { Db } from './schema.ts';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, prepared once per database. */
export function sql<P extends unknown[] = unknown[], R = unknown>(
  db: Db,
  text: string,
): Statement<P, R> {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = db.prepare(text)));
  return statement as Statement<P, R>;
}
