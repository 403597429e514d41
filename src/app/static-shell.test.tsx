import { readFileSync } from 'node:fs';
import { afterEach, expect, it, vi } from 'vitest';
import { render } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { AppShell } from './app-shell';
import { initConnection } from '../api/connection';
import { createTestQueryClient } from '../test/render';

const markup = (html: string) => html.replace(/>\s+</g, '><').trim();

afterEach(() => vi.restoreAllMocks());

it("index.html's static shell is what the app renders first, so nothing moves when it takes over", () => {
  // The shell's moment: connected, nothing answered yet.
  vi.spyOn(globalThis, 'fetch').mockReturnValue(new Promise(() => {}));
  initConnection({ baseUrl: '', token: 'ak_test', orgId: null, remember: false });
  const { container } = render(
    <QueryClientProvider client={createTestQueryClient()}>
      <MemoryRouter initialEntries={['/']}>
        <AppShell pending />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const page = new DOMParser().parseFromString(readFileSync('index.html', 'utf8'), 'text/html');
  expect(markup(page.getElementById('root')!.innerHTML)).toBe(markup(container.innerHTML));
});
