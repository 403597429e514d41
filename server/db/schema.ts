import { basename, resolve } from 'node:path';
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
    throw Object.assign(
      new Error(`The database is at schema version ${current}; this server knows up to ${latest}.`),
      {
        code: 'SCHEMA_NEWER',
      },
    );
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
  db.function('fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? fold(text) : null,
  );

export function openDatabase(path = ':memory:'): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  addFunctions(db);
  migrate(db);
  // SQLite opens a file it may not write read-only, silently: find out now, not at the first call.
  if (path !== ':memory:')
    db.pragma(`user_version = ${db.pragma('user_version', { simple: true }) as number}`);
  return db;
}

/**
 * Why a database file could not be opened, in one line a person can act on: which file, what
 * is wrong with it, and what to do. Nothing else (no stack trace) is worth showing at start-up.
 */
export function databaseProblem(path: string, error: unknown): string {
  const file = resolve(path);
  const code = String((error as { code?: unknown })?.code ?? '');
  const what = (() => {
    if (code.startsWith('SQLITE_READONLY') || ['EACCES', 'EPERM', 'EROFS'].includes(code)) {
      return `cannot be written (a read-only file or folder): fix the permissions so that this user can write the file and create ${basename(file)}-wal and ${basename(file)}-shm beside it`;
    }
    if (code === 'SQLITE_NOTADB') {
      return 'is not a SQLite database (damaged, or another kind of file): restore it from a backup, or delete it to start afresh with new demo data';
    }
    if (code.startsWith('SQLITE_CORRUPT')) {
      return 'is damaged (truncated or corrupt): restore it from a backup, or delete it (and its -wal and -shm files) to start afresh with new demo data';
    }
    if (code.startsWith('SQLITE_CANTOPEN') || ['EISDIR', 'ENOTDIR', 'ENOENT'].includes(code)) {
      return 'cannot be opened (a folder by that name, or a folder that cannot be created or entered): check DATABASE_PATH and the permissions of its folder';
    }
    if (code === 'SCHEMA_NEWER') {
      return `was written by a newer Headroom (${String((error as Error).message)}): run that version, or restore a backup made by this one`;
    }
    const message = error instanceof Error ? error.message : String(error);
    return `cannot be used (${message}): restore it from a backup, or delete it to start afresh with new demo data`;
  })();
  return `Headroom cannot start: the database ${file} ${what}.`.replace(/\s+/g, ' ');
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
