import type { Conversation } from '../../contract/schemas.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

export function getConversation(db: Db, orgId: string, id: string): Conversation | null {
  const row = sql<
    [string, string],
    { id: string; started_at: string; ended_at: string | null; transcript: string }
  >(
    db,
    'SELECT id, started_at, ended_at, transcript FROM conversations WHERE org_id = ? AND id = ?',
  ).get(orgId, id);
  if (!row) return null;
  const evaluations = sql<[string], { metric_key: string; status: string; results: string | null }>(
    db,
    'SELECT metric_key, status, results FROM evaluation_runs WHERE conversation_id = ? ORDER BY seq',
  )
    .all(id)
    // A pending run's planned results stay hidden until it completes.
    .map((e) => ({
      ...e,
      results: e.status === 'completed' && e.results ? JSON.parse(e.results) : null,
    }));
  return { ...row, transcript: JSON.parse(row.transcript), evaluations };
}
