import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { openDatabase } from '../db/schema.ts';
import { preferredEncoding } from './spa.ts';

const SCRIPT = 'export const answer = 42;\n'.repeat(100);
const STYLE = 'body{color:#0f172a}.shell{min-height:100vh}\n';
const INDEX =
  '<!doctype html><html><head><title>Headroom</title>\n' +
  '<link rel="stylesheet" crossorigin href="/assets/style-abc.css">\n  </head><body><div id="root">' +
  '<main class="mx-auto max-w-7xl px-4 py-6"><p class="text-slate-500">Loading…</p></main></div></body></html>';

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A built SPA as `vite build` leaves it: assets with their .br and .gz, the route preloads. */
function builtSpa(style = STYLE, inlineScript?: string) {
  dir = mkdtempSync(join(tmpdir(), 'headroom-spa-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  const index = inlineScript
    ? INDEX.replace('</title>', `</title><script>${inlineScript}</script>`)
    : INDEX;
  writeFileSync(join(dir, 'index.html'), index);
  writeFileSync(join(dir, 'assets', 'style-abc.css'), style);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'assets', 'index-abc.js'), SCRIPT);
  writeFileSync(join(dir, 'assets', 'index-abc.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(join(dir, 'assets', 'index-abc.js.gz'), gzipSync(SCRIPT));
  writeFileSync(
    join(dir, '.vite', 'route-preloads.json'),
    JSON.stringify([
      { path: '/campaigns', files: ['assets/campaigns-page-1.js'], heading: 'Campaigns' },
      { path: '/odd', files: [], heading: '<Odd> & "quoted"' },
      {
        path: '/campaigns/:id/contacts',
        files: ['assets/campaign-page-2.js', 'assets/contacts-tab-3.js'],
      },
    ]),
  );
  return dir;
}

function spaApp(
  options: {
    address?: string;
    demo?: boolean;
    apiBaseUrl?: string;
    style?: string;
    inlineScript?: string;
  } = {},
) {
  return createApp({
    db: openDatabase(':memory:'),
    staticDir: builtSpa(options.style, options.inlineScript),
    publicConfig: { apiBaseUrl: options.apiBaseUrl ?? '', conversationUrlTemplate: null },
    demoCredentials: options.demo === false ? null : { token: 'ak_demo_manage' },
    clientAddress: () => options.address ?? '127.0.0.1',
  });
}

/** The runtime config a page carries, read as main.tsx reads it. */
function embeddedConfig(html: string) {
  const block = /<script type="application\/json" id="runtime-config">(.*?)<\/script>/s.exec(html);
  return block ? JSON.parse(block[1]!) : null;
}

describe('the built SPA', () => {
  it('serves hashed assets brotli- or gzip-compressed as the client accepts, cached for good', async () => {
    const app = spaApp();
    const get = (encoding?: string) =>
      app.request('/assets/index-abc.js', {
        headers: encoding === undefined ? {} : { 'Accept-Encoding': encoding },
      });

    const br = await get('gzip, deflate, br, zstd');
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(SCRIPT);

    const gz = await get('gzip, deflate');
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await get();
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);

    for (const res of [br, gz, plain]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toMatch(/javascript/);
      expect(res.headers.get('Vary')).toBe('Accept-Encoding');
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    }
  });

  it('sends index.html for every client route, compressed, revalidated on each visit', async () => {
    const app = spaApp({ demo: false });
    for (const path of [
      '/',
      '/index.html',
      '/campaigns',
      '/campaigns/spring/contacts',
      '/no/such/page',
    ]) {
      const res = await app.request(path, { headers: { 'Accept-Encoding': 'gzip;q=1, br;q=0.5' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/);
      expect(res.headers.get('Content-Encoding')).toBe('gzip');
      expect(res.headers.get('Vary')).toBe('Accept-Encoding');
      expect(res.headers.get('Cache-Control')).toBe('no-cache');
      expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toContain(
        '<div id="root">',
      );
    }
    const plain = await app.request('/campaigns');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toContain('<title>Headroom</title>');
    // The API never falls back to the page.
    expect((await app.request('/campaign/nothing-here')).headers.get('Content-Type')).toMatch(
      /json/,
    );
  });

  it('puts the runtime config into the page as a data block the CSP allows, as /config.json answers it', async () => {
    const app = spaApp({ demo: false, apiBaseUrl: 'https://api.example.com' });
    const res = await app.request('/campaigns');
    const html = await res.text();
    expect(embeddedConfig(html)).toEqual(await (await app.request('/config.json')).json());
    expect(embeddedConfig(html)).toEqual({
      apiBaseUrl: 'https://api.example.com',
      conversationUrlTemplate: null,
    });
    // No inline script runs: the CSP still allows only this origin's script files.
    expect(html).not.toMatch(/<script(?![^>]*type="application\/json")(?![^>]*src=)[^>]*>/);
    expect(res.headers.get('Content-Security-Policy')).toContain("script-src 'self';");
  });

  it('puts the stylesheet into the page, allowed by its hash alone, so the shell paints with the HTML', async () => {
    const res = await spaApp({ demo: false }).request('/campaigns');
    const html = await res.text();
    expect(html).toContain(`<style>${STYLE}</style>`);
    expect(html).not.toContain('rel="stylesheet"');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    const hash = createHash('sha256').update(STYLE).digest('base64');
    expect(csp).toContain(`style-src 'self' 'sha256-${hash}';`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it("allows index.html's inline script (the theme before the first paint) by its hash alone", async () => {
    const theme = "document.documentElement.dataset.theme='dark';";
    const res = await spaApp({ demo: false, inlineScript: theme }).request('/campaigns');
    expect(await res.text()).toContain(`<script>${theme}</script>`);
    const hash = createHash('sha256').update(theme).digest('base64');
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('leaves a stylesheet that could close its style element as a link', async () => {
    const style = '.a::after{content:"</style><script>alert(1)</script>"}';
    const res = await spaApp({ demo: false, style }).request('/campaigns');
    const html = await res.text();
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/style-abc.css">');
    expect(html).not.toContain('<style>');
    expect(res.headers.get('Content-Security-Policy')).toContain("style-src 'self';");
  });

  it('offers the demo credential in the page to this machine only, and then never lets it be cached', async () => {
    const local = await spaApp({ address: '127.0.0.1' }).request('/campaigns');
    expect(embeddedConfig(await local.text())).toMatchObject({
      demoCredentials: { token: 'ak_demo_manage' },
    });
    expect(local.headers.get('Cache-Control')).toBe('no-store');

    const remote = await spaApp({ address: '192.168.1.20' }).request('/campaigns');
    const html = await remote.text();
    expect(embeddedConfig(html)).toEqual({ apiBaseUrl: '', conversationUrlTemplate: null });
    expect(html).not.toContain('ak_demo');
    expect(remote.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('keeps configured text from closing the data block', async () => {
    const app = spaApp({ demo: false, apiBaseUrl: '</script><script>alert(1)</script>' });
    const html = await (await app.request('/campaigns')).text();
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(embeddedConfig(html).apiBaseUrl).toBe('</script><script>alert(1)</script>');
  });

  it("preloads the current route's chunks with the page, behind the entry", async () => {
    const app = spaApp({ demo: false });
    const links = async (path: string) =>
      [
        ...(await (await app.request(path)).text()).matchAll(
          /<link rel="modulepreload" crossorigin href="([^"]+)" fetchpriority="low">/g,
        ),
      ].map((m) => m[1]);
    expect(await links('/campaigns')).toEqual(['/assets/campaigns-page-1.js']);
    expect(await links('/campaigns/3f1c/contacts')).toEqual([
      '/assets/campaign-page-2.js',
      '/assets/contacts-tab-3.js',
    ]);
    expect(await links('/campaigns/3f1c/contacts/')).toEqual([
      '/assets/campaign-page-2.js',
      '/assets/contacts-tab-3.js',
    ]);
    expect(await links('/elsewhere')).toEqual([]);
  });

  it("sends a page's heading with it when the heading needs no answer from the API", async () => {
    const app = spaApp({ demo: false });
    const main = async (path: string) =>
      /<main[^>]*>(.*)<\/main>/.exec(await (await app.request(path)).text())?.[1];
    expect(await main('/campaigns')).toBe(
      '<section class="space-y-5"><div class="flex items-center justify-between gap-4"><h1 class="text-2xl font-semibold">Campaigns</h1></div><p class="text-slate-500">Loading…</p></section>',
    );
    expect(await main('/campaigns/3f1c/contacts')).toBe('<p class="text-slate-500">Loading…</p>');
    expect(await main('/odd')).toContain(
      '<h1 class="text-2xl font-semibold">&lt;Odd&gt; &amp; &quot;quoted&quot;</h1>',
    );
  });

  it('chooses an encoding by the q-values of Accept-Encoding', () => {
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredEncoding('gzip, br;q=0')).toBe('gzip');
    expect(preferredEncoding('br;q=0.2, gzip;q=0.9')).toBe('gzip');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
  });
});
