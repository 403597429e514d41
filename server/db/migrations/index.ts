import type { Db } from '../schema.ts';
import * as initial from './001-initial.ts';
import * as report from './002-report.ts';
import * as summaries from './003-contact-summaries.ts';
import * as activity from './004-activity.ts';
import * as rollups from './005-minute-rollups.ts';
import * as campaignConcurrency from './006-campaign-concurrency.ts';
import * as retryQueue from './007-retry-queue.ts';
import * as writeJobs from './008-write-jobs.ts';
import * as goalAndCost from './009-goal-and-cost.ts';
import * as callsAndRecordings from './010-calls-and-recordings.ts';
import * as alerts from './011-alerts.ts';

export type Migration = { version: number; name: string; up: (db: Db) => void };

/**
 * Every schema change, in order; `PRAGMA user_version` records the last one applied.
 * To add one: a file `NNN-what.ts` exporting `up(db)` that changes the schema AND backfills
 * what existing rows imply (counters, side tables), then a line below with the next version.
 * Never edit a migration that has shipped: old database files replay it as it was.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial.up },
  { version: 2, name: 'report aggregates and contact filters', up: report.up },
  { version: 3, name: 'contact summaries and search index', up: summaries.up },
  { version: 4, name: 'requeue budget and activity log', up: activity.up },
  { version: 5, name: 'per-minute timeline rollups', up: rollups.up },
  { version: 6, name: 'campaign concurrency cap', up: campaignConcurrency.up },
  { version: 7, name: 'retry queue index', up: retryQueue.up },
  { version: 8, name: 'journal of sliced writes', up: writeJobs.up },
  { version: 9, name: 'goal conversions and call cost', up: goalAndCost.up },
  { version: 10, name: 'call log index and recording-link secret', up: callsAndRecordings.up },
  { version: 11, name: 'alert rules, episodes and deliveries', up: alerts.up },
];
