import { readFileSync } from 'node:fs';
import { afterEach, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AppShell } from './app-shell';
import { withPendingHeading } from '../../server/http/spa';
import { withNav } from '../../scripts/vite-plugins.mjs';
import { FIRST_SCREENS } from './pages.mjs';
import { initConnection } from '../api/connection';
import { createTestQueryClient } from '../test/render';

const markup = (html: string) => html.replace(/>\s+</g, '><').trim();
/** index.html as the build makes it (vite.config.ts), before its scripts and styles. */
const builtShell = () => withNav(readFileSync('index.html', 'utf8'));

afterEach(() => vi.restoreAllMocks());

/** A page whose code never arrives. */
function Unloaded(): never {
  throw new Promise(() => {});
}

/** The app's pending shell at `path`, connected, nothing answered yet. */
function renderPending(path: string) {
  vi.spyOn(globalThis, 'fetch').mockReturnValue(new Promise(() => {}));
  initConnection({ baseUrl: '', token: 'ak_test', orgId: null, remember: false });
  return render(
    <QueryClientProvider client={createTestQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<AppShell />}>
            <Route path="*" element={<Unloaded />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  ).container;
}

it("index.html's static shell is what the app renders first, so nothing moves when it takes over", () => {
  const container = renderPending('/elsewhere');
  const page = new DOMParser().parseFromString(builtShell(), 'text/html');
  expect(markup(page.getElementById('root')!.innerHTML)).toBe(markup(container.innerHTML));
  // The main navigation, which the build writes into the shell from the list of pages.
  expect([...page.querySelectorAll('nav[aria-label="Main"] a')].map((a) => a.textContent)).toEqual([
    'Campaigns',
    'Configurations',
    'Settings',
  ]);
});

const PENDING_HEADINGS = FIRST_SCREENS.flatMap(({ path, heading }) =>
  heading ? [[path, heading] as const] : [],
);

it('knows the heading of the pages that need no answer to show it', () => {
  expect(PENDING_HEADINGS).toEqual([
    ['/', 'Campaigns'],
    ['/campaigns', 'Campaigns'],
    ['/configurations', 'Configurations'],
    ['/plan', 'Plan'],
    ['/alerts', 'Alerts'],
    ['/suppression', 'Suppression list'],
  ]);
});

it.each(PENDING_HEADINGS)(
  'the page the server sends for %s carries the heading where the app first renders it',
  (path, heading) => {
    const main = renderPending(path).querySelector('main')!;
    expect(main).toHaveTextContent(heading);
    const served = withPendingHeading(builtShell(), heading);
    const page = new DOMParser().parseFromString(served, 'text/html');
    expect(page.querySelector('h1')?.textContent).toBe(heading);
    expect(markup(page.querySelector('main')!.outerHTML)).toBe(markup(main.outerHTML));
  },
);
