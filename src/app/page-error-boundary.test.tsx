import { expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { MemoryRouter, Route, Routes } from 'react-router';
import { AppShell } from './app-shell';
import { API } from '../test/fixtures';
import { createTestQueryClient } from '../test/render';
import { server } from '../test/server';
import { expectNoAxeViolations } from '../test/axe';

function Broken(): never {
  throw new Error('Failed to fetch dynamically imported module');
}

it('shows why a page failed under a header that still works, and the next page starts afresh', async () => {
  // React reports the caught error on the console; the page is what this test reads.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  server.use(
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 0 }),
    ),
  );
  const { container } = render(
    <QueryClientProvider client={createTestQueryClient()}>
      <MemoryRouter initialEntries={['/configurations']}>
        <Routes>
          <Route element={<AppShell />}>
            <Route path="campaigns" element={<h1>Campaigns</h1>} />
            <Route path="*" element={<Broken />} />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('This page could not be shown');
  expect(alert).toHaveTextContent('Failed to fetch dynamically imported module');
  expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  await expectNoAxeViolations(container);

  await userEvent.click(screen.getByRole('link', { name: 'Campaigns' }));
  expect(await screen.findByRole('heading', { name: 'Campaigns' })).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  vi.restoreAllMocks();
});
