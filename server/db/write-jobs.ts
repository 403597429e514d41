import type { Db } from './schema.ts';
import { sql } from './statements.ts';

/** A write that commits in slices, as journaled (migration 008); JSON columns as text. */
export type WriteJobRow = {
  id: number;
  kind: 'import' | 'requeue';
  org_id: string;
  campaign_id: string | null;
  payload: string;
  done: number;
  progress: string;
  activity: string;
};

export function insertWriteJob(
  db: Db,
  job: {
    kind: WriteJobRow['kind'];
    orgId: string;
    campaignId: string | null;
    payload: unknown;
    progress: unknown;
    activity: unknown;
  },
): number {
  return Number(
    sql(
      db,
      'INSERT INTO write_jobs (kind, org_id, campaign_id, payload, progress, activity) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      job.kind,
      job.orgId,
      job.campaignId,
      JSON.stringify(job.payload),
      JSON.stringify(job.progress),
      JSON.stringify(job.activity),
    ).lastInsertRowid,
  );
}

export function findWriteJob(db: Db, id: number): WriteJobRow | null {
  return sql<[number], WriteJobRow>(db, 'SELECT * FROM write_jobs WHERE id = ?').get(id) ?? null;
}

export function writeJobIds(db: Db): number[] {
  return sql<[], { id: number }>(db, 'SELECT id FROM write_jobs ORDER BY id')
    .all()
    .map((r) => r.id);
}

export function advanceWriteJob(db: Db, id: number, done: number, progress: unknown): void {
  sql(db, 'UPDATE write_jobs SET done = ?, progress = ? WHERE id = ?').run(
    done,
    JSON.stringify(progress),
    id,
  );
}

export function deleteWriteJob(db: Db, id: number): void {
  sql(db, 'DELETE FROM write_jobs WHERE id = ?').run(id);
}
