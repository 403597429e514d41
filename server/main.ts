// The reference server: the built SPA and the /campaign API in one process, with demo data
// and the simulated dialer. Settings come from the environment (see README).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './http/app.ts';
import { removeCredentials } from './db/orgs.ts';
import { createReaders } from './db/readers.ts';
import { databaseProblem, openDatabase, type Db } from './db/schema.ts';
import { DEMO_CREDENTIALS, keepDemoCampaignFed, seedDemo } from './demo/seed.ts';
import { createDialer } from './dialer/dialer.ts';
import { resumeWriteJobs } from './domain/write-jobs.ts';
import { createAlerts } from './domain/alert-delivery.ts';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const databasePath = env.DATABASE_PATH ?? '.data/headroom.db';
const demo = env.DEMO_DATA !== 'off';
const dialerOn = env.DIALER !== 'off';
const extensions = env.EXTENSIONS !== 'off';

let db: Db;
try {
  if (databasePath !== ':memory:') mkdirSync(dirname(resolve(databasePath)), { recursive: true });
  db = openDatabase(databasePath);
} catch (error) {
  // Before anything else (the dialer, the demo) touches it: one line that says what to do.
  console.error(databaseProblem(databasePath, error));
  process.exit(1);
}
const resumed = await resumeWriteJobs(db);
if (resumed > 0)
  console.log(`Finished ${resumed} imports or requeues that the last run left half done.`);
// Heavy reads on READER_THREADS threads (a file database only: see db/readers.ts).
const readers = createReaders(db, Number(env.READER_THREADS ?? 2));
const now = () => new Date();
// Alerts: private and loopback webhook targets only when the operator says so.
const alerts = createAlerts({ db, now, allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === 'on' });
const app = createApp({
  alerts,
  db,
  readers,
  now,
  staticDir: resolve('dist'),
  extensions,
  // Generous enough for a room of supervisors sharing one key; RATE_LIMIT=off to disable.
  ...(env.RATE_LIMIT === 'off'
    ? {}
    : {
        rateLimit: {
          perSecond: Number(env.RATE_LIMIT_PER_SECOND ?? 200),
          burst: Number(env.RATE_LIMIT_BURST ?? 400),
          // Guessing tokens from one address: 20 tries at once, then one a second.
          failedAuth: { perSecond: 1, burst: 20 },
        },
      }),
  publicConfig: { apiBaseUrl: '', conversationUrlTemplate: null },
  demoCredentials: demo ? { token: 'ak_demo_manage' } : null,
  demoPublic: env.DEMO_PUBLIC === 'on',
});

const speed = Number(env.DIALER_SPEED ?? 30);
const dialer = createDialer({ db, now, seed: Number(env.DIALER_SEED ?? 1), speed });
dialer.recover();
if (!demo) {
  // DEMO_DATA=off on a database that once had the demo: its well-known keys stop working.
  const removed = removeCredentials(
    db,
    DEMO_CREDENTIALS.map((c) => c.token),
  );
  if (removed > 0) console.log(`Removed ${removed} demo credentials (DEMO_DATA=off).`);
}
if (demo) {
  const started = Date.now();
  // Its history runs at the live dialer's pace, up to the moment the live dialer takes over.
  await seedDemo(db, { now, speed });
  console.log(`Demo data ready (${Date.now() - started} ms).`);
}
if (dialerOn) dialer.start();
// Evaluated whether or not anyone looks; a restart resumes the deliveries left to make.
if (extensions) alerts.start();
const stopFeeding = demo && dialerOn ? keepDemoCampaignFed(db, app) : () => {};

const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
  console.log(`Headroom is running at http://localhost:${port}`);
  console.log(
    `Database: ${databasePath}; dialer ${dialerOn ? `on (speed ${env.DIALER_SPEED ?? 30})` : 'off'}; extensions ${extensions ? 'on' : 'off'}`,
  );
  if (demo) {
    console.log('Demo credentials (the dashboard signs in with the first one):');
    for (const c of DEMO_CREDENTIALS)
      console.log(`  ${c.token.padEnd(22)} ${c.label}: ${c.scopes.join(', ')}`);
  }
});

function shutdown() {
  dialer.stop();
  alerts.stop();
  stopFeeding();
  server.close(async () => {
    await readers.close();
    db.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
