import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startApp } from './app/app';
import { loadRuntimeConfig } from './api/runtime-config';
import './index.css';

const root = createRoot(document.getElementById('root')!);
loadRuntimeConfig().then((config) => {
  const app = startApp(config);
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
