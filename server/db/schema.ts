import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export type Db = Database.Database;

/** Case- and accent-width-insensitive text for name filters: SQLite's own LIKE folds ASCII only. */
export const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase('und');

/**
 * Brings the database to the latest migration, all pending ones in one transaction: a failure
 * leaves it as it was. A database newer than this code is refused rather than misread.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(`The database is at schema version ${current}; this server knows up to ${latest}.`);
  }
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

const addFunctions = (db: Db) =>
  db.function('fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fold(text) : null));

export function openDatabase(path = ':memory:'): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  addFunctions(db);
  migrate(db);
  return db;
}

/**
 * A read-only connection to a database file that `openDatabase` opened elsewhere (a reader
 * thread's): WAL lets it read a consistent snapshot while the writer goes on.
 */
export function openReader(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  addFunctions(db);
  return db;
}
