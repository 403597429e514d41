import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4319);
/** A second reference server with EXTENSIONS=off: the contract-only path a real API may give. */
const CONTRACT_ONLY_PORT = E2E_PORT + 1;
/** Specs that move the server's clock (/testing/clock). */
const CLOCK_MOVERS = /contact-zones\.spec\.ts/;

function referenceServer(port: number, env: Record<string, string> = {}) {
  return {
    // npm start semantics: build the SPA if needed, then one process serving it and the API.
    command: 'node scripts/start.mjs',
    url: `http://127.0.0.1:${port}/config.json`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: ':memory:',
      DEMO_DATA: 'on',
      DIALER: 'on',
      DIALER_SEED: '7',
      DIALER_SPEED: '60',
      ...env,
    },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

// Real Chromium against the real reference server serving the built SPA: nothing mocked.
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    launchOptions: { executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    viewport: { width: 1366, height: 900 },
  },
  projects: [
    {
      name: 'extensions',
      testIgnore: [/contract-only\.spec\.ts/, CLOCK_MOVERS],
      use: { baseURL: `http://127.0.0.1:${E2E_PORT}` },
    },
    {
      name: 'contract-only',
      testMatch: /contract-only\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${CONTRACT_ONLY_PORT}` },
    },
    {
      // They move the shared server's clock: calls started in the moved hour would hold lines
      // and retries for the rest of the run, so they run after everything else.
      name: 'moves-the-clock',
      testMatch: CLOCK_MOVERS,
      dependencies: ['extensions', 'contract-only'],
      use: { baseURL: `http://127.0.0.1:${E2E_PORT}` },
    },
  ],
  webServer: [
    // Alerts' e2e posts to a receiver on loopback; the clock can be moved (/testing/clock) for
    // e2e/contact-zones.spec.ts.
    referenceServer(E2E_PORT, { WEBHOOK_ALLOW_PRIVATE: 'on', TEST_CLOCK: 'on' }),
    referenceServer(CONTRACT_ONLY_PORT, { EXTENSIONS: 'off' }),
  ],
});
