import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App, type StartedApp } from './app';

/**
 * The first render. React DOM, most of the first screen's script, is in this module's chunk:
 * main.tsx sends the page's requests while it downloads (index.html preloads it).
 */
export function renderApp(container: HTMLElement, app: StartedApp) {
  const root = createRoot(container);
  // A transition renders in slices that leave the main thread free between them, where a
  // plain first render would block it for the whole tree (a slow phone's long task).
  startTransition(() => {
    root.render(
      <StrictMode>
        <App {...app} />
      </StrictMode>,
    );
  });
}
