import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { VIEW_MODULE } from '../src/app/pages.mjs';

export function readManifest(distDir = 'dist') {
  return JSON.parse(readFileSync(`${distDir}/.vite/manifest.json`, 'utf8'));
}

/**
 * The JavaScript a first visit to a route downloads before it can render: the entry chunk,
 * the view it loads at once (VIEW_MODULE), the route's lazy modules (a page and its default
 * tab load together), and everything they import statically.
 */
export function firstScreenFiles(manifest, routeModules) {
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const seen = new Set();
  const files = [];
  const visit = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    if (manifest[key].file.endsWith('.js')) files.push(manifest[key].file);
    (manifest[key].imports ?? []).forEach(visit);
  };
  visit(entry);
  visit(VIEW_MODULE);
  [routeModules].flat().forEach(visit);
  return files;
}

/** Gzipped bytes of a route's first screen (see firstScreenFiles). */
export function firstScreenBytes(routeModules, distDir = 'dist') {
  const files = firstScreenFiles(readManifest(distDir), routeModules);
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(`${distDir}/${f}`)).length, 0);
  return { bytes, files };
}

/** Whether a chunk containing `marker` source (e.g. recharts) is among the files. */
export function filesContain(files, marker, distDir = 'dist') {
  return files.some((f) => readFileSync(`${distDir}/${f}`, 'utf8').includes(marker));
}
