import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './query-client';
import { createRoutes } from './routes';
import { AppRoutes } from '../lib/first-paint';
import { initConnection } from '../api/connection';
import { RuntimeConfigContext, type RuntimeConfig } from '../api/runtime-config';
import { Toaster } from '../components/toaster';

/** The connection, the query cache and the route table, made before the first render. */
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

export type StartedApp = ReturnType<typeof startApp>;

/** `startPageRequests` has sent the first page's requests already. */
export function App({ config, queryClient, routes }: StartedApp) {
  return (
    <RuntimeConfigContext value={config}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes routes={routes} firstStarted />
        </BrowserRouter>
        <Toaster />
      </QueryClientProvider>
    </RuntimeConfigContext>
  );
}
