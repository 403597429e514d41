// The phone zones of contacts written before migration 013: derived by the server after it
// starts, a slice at a time between other requests. The journal row (timezone_backfill) moves
// with each slice in the same transaction, so a server stopped halfway resumes where it was.
import type { Db } from '../db/schema.ts';
import { sql } from '../db/statements.ts';
import { zoneOfNumber } from './phone-zones.ts';

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
    const rows = sql<[number, number, number], { seq: number; phone_numbers: string }>(
      db,
      `SELECT seq, phone_numbers FROM contacts WHERE seq >= ? AND seq <= ? AND timezone_source IS NULL
       ORDER BY seq LIMIT ?`,
    ).all(job.next_seq, job.last_seq, SLICE);
    const at = now();
    const zones = await Promise.all(
      rows.map(async (r) => {
        const first = (JSON.parse(r.phone_numbers) as string[])[0];
        return first ? zoneOfNumber(first, at) : null;
      }),
    );
    db.transaction(() => {
      // A contact written since (by an upsert) has its zone already: left as it is.
      const set = sql(
        db,
        "UPDATE contacts SET timezone = ?, timezone_source = 'phone' WHERE seq = ? AND timezone_source IS NULL",
      );
      rows.forEach((r, i) => {
        if (zones[i]) zoned += set.run(zones[i], r.seq).changes;
      });
      if (rows.length < SLICE) sql(db, 'DELETE FROM timezone_backfill').run();
      else
        sql(db, 'UPDATE timezone_backfill SET next_seq = ? WHERE id = 1').run(rows.at(-1)!.seq + 1);
    })();
    await yieldToOthers();
  }
}
