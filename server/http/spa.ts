// The built SPA (dist/): hashed assets compressed at build time and cached for good, and
// index.html sent with its stylesheet, the runtime configuration and the current route's
// chunks in it, so that a first visit waits for none of them before the first paint.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Context, Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './auth.ts';

type RoutePreloads = { path: string; files: string[]; heading?: string }[];

export type SpaOptions = {
  /** Paths that are never the SPA (the API): they fall through to a JSON 404. */
  apiPrefixes: string[];
  /** What /config.json would answer this request; `credential` when it carries one. */
  runtimeConfig: (c: Context<AppEnv>) => { config: Record<string, unknown>; credential: boolean };
};

type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts (q=0 refuses one); null for none. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (e: Encoding) => accepted.get(e) ?? accepted.get('*') ?? 0;
  const best = (['br', 'gzip'] as const)
    .filter((e) => weight(e) > 0)
    .sort((a, b) => weight(b) - weight(a))[0];
  return best ?? null;
}

/** Which pattern (`/campaigns/:id`) a path matches; segments with a colon match any one. */
function matchRoute(routes: RoutePreloads, path: string) {
  const segments = path.split('/').filter(Boolean);
  return routes.find((r) => {
    const pattern = r.path.split('/').filter(Boolean);
    return (
      pattern.length === segments.length &&
      pattern.every((p, i) => p.startsWith(':') || p === segments[i])
    );
  });
}

/** JSON that cannot end the script element it sits in, nor open a comment. */
const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** index.html's main area before the app renders: a page with a known heading gets it. */
const LOADING = '<p class="text-slate-500">Loading…</p>';
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page with its heading where the app's pending shell shows it (app/pending-page.tsx). */
export function withPendingHeading(html: string, heading: string): string {
  const title = `<h1 class="text-2xl font-semibold">${escapeHtml(heading)}</h1>`;
  return html.replace(
    `${LOADING}</main>`,
    `<section class="space-y-5"><div class="flex items-center justify-between gap-4">${title}</div>${LOADING}</section></main>`,
  );
}

const STYLESHEET = /<link rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"[^>]*>/g;

export type BuiltSpa = {
  staticDir: string;
  template: string;
  routes: RoutePreloads;
  /** CSP sources ('sha256-…') of the style elements the template carries inline. */
  styleHashes: string[];
  /** CSP sources of its inline scripts (index.html's theme, set before the first paint). */
  scriptHashes: string[];
};

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;
const sha256Source = (text: string) =>
  `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * Reads dist/ once. The build's stylesheets go into the page itself: a phone on a slow
 * network paints the shell with the HTML alone, rather than after another round trip.
 */
export function loadSpa(staticDir: string): BuiltSpa {
  const styleHashes: string[] = [];
  const template = readFileSync(join(staticDir, 'index.html'), 'utf8').replace(
    STYLESHEET,
    (link, file: string) => {
      const css = readFileSync(join(staticDir, file), 'utf8');
      if (/<\/style/i.test(css)) return link;
      styleHashes.push(sha256Source(css));
      return `<style>${css}</style>`;
    },
  );
  const preloadsFile = join(staticDir, '.vite', 'route-preloads.json');
  const routes: RoutePreloads = existsSync(preloadsFile)
    ? JSON.parse(readFileSync(preloadsFile, 'utf8'))
    : [];
  const scriptHashes = [...template.matchAll(INLINE_SCRIPT)].map(([, code]) => sha256Source(code!));
  return { staticDir, template, routes, styleHashes, scriptHashes };
}

export function serveSpa(
  app: Hono<AppEnv>,
  { staticDir, template, routes }: BuiltSpa,
  { apiPrefixes, runtimeConfig }: SpaOptions,
) {
  const root = relative(process.cwd(), staticDir) || '.';

  // Build metadata (.vite/), dotfiles and source maps are not for the public.
  app.use('*', async (c, next) => {
    if (/(^|\/)\.|\.map$/.test(c.req.path)) return c.notFound();
    await next();
  });
  // Hashed names change with their content: cached for good, never revalidated.
  app.use(
    '/assets/*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
        if (!c.res.headers.get('Vary')) c.header('Vary', 'Accept-Encoding');
      },
    }),
  );

  // One page per route pattern and config, built and compressed on first request only.
  const pages = new Map<string, { html: string; br?: Buffer; gzip?: Buffer }>();
  const sendIndex = (c: Context<AppEnv>) => {
    const { config, credential } = runtimeConfig(c);
    const route = matchRoute(routes, c.req.path);
    const key = `${route?.path ?? ''}\n${JSON.stringify(config)}`;
    let page = pages.get(key);
    if (!page) {
      const head = [
        // Low priority: the entry, which the first render waits for, gets the line first and
        // the route's chunks follow it at once, instead of sharing the bandwidth with it.
        ...(route?.files ?? []).map(
          (f) => `<link rel="modulepreload" crossorigin href="/${f}" fetchpriority="low">`,
        ),
        // A data block, which the CSP does not treat as script: main.tsx reads it.
        `<script type="application/json" id="runtime-config">${scriptSafeJson(config)}</script>`,
      ];
      const html = template.replace('</head>', `    ${head.join('\n    ')}\n  </head>`);
      page = { html: route?.heading ? withPendingHeading(html, route.heading) : html };
      pages.set(key, page);
    }
    const encoding = preferredEncoding(c.req.header('Accept-Encoding'));
    c.header('Vary', 'Accept-Encoding');
    // The demo credential (loopback only) must not sit in any cache; the rest revalidates.
    c.header('Cache-Control', credential ? 'no-store' : 'no-cache');
    c.header('Content-Type', 'text/html; charset=UTF-8');
    if (!encoding) return c.body(page.html);
    const bytes = (page[encoding] ??=
      encoding === 'br' ? brotliCompressSync(page.html) : gzipSync(page.html));
    c.header('Content-Encoding', encoding);
    return c.body(new Uint8Array(bytes));
  };

  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  app.use('*', serveStatic({ root, precompressed: true }));
  // Client-side routes: any other GET that is not the API gets the SPA.
  app.get('*', (c, next) =>
    apiPrefixes.some((p) => c.req.path.startsWith(p)) ? next() : sendIndex(c),
  );
}
