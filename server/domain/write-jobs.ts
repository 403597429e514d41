// Large writes in slices (an import of many contacts, a requeue of many): each slice is one
// short transaction and the event loop serves other requests between slices, so no write holds
// the server. A single transaction cannot be cut into slices and stay atomic, so these writes
// are made all-or-nothing in the other direction: journaled (db/write-jobs.ts) in the
// transaction of their first change and finished on the next start if the server stopped
// halfway. Other requests may see one in progress, never a half-done one as the final state.
import { importCounts, importSummary, plural, type ImportCounts, type Stamp } from './activity.ts';
import { insertActivity } from '../db/activity.ts';
import {
  requeueSeqs,
  upsertContacts,
  type NormalizedContact,
  type UpsertOutcome,
} from '../db/contacts.ts';
import type { Readers } from '../db/readers.ts';
import type { Db } from '../db/schema.ts';
import {
  advanceWriteJob,
  deleteWriteJob,
  findWriteJob,
  insertWriteJob,
  writeJobIds,
  type WriteJobRow,
} from '../db/write-jobs.ts';
import type { ContactFilters } from '../../contract/extensions.ts';

/**
 * How long one slice may hold the event loop. The cost of a row varies a hundredfold (a
 * contact's searchable text is indexed by trigram, and the search index flushes at each
 * commit; a file database is slower than memory; the machine may be busy), so each job sizes
 * its next slice from how long the last one took.
 */
const SLICE_MS = 25;
/** First slice sizes, and bounds: contacts of an import (and at most 40 KB of them), rows of a requeue. */
const FIRST = { import: 25, requeue: 250 };
const BOUNDS = { import: [5, 500], requeue: [50, 10_000] } as const;
const IMPORT_SLICE_BYTES = 40_000;

function importSliceEnd(contacts: NormalizedContact[], from: number, count: number): number {
  let end = from;
  let bytes = 0;
  while (end < contacts.length && end - from < count && bytes < IMPORT_SLICE_BYTES) {
    bytes += JSON.stringify(contacts[end]).length;
    end++;
  }
  return end;
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

type Statuses = ('exhausted' | 'completed')[];

type ImportPayload = { contacts: NormalizedContact[]; now: string };
type ImportProgress = ImportCounts;
type RequeuePayload = { seqs: number[]; statuses: Statuses; now: string };
type RequeueProgress = { requeued: number };
type JobActivity = Stamp & { campaignId: string | null; describe?: string };

/** What the request that started a job keeps in memory: the answer it is building. */
type Live = {
  payload: ImportPayload | RequeuePayload;
  /** Items in the next slice. */
  batch: number;
  outcome: UpsertOutcome;
  requeued: number;
  seenExternal: Set<string>;
};

const live = (payload: Live['payload']): Live => ({
  payload,
  batch: 'seqs' in payload ? FIRST.requeue : FIRST.import,
  outcome: { inserted: 0, updated: 0, failed: [], warnings: [], contact_ids: [] },
  requeued: 0,
  seenExternal: new Set(),
});

/**
 * Writes the next slice of a job in one transaction; the last slice also writes the job's
 * activity row and removes the job. Returns true when the job is done.
 */
function step(db: Db, job: WriteJobRow, live: Live): boolean {
  const started = performance.now();
  const finished = write(db, job, live);
  const [min, max] = BOUNDS[job.kind];
  const ms = Math.max(performance.now() - started, 0.1);
  // At most twice as big each time: a slice that found little to do says little about the next.
  const scaled = live.batch * Math.min(2, SLICE_MS / ms);
  live.batch = Math.min(max, Math.max(min, Math.round(scaled)));
  return finished;
}

function write(db: Db, job: WriteJobRow, live: Live): boolean {
  const activity = JSON.parse(job.activity) as JobActivity;
  return db.transaction(() => {
    if (job.kind === 'import') {
      const { contacts, now } = live.payload as ImportPayload;
      const slice = contacts.slice(job.done, importSliceEnd(contacts, job.done, live.batch));
      const o = upsertContacts(db, job.org_id, job.campaign_id, slice, now, {
        first: job.done,
        seenExternal: live.seenExternal,
      });
      const p = JSON.parse(job.progress) as Partial<ImportProgress>;
      // A row repeating a contact of an earlier slice counts as repeated too (within this run:
      // after a restart, the slices before it are not remembered).
      const before = new Set(live.outcome.contact_ids).size;
      live.outcome.inserted += o.inserted;
      live.outcome.updated += o.updated;
      live.outcome.failed.push(...o.failed);
      live.outcome.warnings.push(...o.warnings);
      live.outcome.contact_ids.push(...o.contact_ids);
      const fresh = new Set(live.outcome.contact_ids).size - before;
      const progress: ImportProgress = {
        inserted: (p.inserted ?? 0) + o.inserted,
        updated: (p.updated ?? 0) + o.updated,
        failed: (p.failed ?? 0) + o.failed.length,
        repeated: (p.repeated ?? 0) + o.inserted + o.updated - fresh,
      };
      return advance(db, job, slice.length, contacts.length, progress, () =>
        importSummary(progress),
      );
    }
    const { seqs, statuses, now } = live.payload as RequeuePayload;
    const slice = seqs.slice(job.done, job.done + live.batch);
    const n = requeueSeqs(db, job.campaign_id!, statuses, slice, new Date(now));
    const progress = { requeued: (JSON.parse(job.progress) as RequeueProgress).requeued + n };
    live.requeued += n;
    return advance(
      db,
      job,
      slice.length,
      seqs.length,
      progress,
      () => `Set ${plural(progress.requeued, 'contact')} to be called again ${activity.describe}`,
    );
  })();

  function advance(
    db: Db,
    job: WriteJobRow,
    n: number,
    total: number,
    progress: unknown,
    summary: () => string,
  ): boolean {
    const done = job.done + n;
    if (done < total) {
      advanceWriteJob(db, job.id, done, progress);
      job.done = done;
      job.progress = JSON.stringify(progress);
      return false;
    }
    const action = job.kind === 'import' ? 'contacts.imported' : 'contacts.requeued';
    insertActivity(db, {
      orgId: activity.orgId,
      at: activity.at,
      actor: activity.actor,
      action,
      campaignId: activity.campaignId,
      summary: summary(),
    });
    deleteWriteJob(db, job.id);
    return true;
  }
}

async function runJob(db: Db, id: number, live: Live): Promise<void> {
  const job = findWriteJob(db, id);
  if (!job) return;
  while (!step(db, job, live)) await yieldToOthers();
}

/** An import begun inside the caller's transaction; `finishImport` writes the rest. */
export type ImportHandle = { jobId: number | null; live: Live };

/**
 * Upserts `contacts` as part of the caller's transaction when they fit in one slice (with
 * their activity row), else journals them as a job for `finishImport`, whose first slice
 * then runs after the caller's transaction commits.
 */
export function beginImport(
  db: Db,
  job: { campaignId: string | null; contacts: NormalizedContact[]; now: string; actor: Stamp },
): ImportHandle {
  const { campaignId, contacts, now, actor } = job;
  const state = live({ contacts, now });
  if (importSliceEnd(contacts, 0, FIRST.import) === contacts.length) {
    state.outcome = upsertContacts(db, actor.orgId, campaignId, contacts, now);
    insertActivity(db, {
      ...actor,
      action: 'contacts.imported',
      campaignId,
      summary: importSummary(importCounts(state.outcome)),
    });
    return { jobId: null, live: state };
  }
  const activity: JobActivity = { ...actor, campaignId };
  const progress: ImportProgress = { inserted: 0, updated: 0, failed: 0, repeated: 0 };
  const jobId = insertWriteJob(db, {
    kind: 'import',
    orgId: actor.orgId,
    campaignId,
    payload: state.payload,
    progress,
    activity,
  });
  return { jobId, live: state };
}

export async function finishImport(db: Db, handle: ImportHandle): Promise<UpsertOutcome> {
  if (handle.jobId !== null) await runJob(db, handle.jobId, handle.live);
  return handle.live.outcome;
}

// Requeues of one campaign run one after another: each picks its contacts when the previous
// is done, so two at once cannot both requeue (and have dialed) the same contact.
const requeues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const next = (requeues.get(key) ?? Promise.resolve()).catch(() => undefined).then(fn);
  requeues.set(key, next);
  next.then(
    () => requeues.get(key) === next && requeues.delete(key),
    () => requeues.get(key) === next && requeues.delete(key),
  );
  return next;
}

