import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

// Order from the foundation issue: CHROMIUM_PATH, the system package, Playwright's own
// browser if one is installed. Nothing here ever downloads a browser.
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // playwright-core missing or no browser registered: fall through to the message.
  }
  return null;
}

export const NO_CHROMIUM_MESSAGE = `No Chromium found for the end-to-end tests.
Set CHROMIUM_PATH to a Chromium or Chrome binary, or install Debian's package:
  sudo apt-get update && sudo apt-get install -y chromium`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = findChromium();
  if (!path) {
    console.error(NO_CHROMIUM_MESSAGE);
    process.exit(1);
  }
  console.log(path);
}
