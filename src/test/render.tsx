import { render } from '@testing-library/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createRoutes } from '../app/routes';
import { createQueryClient } from '../app/query-client';
import {
  DEFAULT_RUNTIME_CONFIG,
  RuntimeConfigContext,
  type RuntimeConfig,
} from '../api/runtime-config';
import { Toaster } from '../components/toaster';

/** A fresh QueryClient without retries, so a failing response shows at once. */
export function createTestQueryClient(): QueryClient {
  const client = createQueryClient();
  client.setDefaultOptions({
    ...client.getDefaultOptions(),
    queries: { ...client.getDefaultOptions().queries, retry: false },
  });
  return client;
}

/** Renders the real route table at `path`, as a user would land on it. */
export function renderRoute(
  path: string,
  {
    config = DEFAULT_RUNTIME_CONFIG,
    queryClient = createTestQueryClient(),
  }: { config?: RuntimeConfig; queryClient?: QueryClient } = {},
) {
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] });
  const utils = render(
    <RuntimeConfigContext value={config}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <Toaster />
      </QueryClientProvider>
    </RuntimeConfigContext>,
  );
  return { ...utils, router, queryClient };
}