/**
 * Requeues the campaign's contacts in `statuses` that match `filters` (contacts.requeueContacts),
 * in slices past one; `describe` ends the activity summary. Returns how many were requeued.
 */
export function requeue(
  db: Db,
  readers: Readers,
  r: {
    campaignId: string;
    statuses: Statuses;
    filters: ContactFilters;
    now: Date;
    actor: Stamp;
    describe: string;
  },
): Promise<number> {
  return oneAtATime(r.campaignId, async () => {
    const seqs = await readers.read('requeueTargets', r.campaignId, r.statuses, r.filters);
    if (seqs.length <= FIRST.requeue) {
      return db.transaction(() => {
        const n = requeueSeqs(db, r.campaignId, r.statuses, seqs, r.now);
        const summary = `Set ${plural(n, 'contact')} to be called again ${r.describe}`;
        insertActivity(db, {
          ...r.actor,
          action: 'contacts.requeued',
          campaignId: r.campaignId,
          summary,
        });
        return n;
      })();
    }
    const state = live({ seqs, statuses: r.statuses, now: r.now.toISOString() });
    const activity: JobActivity = { ...r.actor, campaignId: r.campaignId, describe: r.describe };
    const progress: RequeueProgress = { requeued: 0 };
    const jobId = insertWriteJob(db, {
      kind: 'requeue',
      orgId: r.actor.orgId,
      campaignId: r.campaignId,
      payload: state.payload,
      progress,
      activity,
    });
    await runJob(db, jobId, state);
    return state.requeued;
  });
}

/** Finishes the jobs a previous process left half done (at start, before serving). */
export async function resumeWriteJobs(db: Db): Promise<number> {
  const ids = writeJobIds(db);
  for (const id of ids) {
    const job = findWriteJob(db, id)!;
    await runJob(db, id, live(JSON.parse(job.payload) as Live['payload']));
  }
  return ids.length;
}
