import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { BODY_MAX_BYTES } from '../contract/schemas.ts';
import { serveStatic } from '@hono/node-server/serve-static';
import { buildOpenApi } from '../contract/openapi.ts';
import { ROUTES } from '../contract/scopes.ts';
import { authorize, type AppEnv } from './auth.ts';
import type { Db } from './db/schema.ts';
import { HttpError } from './errors.ts';
import { offers } from './extensions.ts';
import { rateLimiter, type RateLimit } from './rate-limit.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { concurrencyRoutes } from './routes/concurrency.ts';
import { configurationRoutes } from './routes/configurations.ts';
import { contactRoutes } from './routes/contacts.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { sessionRoutes } from './routes/session.ts';
import { timezoneRoutes } from './routes/timezones.ts';

export type AppOptions = {
  db: Db;
  now?: () => Date;
  /** The SPA's runtime configuration, answered at /config.json. */
  publicConfig?: Record<string, unknown>;
  /** The built SPA to serve (dist/), if any. */
  staticDir?: string;
  /** Per-credential limit on the API; none when omitted. */
  rateLimit?: RateLimit;
  /** false: every (ext) route answers 404 and no (ext) field is sent (EXTENSIONS=off). */
  extensions?: boolean;
};

const API_PREFIXES = ['/campaign/', '/conversations/'];

export function createApp({
  db,
  now = () => new Date(),
  publicConfig = {},
  staticDir,
  rateLimit,
  extensions = true,
}: AppOptions) {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('now', now);
    c.set('extensions', extensions);
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  });

  // The API described from the same schemas it validates with, for integrators and tools.
  const openApi = buildOpenApi(ROUTES.filter((r) => !r.extension || (extensions && offers(r.extension))));
  app.get('/openapi.json', (c) => c.json(openApi));

  app.get('/config.json', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(publicConfig);
  });

  app.use('/campaign/*', authorize);
  app.use('/conversations/*', authorize);
  app.use(
    '/campaign/*',
    bodyLimit({
      maxSize: BODY_MAX_BYTES,
      onError: (c) => c.json({ detail: `Request body over ${BODY_MAX_BYTES / 1024 / 1024} MB: send fewer contacts per request` }, 413),
    }),
  );
  if (rateLimit) {
    const limiter = rateLimiter(rateLimit);
    app.use('/campaign/*', limiter);
    app.use('/conversations/*', limiter);
  }
  app.route('/campaign/session', sessionRoutes);
  app.route('/campaign/timezones', timezoneRoutes);
  app.route('/campaign/campaigns/:id/contacts', contactRoutes);
  app.route('/campaign/campaigns', campaignRoutes);
  app.route('/campaign/configurations', configurationRoutes);
  app.route('/campaign/concurrency-settings', concurrencyRoutes);
  app.route('/conversations', conversationRoutes);

  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    const root = relative(process.cwd(), staticDir) || '.';
    const indexHtml = readFileSync(join(staticDir, 'index.html'), 'utf8');
    app.use(
      '/assets/*',
      serveStatic({
        root,
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
    app.use('*', serveStatic({ root }));
    // Client-side routes: any other GET that is not the API gets the SPA.
    app.get('*', (c, next) => {
      if (API_PREFIXES.some((p) => c.req.path.startsWith(p))) return next();
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    });
  }

  app.notFound((c) => c.json({ detail: `No route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json({ detail: error.detail }, error.status, error.headers);
    // Real faults only; the message never includes request headers or tokens.
    console.error(`Unhandled error on ${c.req.method} ${c.req.path}:`, error);
    return c.json({ detail: 'Internal server error' }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
