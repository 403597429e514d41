import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { findChromium } from '../scripts/find-chromium.mjs';

/**
 * What a browser bench needs: the system Chromium, a fresh build, and the reference server
 * serving it on a random port of [portBase, portBase + 400), with the demo in memory. `dir`:
 * another checkout, built already, whose own server serves its own build.
 */
export async function startBrowserBench(portBase: number, dir?: string) {
  const chromePath = findChromium();
  if (!chromePath) throw new Error('No Chromium found (see README).');
  if (dir === undefined && (await buildIfNeeded()) !== 0) process.exit(1);
  if (dir !== undefined && !existsSync(join(dir, 'dist/index.html')))
    throw new Error(`${dir} has no build: run npx vite build there first.`);
  const port = portBase + Math.floor(Math.random() * 400);
  const server = spawn('node', ['--import', 'tsx', 'server/main.ts'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: ':memory:' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  server.stdout!.on('data', (d: Buffer) => (out += d));
  while (!out.includes('is running at')) await once(server.stdout!, 'data');
  return { chromePath, base: `http://127.0.0.1:${port}`, server };
}
