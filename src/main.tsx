import { startApp } from './app/app';
import { loadRuntimeConfig } from './api/runtime-config';
import { startPageRequests, warmIntlOffMainThread, yieldToMain } from './lib/first-paint';
import { followSystemTheme } from './lib/theme';
import './index.css';

warmIntlOffMainThread();
followSystemTheme();
// React DOM downloads beside this chunk (index.html preloads it), so the page's requests
// leave before most of the first screen's script has arrived.
const view = import('./app/render');
loadRuntimeConfig().then(async (config) => {
  // Evaluating the modules, sending the page's requests and rendering are separate tasks,
  // not one long one that would block a slow phone for all of them.
  await yieldToMain();
  const app = startApp(config);
  startPageRequests(app.routes, new URL(window.location.href));
  const { renderApp } = await view;
  await yieldToMain();
  renderApp(document.getElementById('root')!, app);
});
