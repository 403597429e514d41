import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './run.mjs';

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the SPA when dist/ is missing or older than its sources. */
export async function buildIfNeeded() {
  const built = 'dist/index.html';
  const sources = [
    'src',
    'public',
    'index.html',
    'vite.config.ts',
    'scripts/vite-plugins.mjs',
    'package-lock.json',
  ].filter(existsSync);
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime)))
    return 0;
  console.log('Building the dashboard…');
  return run('npx', ['vite', 'build', '--logLevel', 'warn']);
}
