import { render } from '@testing-library/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import {
  MemoryRouter,
  useLocation,
  useNavigate,
  type Location,
  type NavigateFunction,
} from 'react-router';
import { createRoutes } from '../app/routes';
import { AppRoutes } from '../lib/first-paint';
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

/** Where the test's router is and how to move it, as a user's back and forward buttons would. */
type TestRouter = { state: { location: Location }; navigate: NavigateFunction };

function RouterProbe({ router }: { router: TestRouter }) {
  router.state.location = useLocation();
  router.navigate = useNavigate();
  return null;
}

/** Renders the real route table at `path`, as a user would land on it. */
export function renderRoute(
  path: string,
  {
    config = DEFAULT_RUNTIME_CONFIG,
    appRetries = false,
    queryClient = appRetries ? createQueryClient() : createTestQueryClient(),
  }: {
    config?: RuntimeConfig;
    /** The app's own retry policy, for tests of how often a request is sent. */
    appRetries?: boolean;
    queryClient?: QueryClient;
  } = {},
) {
  const router = { state: {} } as TestRouter;
  const utils = render(
    <RuntimeConfigContext value={config}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes routes={createRoutes(queryClient)} />
          <RouterProbe router={router} />
        </MemoryRouter>
        <Toaster />
      </QueryClientProvider>
    </RuntimeConfigContext>,
  );
  return { ...utils, router, queryClient };
}
