import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { BODY_MAX_BYTES } from '../../contract/schemas.ts';
import { buildOpenApi } from '../../contract/openapi.ts';
import { operationList } from '../../contract/operations.ts';
import { authorize, type AppEnv } from './auth.ts';
import { inThreadReaders, type Readers } from '../db/readers.ts';
import type { Db } from '../db/schema.ts';
import { drainUnreadBody } from './drain-body.ts';
import { HttpError } from '../domain/errors.ts';
import { offeredExtensions, resolveExtensions } from './extensions.ts';
import { failedAuthLimiter, rateLimiter, type RateLimit } from './rate-limit.ts';
import { registerOperations } from './operations.ts';
import { activityHandlers } from './routes/activity.ts';
import { alertHandlers } from './routes/alerts.ts';
import { createAlerts, type Alerts } from '../domain/alert-delivery.ts';
import { campaignHandlers } from './routes/campaigns.ts';
import { concurrencyHandlers } from './routes/concurrency.ts';
import { configurationHandlers } from './routes/configurations.ts';
import { contactHandlers } from './routes/contacts.ts';
import { planHandlers } from './routes/plan.ts';
import { callHandlers } from './routes/calls.ts';
import { conversationHandlers } from './routes/conversations.ts';
import { recordingHandlers } from './routes/recordings.ts';
import { sessionHandlers } from './routes/session.ts';
import { statsHandlers } from './routes/stats.ts';
import { suppressionHandlers } from './routes/suppressions.ts';
import { timezoneHandlers } from './routes/timezones.ts';
import { loadSpa, serveSpa } from './spa.ts';
import { registerTestClock, type TestClock } from './test-clock.ts';

export type AppOptions = {
  db: Db;
  /** Where heavy reads run (db/readers.ts); on `db` in this thread when omitted. */
  readers?: Readers;
  now?: () => Date;
  /** The SPA's runtime configuration, answered at /config.json and put into index.html. */
  publicConfig?: Record<string, unknown>;
  /** The built SPA to serve (dist/), if any. */
  staticDir?: string;
  /** Per-credential limit on the API, and per address on failed authentication; none when omitted. */
  rateLimit?: RateLimit & { failedAuth?: RateLimit };
  /** Offered in /config.json to loopback clients only, unless `demoPublic`. */
  demoCredentials?: { token: string } | null;
  demoPublic?: boolean;
  /** The client's address; tests inject it (app.request has no socket). */
  clientAddress?: (c: Context<AppEnv>) => string | undefined;
  /** false: every (ext) route answers 404 and no (ext) field is sent (EXTENSIONS=off). */
  extensions?: boolean;
  /** TEST_CLOCK=on: /testing/clock moves this clock (end-to-end tests only). */
  testClock?: TestClock | null;
  /** (ext) alerts: evaluation and delivery; one that refuses private targets when omitted. */
  alerts?: Alerts;
};

const API_PREFIXES = ['/campaign/', '/conversations/'];

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not served from a socket (app.request in tests)
  }
}

const isLoopback = (address: string | undefined) =>
  !!address &&
  (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

/**
 * What the SPA needs and nothing else: its own scripts, styles (the page's inline one by its
 * hash) and images, and requests to this server or the API it is configured for; never
 * framed (Pause and Close must not be clickable inside someone else's page).
 */
function contentSecurityPolicy(
  publicConfig: Record<string, unknown>,
  { styleHashes, scriptHashes }: { styleHashes: string[]; scriptHashes: string[] },
) {
  const api =
    typeof publicConfig.apiBaseUrl === 'string' && /^https?:\/\//.test(publicConfig.apiBaseUrl)
      ? [new URL(publicConfig.apiBaseUrl).origin]
      : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...scriptHashes],
    styleSrc: ["'self'", ...styleHashes],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", ...api],
    // Recordings play from the API's signed links.
    mediaSrc: ["'self'", ...api],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

export function createApp({
  db,
  readers = inThreadReaders(db),
  now = () => new Date(),
  publicConfig = {},
  staticDir,
  rateLimit,
  extensions = true,
  demoCredentials = null,
  demoPublic = false,
  clientAddress = socketAddress,
  testClock = null,
  alerts = createAlerts({ db, now, allowPrivate: false }),
}: AppOptions) {
  const app = new Hono<AppEnv>();
  const addressOf = (c: Context<AppEnv>) => clientAddress(c) ?? 'unknown';

  app.use('*', drainUnreadBody);
  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('readers', readers);
    c.set('now', now);
    c.set('alerts', alerts);
    await next();
  });
  const offered = offeredExtensions(extensions);
  app.use('*', resolveExtensions(offered));
  const spa = staticDir && existsSync(join(staticDir, 'index.html')) ? loadSpa(staticDir) : null;
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: contentSecurityPolicy(
        publicConfig,
        spa ?? { styleHashes: [], scriptHashes: [] },
      ),
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
    }),
  );

  // The API described from the same schemas it validates with, for integrators and tools.
  const openApi = buildOpenApi(
    operationList().filter((op) => !op.extension || offered.includes(op.extension)),
  );
  app.get('/openapi.json', (c) => c.json(openApi));

  // The demo key signs in whoever opens the page: only someone on this machine, by default.
  const runtimeConfig = (c: Context<AppEnv>) => {
    const offerDemo = !!demoCredentials && (demoPublic || isLoopback(clientAddress(c)));
    return {
      config: offerDemo ? { ...publicConfig, demoCredentials } : publicConfig,
      credential: offerDemo,
    };
  };
  app.get('/config.json', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(runtimeConfig(c).config);
  });

  // JSON over a phone's network: a page of contacts is ten times smaller gzipped.
  app.use('/campaign/*', compress());
  app.use('/conversations/*', compress());

  if (rateLimit?.failedAuth) {
    const limiter = failedAuthLimiter(rateLimit.failedAuth, addressOf);
    app.use('/campaign/*', limiter);
    app.use('/conversations/*', limiter);
  }

  app.use('/campaign/*', authorize);
  app.use('/conversations/*', authorize);
  app.use(
    '/campaign/*',
    bodyLimit({
      maxSize: BODY_MAX_BYTES,
      onError: (c) =>
        c.json(
          {
            detail: `Request body over ${BODY_MAX_BYTES / 1024 / 1024} MB: send fewer contacts per request`,
          },
          413,
        ),
    }),
  );
  if (rateLimit) {
    const limiter = rateLimiter(rateLimit);
    app.use('/campaign/*', limiter);
    app.use('/conversations/*', limiter);
  }
  registerOperations(app, {
    ...sessionHandlers,
    ...timezoneHandlers,
    ...campaignHandlers,
    ...contactHandlers,
    ...configurationHandlers,
    ...concurrencyHandlers,
    ...statsHandlers,
    ...activityHandlers,
    ...alertHandlers,
    ...planHandlers,
    ...suppressionHandlers,
    ...conversationHandlers,
    ...callHandlers,
    ...recordingHandlers,
  });

  if (testClock) registerTestClock(app, testClock);
  if (spa) serveSpa(app, spa, { apiPrefixes: API_PREFIXES, runtimeConfig });

  app.notFound((c) => c.json({ detail: `No route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    if (error instanceof HttpError)
      return c.json({ detail: error.detail }, error.status, error.headers);
    // Real faults only; the message never includes request headers or tokens.
    console.error(`Unhandled error on ${c.req.method} ${c.req.path}:`, error);
    return c.json({ detail: 'Internal server error' }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
