import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startApp } from './app/app';
import { startPageRequests } from './app/routes';
import { loadRuntimeConfig } from './api/runtime-config';
import { warmIntlOffMainThread } from './lib/warm-intl';
import { yieldToMain } from './lib/yield-to-main';
import './index.css';

warmIntlOffMainThread();
const root = createRoot(document.getElementById('root')!);
loadRuntimeConfig().then(async (config) => {
  // Evaluating the modules, sending the page's requests and rendering are separate tasks,
  // not one long one that would block a slow phone for all of them.
  await yieldToMain();
  const { queryClient, routes } = startApp(config);
  // The page's requests leave first, and travel during the first render.
  await startPageRequests(routes, new URL(window.location.href));
  await yieldToMain();
  // A transition renders in slices that leave the main thread free between them, where a
  // plain first render would block it for the whole tree (a slow phone's long task).
  startTransition(() => {
    root.render(
      <StrictMode>
        <App config={config} queryClient={queryClient} routes={routes} />
      </StrictMode>,
    );
  });
});
