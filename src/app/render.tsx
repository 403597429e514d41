import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import type { RuntimeConfig } from '../api/runtime-config';
import type { QueryClient } from '@tanstack/react-query';
import type { RouteObject } from 'react-router';

/**
 * The first render. React DOM, most of the first screen's script, is in this module's chunk:
 * main.tsx sends the page's requests while it downloads (index.html preloads it).
 */
export function renderApp(
  container: HTMLElement,
  app: { config: RuntimeConfig; queryClient: QueryClient; routes: RouteObject[] },
) {
  const root = createRoot(container);
  // A transition renders in slices that leave the main thread free between them, where a
  // plain first render would block it for the whole tree (a slow phone's long task).
  startTransition(() => {
    root.render(
      <StrictMode>
        <App config={app.config} queryClient={app.queryClient} routes={app.routes} />
      </StrictMode>,
    );
  });
}
