import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { server } from './server';
import { initConnection } from '../api/connection';
import { setRequestGate } from '../api/client';
import { TEST_CONNECTION } from './fixtures';
import { loadDialogs } from '../components/dialog';

// Unhandled requests fail the test: every call a component makes must be expected.
const unhandled: string[] = [];
// Dialogs load on demand in the app (components/dialog.tsx tests that); here they are ready.
beforeAll(() => loadDialogs());
beforeAll(() =>
  server.listen({
    onUnhandledRequest: (request) => {
      unhandled.push(`${request.method} ${request.url}`);
    },
  }),
);
beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  initConnection(TEST_CONNECTION);
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  // A test's `server.events.on(...)` listeners end with it, even when it fails half-way.
  server.events.removeAllListeners();
  // Each test's query client sets its own; one test's session must not gate the next's requests.
  setRequestGate(null);
  const missed = unhandled.splice(0);
  if (missed.length > 0) throw new Error(`Unhandled requests: ${[...new Set(missed)].join(', ')}`);
});
afterAll(() => server.close());
