import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import {
  compileHints,
  precompress,
  routePreloads,
  staticShell,
  viewPreload,
} from './scripts/vite-plugins.mjs';

// React Router's exports name only its development build, whose dev warnings and checks
// then ship and run in production (remix-run/react-router#12532, #14102).
const reactRouterProduction = join(
  dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
  'dist/production/index.mjs',
);

const apiTarget = `http://127.0.0.1:${process.env.API_PORT ?? 8787}`;

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    tailwindcss(),
    staticShell(),
    viewPreload(),
    compileHints(),
    precompress(),
    routePreloads(),
  ],
  resolve: {
    // Tests and the dev server keep the warnings.
    alias:
      command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  server: {
    proxy: {
      '/campaign': apiTarget,
      '/conversations': apiTarget,
      '/config.json': apiTarget,
    },
  },
  // The manifest feeds the bundle budget and the route preloads; the server never serves it
  // (nor any source map).
  build: {
    target: 'es2022',
    sourcemap: false,
    // One stylesheet, which the server puts into the page: no chunk asks for it again.
    cssCodeSplit: false,
    manifest: true,
    rolldownOptions: {
      // Building a zod schema has no side effect: those the SPA never uses (the server's
      // request schemas) stay out of the bundle.
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'] },
            // Not what only the Overview and the board need (dialing reasons): Contacts is at the limit.
            {
              name: 'shared',
              minShareCount: 2,
              test: (id) =>
                (/[\\/]src[\\/](components|entities|lib)[\\/]/.test(id) &&
                  !/charts|radix-dialog|csv-download|dialing-reason|timezone-picker/.test(id)) ||
                /[\\/]@tanstack[\\/]react-query[\\/]/.test(id),
            },
          ],
        },
      },
    },
  },
}));
