import { listContacts, requeueTargets } from './contacts.ts';
import { campaignReport } from './report.ts';

/**
 * The reads that can take long enough to hold the event loop (a filtered report or a deep
 * filtered page takes up to a second at a million contacts), run by db/readers.ts: the same
 * db functions, on a reader thread's own connection when the database is a file.
 */
export const READS = { report: campaignReport, contacts: listContacts, requeueTargets } as const;
export type ReadName = keyof typeof READS;
