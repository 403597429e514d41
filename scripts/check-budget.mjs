// Sizes are stable, so a budget can fail the build (timings may not: see bench/).
import { readdirSync } from 'node:fs';
import { buildIfNeeded } from './build-if-needed.mjs';
import { filesContain, firstScreenBytes } from './bundle-size.mjs';
import { FIRST_SCREENS } from '../src/app/pages.mjs';

// 140 KB per first screen (issue: Lighthouse on a phone); bench/RESULTS.md has each route's
// weight. The entry's imports share its chunk and small shared modules one chunk (vite.config.ts).
const BUDGET_BYTES = 140 * 1024;
if ((await buildIfNeeded()) !== 0) process.exit(1);

// Code markers, not file names: a library's code lands in whichever chunk imports it first.
const ON_DEMAND = {
  'Charts (recharts)': 'recharts-wrapper',
  'The CSV parser (papaparse)': '__parsed_extra',
  'Dialogs (Radix)': 'DialogContent',
};
const built = readdirSync('dist/assets')
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
let failed = false;
for (const [what, marker] of Object.entries(ON_DEMAND)) {
  if (!filesContain(built, marker)) {
    console.error(`${what}: marker "${marker}" is not in the build any more; update this check.`);
    failed = true;
  }
}
// A warning only React Router's development build has (vite.config.ts aliases the production one).
if (filesContain(built, 'No routes matched location')) {
  console.error("React Router's development build is in the bundle: see vite.config.ts.");
  failed = true;
}
for (const { path, modules } of FIRST_SCREENS) {
  const { bytes, files } = firstScreenBytes(modules);
  // The view loads by a dynamic import: weighed only because firstScreenFiles counts it.
  if (!filesContain(files, 'react-dom')) {
    console.error(`  React DOM is not weighed in the first screen of ${path}.`);
    failed = true;
  }
  const over = bytes > BUDGET_BYTES;
  console.log(
    `${over ? '✘' : '✔'} ${path.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(6)} KB gzipped JavaScript in ${files.length} files (budget ${BUDGET_BYTES / 1024} KB)`,
  );
  if (over) failed = true;
  for (const [what, marker] of Object.entries(ON_DEMAND)) {
    if (filesContain(files, marker)) {
      console.error(`  ${what} is in the first screen of ${path}; load it on demand.`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
