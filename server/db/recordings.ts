import type { Conversation } from '../../contract/schemas.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

/** What a recording is made of: the call's length and the turns in it. */
export type RecordingSource = {
  started_at: string;
  ended_at: string | null;
  transcript: Conversation['transcript'];
};

/** The key recording links are signed with, made by migration 010 at first start. */
export function recordingSecret(db: Db): Buffer {
  const row = sql<[], { value: Buffer }>(
    db,
    "SELECT value FROM server_secrets WHERE name = 'recording_links'",
  ).get();
  if (!row) throw new Error('No recording-link secret: the database was not migrated');
  return row.value;
}

/**
 * What a recording is made from, by conversation id alone: a signed link names the
 * conversation and carries no credential, so there is no org to scope by.
 */
export function recordingSource(db: Db, conversationId: string): RecordingSource | null {
  const row = sql<[string], { started_at: string; ended_at: string | null; transcript: string }>(
    db,
    'SELECT started_at, ended_at, transcript FROM conversations WHERE id = ?',
  ).get(conversationId);
  return row
    ? { ...row, transcript: JSON.parse(row.transcript) as RecordingSource['transcript'] }
    : null;
}
