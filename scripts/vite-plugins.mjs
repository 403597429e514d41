import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { firstScreenFiles, readManifest } from './bundle-size.mjs';
import { FIRST_SCREENS, NAV, VIEW_MODULE } from '../src/app/pages.mjs';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes a .br and a .gz beside every text file of the build, compressed once at the
 * highest levels, for any static server to pick by Accept-Encoding. Not config.json: an
 * operator edits it in place, and a stale compressed copy would win over the edit.
 */
export function precompress() {
  return {
    name: 'headroom:precompress',
    apply: 'build',
    writeBundle({ dir }) {
      const walk = (folder) =>
        readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory()
            ? e.name.startsWith('.')
              ? []
              : walk(join(folder, e.name))
            : [join(folder, e.name)],
        );
      for (const file of walk(dir)) {
        if (!COMPRESSIBLE.test(file) || file === join(dir, 'config.json')) continue;
        const source = readFileSync(file);
        const variants = {
          br: brotliCompressSync(source, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
            },
          }),
          gz: gzipSync(source, { level: 9 }),
        };
        for (const [ext, bytes] of Object.entries(variants)) {
          if (bytes.length < source.length) writeFileSync(`${file}.${ext}`, bytes);
        }
      }
    },
  };
}

const NAV_PLACEHOLDER = '<!-- headroom:nav -->';
const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * index.html with the main navigation's links (NAV in src/app/pages.mjs) where it has the
 * placeholder, marked up as the app shell renders them with none active.
 */
export function withNav(html) {
  if (!html.includes(NAV_PLACEHOLDER)) throw new Error(`index.html lacks ${NAV_PLACEHOLDER}`);
  // Links an (ext) feature gates wait for the session, which the static shell cannot know.
  const links = NAV.filter((item) => !item.extension).map(
    ({ to, label }) =>
      `<a class="rounded-md px-3 py-1.5 text-sm font-medium max-lg:flex max-lg:min-h-11 max-lg:items-center text-slate-700 hover:bg-slate-100" href="${escapeHtml(to)}" data-discover="true">${escapeHtml(label)}</a>`,
  );
  return html.replace(NAV_PLACEHOLDER, links.join(''));
}

/** The static shell's navigation, built and served from the one list of pages (withNav). */
export function staticShell() {
  return {
    name: 'headroom:static-shell',
    transformIndexHtml: { order: 'pre', handler: withNav },
  };
}

/**
 * dist/.vite/route-preloads.json: for each route pattern, the chunks its first screen needs
 * beyond the entry's, which the server links as modulepreload in the page it sends, and the
 * page's heading when it is known before any answer.
 */
export function routePreloads() {
  return {
    name: 'headroom:route-preloads',
    apply: 'build',
    writeBundle({ dir }) {
      const manifest = readManifest(dir);
      const entryFiles = new Set(firstScreenFiles(manifest, []));
      const routes = FIRST_SCREENS.map(({ path, modules, heading }) => {
        const missing = modules.filter((m) => !manifest[m]);
        if (missing.length)
          throw new Error(`src/app/pages.mjs names modules the build lacks: ${missing.join(', ')}`);
        return {
          path,
          files: firstScreenFiles(manifest, modules).filter((f) => !entryFiles.has(f)),
          heading,
        };
      });
      writeFileSync(join(dir, '.vite', 'route-preloads.json'), JSON.stringify(routes, null, 2));
    },
  };
}

/**
 * Preloads the view (VIEW_MODULE: the first render and React DOM) from index.html, beside the
 * entry that imports it: any host serves it, and it downloads while the entry runs.
 */
export function viewPreload() {
  return {
    name: 'headroom:view-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = new Map(
          Object.values(bundle)
            .filter((c) => c.type === 'chunk')
            .map((c) => [c.fileName, c]),
        );
        const view = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(VIEW_MODULE));
        if (!view) throw new Error(`The build has no chunk for ${VIEW_MODULE}`);
        const files = new Set();
        const visit = (chunk) => {
          if (!chunk || chunk.isEntry || files.has(chunk.fileName)) return;
          files.add(chunk.fileName);
          chunk.imports.forEach((file) => visit(chunks.get(file)));
        };
        visit(view);
        const linked = [...html.matchAll(/href="\/([^"]+\.js)"/g)].map((m) => m[1]);
        return [...files]
          .filter((file) => !linked.includes(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head',
          }));
      },
    },
  };
}

/**
 * Marks the entry and the view (React DOM) for V8's explicit compile hints: every function in
 * them runs on load (React DOM's module body is one large function), so Chromium compiles them
 * on a background thread while the files stream in, instead of lazily on the main thread as
 * each is first called. Browsers without the hint read a comment.
 */
export function compileHints() {
  return {
    name: 'headroom:compile-hints',
    apply: 'build',
    // On the written file: minification and Vite's own prelude come after every chunk hook.
    // Before the other plugins' writeBundle, so the compressed copies carry it too.
    writeBundle: {
      order: 'pre',
      sequential: true,
      handler({ dir }, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          if (!chunk.isEntry && !chunk.facadeModuleId?.endsWith(VIEW_MODULE)) continue;
          const file = join(dir, chunk.fileName);
          writeFileSync(file, `//# allFunctionsCalledOnLoad\n${readFileSync(file, 'utf8')}`);
        }
      },
    },
  };
}
