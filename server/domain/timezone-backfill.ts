// The phone zones of contacts written before migration 013: derived by the server after it
// starts, a slice at a time between other requests. The journal row (timezone_backfill) moves
// with each slice in the same transaction, so a server stopped halfway resumes where it was.
import type { Db } from '../db/schema.ts';
import { sql } from '../db/statements.ts';
import { zoneOf } from './contact-input.ts';

const SLICE = 500;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Derives what is left; returns how many contacts it gave a zone. */
export async function backfillTimezones(db: Db, now: () => Date): Promise<number> {
  let zoned = 0;
  for (;;) {
    const job = sql<[], { next_seq: number; last_seq: number }>(
      db,
      'SELECT next_seq, last_seq FROM timezone_backfill WHERE id = 1',
    ).get();
    if (!job) return zoned;
    const rows = sql<
      [number, number, number],
      { seq: number; phone_numbers: string; data: string }
    >(
      db,
      `SELECT seq, phone_numbers, data FROM contacts WHERE seq >= ? AND seq <= ? AND timezone_source IS NULL
       ORDER BY seq LIMIT ?`,
    ).all(job.next_seq, job.last_seq, SLICE);
    const at = now();
    // data.timezone first (an alias the migration's list did not hold), then the number.
    const zones = await Promise.all(
      rows.map((r) =>
        zoneOf(
          { phone_numbers: [], data: JSON.parse(r.data) as Record<string, unknown> },
          (JSON.parse(r.phone_numbers) as string[])[0],
          at,
          () => {},
        ),
      ),
    );
    db.transaction(() => {
      // A contact written since (by an upsert) has its zone already: left as it is.
      const set = sql(
        db,
        'UPDATE contacts SET timezone = ?, timezone_source = ? WHERE seq = ? AND timezone_source IS NULL',
      );
      rows.forEach((r, i) => {
        const z = zones[i]!;
        if (z.timezone) zoned += set.run(z.timezone, z.timezone_source, r.seq).changes;
      });
      if (rows.length < SLICE) sql(db, 'DELETE FROM timezone_backfill').run();
      else
        sql(db, 'UPDATE timezone_backfill SET next_seq = ? WHERE id = 1').run(rows.at(-1)!.seq + 1);
    })();
    await yieldToOthers();
  }
}
