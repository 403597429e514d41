import type { QueryClient } from '@tanstack/react-query';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { createRoutes } from './routes';
import { initConnection } from '../api/connection';
import { RuntimeConfigContext, type RuntimeConfig } from '../api/runtime-config';
import { Toaster } from '../components/toaster';

/** The connection, the query cache and the route table, made before the router and the first render. */
export function startApp(config: RuntimeConfig) {
  const demo = config.demoCredentials;
  initConnection(
    demo
      ? {
          baseUrl: config.apiBaseUrl,
          token: demo.token,
          orgId: demo.orgId ?? null,
          remember: false,
        }
      : null,
  );
  const queryClient = createQueryClient();
  const routes = createRoutes(queryClient);
  return { config, queryClient, routes };
}

export function App({
  config,
  queryClient,
  router,
}: {
  config: RuntimeConfig;
  queryClient: QueryClient;
  router: ReturnType<typeof createAppRouter>;
}) {
  return (
    <RuntimeConfigContext value={config}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <Toaster />
      </QueryClientProvider>
    </RuntimeConfigContext>
  );
}
