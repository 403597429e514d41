// Gzipped JavaScript each first screen downloads, from the production build's manifest.
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { firstScreenBytes } from '../scripts/bundle-size.mjs';

if ((await buildIfNeeded()) !== 0) process.exit(1);
const routes = {
  '/campaigns': 'src/features/campaigns/campaigns-page.tsx',
  '/campaigns/:id (Overview)': [
    'src/features/campaign-shell/campaign-page.tsx',
    'src/features/overview/overview-tab.tsx',
  ],
  '/configurations': 'src/features/configurations/configurations-page.tsx',
  '/settings': 'src/features/settings/settings-page.tsx',
};
for (const [route, module] of Object.entries(routes)) {
  const { bytes, files } = firstScreenBytes(module);
  console.log(
    `${route.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(7)} KB gzipped in ${files.length} files`,
  );
}
