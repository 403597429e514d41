// The end-to-end suite: build the SPA, then Playwright in the system Chromium against the
// real reference server. Never downloads a browser.
import { buildIfNeeded } from './build-if-needed.mjs';
import { findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium.mjs';
import { run } from './run.mjs';

const chromium = findChromium();
if (!chromium) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}
console.log(`Using Chromium at ${chromium}`);
const built = await buildIfNeeded();
if (built !== 0) process.exit(built);
process.exit(await run('npx', ['playwright', 'test', ...process.argv.slice(2)]));
