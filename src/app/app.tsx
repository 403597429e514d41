import { useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { initConnection } from '../api/connection';
import { RuntimeConfigContext, type RuntimeConfig } from '../api/runtime-config';
import { Toaster } from '../components/toaster';

export function App({ config }: { config: RuntimeConfig }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => {
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
    return createAppRouter(queryClient);
  });
  return (
    <RuntimeConfigContext value={config}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
        <Toaster />
      </QueryClientProvider>
    </RuntimeConfigContext>
  );
}
