import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { READS, type ReadName } from './reads.ts';
import type { Db } from './schema.ts';

type Args<K extends ReadName> = (typeof READS)[K] extends (db: Db, ...args: infer A) => unknown
  ? A
  : never;
type Result<K extends ReadName> = ReturnType<(typeof READS)[K]>;

export type Readers = {
  read<K extends ReadName>(name: K, ...args: Args<K>): Promise<Result<K>>;
  close(): Promise<void>;
};

const call = <K extends ReadName>(db: Db, name: K, args: unknown[]) =>
  (READS[name] as (db: Db, ...args: unknown[]) => Result<K>)(db, ...args);

/** Reads on the caller's own connection, in the caller's thread. */
export function inThreadReaders(db: Db): Readers {
  return {
    read: async (name, ...args) => call(db, name, args),
    close: async () => {},
  };
}

type Reply = { id: number; result?: unknown; error?: string };
type Thread = {
  worker: Worker;
  pending: Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>;
};

// tsx compiles the thread's TypeScript whether the server runs under tsx, node --import tsx or vitest.
const THREAD = new URL('./reader-thread.ts', import.meta.url).href;
const THREAD_BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.tsImport(${JSON.stringify(THREAD)}, ${JSON.stringify(THREAD)}))`;

/**
 * `threads` reader threads, each with a read-only connection to `db`'s file; every read goes
 * to the thread with the fewest reads in hand. An in-memory database stays in-thread: no
 * other connection can open it (a shared-cache `file::memory:` could, but it locks whole
 * tables instead of using WAL, so a long read would fail the writer's statements with
 * SQLITE_LOCKED rather than letting them through).
 */
export function createReaders(db: Db, threads = 2): Readers {
  if (db.memory || threads < 1) return inThreadReaders(db);
  const path = resolve(db.name);
  let nextId = 1;
  let closing = false;
  const pool: Thread[] = [];

  function spawn(): Thread {
    const thread: Thread = {
      worker: new Worker(THREAD_BOOT, { eval: true, workerData: { path } }),
      pending: new Map(),
    };
    thread.worker.unref();
    thread.worker.on('message', ({ id, result, error }: Reply) => {
      const job = thread.pending.get(id);
      thread.pending.delete(id);
      if (error === undefined) job?.resolve(result as never);
      else job?.reject(new Error(`Reader thread: ${error}`));
    });
    // A thread that dies fails its reads and is replaced; the next reads go to the new one.
    const fail = (error: Error) => {
      for (const job of thread.pending.values()) job.reject(error);
      thread.pending.clear();
      const at = pool.indexOf(thread);
      if (at >= 0 && !closing) pool[at] = spawn();
    };
    thread.worker.on('error', fail);
    thread.worker.on('exit', (code) => fail(new Error(`Reader thread exited with code ${code}`)));
    return thread;
  }
  for (let i = 0; i < threads; i++) pool.push(spawn());

  return {
    read(name, ...args) {
      const thread = pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ id, name, args });
      });
    },
    async close() {
      closing = true;
      await Promise.all(pool.map((t) => t.worker.terminate()));
    },
  };
}
