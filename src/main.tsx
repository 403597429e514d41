import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startApp } from './app/app';
import { loadRuntimeConfig } from './api/runtime-config';
import { yieldToMain } from './lib/yield-to-main';
import './index.css';

const root = createRoot(document.getElementById('root')!);
loadRuntimeConfig().then(async (config) => {
  // Evaluating the modules, starting the router (whose loaders send the page's requests) and
  // rendering are three tasks, not one long one that would block a slow phone for all three.
  await yieldToMain();
  const app = startApp(config);
  await yieldToMain();
  // A transition renders in slices that leave the main thread free between them, where a
  // plain first render would block it for the whole tree (a slow phone's long task).
  startTransition(() => {
    root.render(
      <StrictMode>
        <App {...app} />
      </StrictMode>,
    );
  });
});
