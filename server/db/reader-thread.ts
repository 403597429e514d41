// A reader thread (db/readers.ts): runs READS on its own read-only connection, each in one
// read transaction so that a read of several statements sees one snapshot.
import { parentPort, workerData } from 'node:worker_threads';
import { READS, type ReadName } from './reads.ts';
import { openReader } from './schema.ts';

const db = openReader((workerData as { path: string }).path);

parentPort!.on('message', ({ id, name, args }: { id: number; name: ReadName; args: unknown[] }) => {
  try {
    const read = READS[name] as (db: unknown, ...args: unknown[]) => unknown;
    parentPort!.postMessage({ id, result: db.transaction(() => read(db, ...args))() });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
