// Sizes are stable, so a budget can fail the build (timings may not: see bench/).
import { buildIfNeeded } from './build-if-needed.mjs';
import { readdirSync } from 'node:fs';
import { filesContain, firstScreenBytes } from './bundle-size.mjs';

const BUDGET_BYTES = 140 * 1024;
if ((await buildIfNeeded()) !== 0) process.exit(1);
const { bytes, files } = firstScreenBytes('src/features/campaigns/campaigns-page.tsx');
const kb = (bytes / 1024).toFixed(1);
console.log(
  `First screen of /campaigns: ${kb} KB gzipped JavaScript in ${files.length} files (budget 140 KB)`,
);
// Code markers, not file names: a library's code lands in whichever chunk imports it first.
const MARKERS = {
  'Charts (recharts)': 'recharts-wrapper',
  'The CSV parser (papaparse)': '__parsed_extra',
};
const built = readdirSync('dist/assets')
  .filter((f) => f.endsWith('.js'))
  .map((f) => `assets/${f}`);
for (const [what, marker] of Object.entries(MARKERS)) {
  if (!filesContain(built, marker)) {
    console.error(`${what}: marker "${marker}" is not in the build any more; update this check.`);
    process.exit(1);
  }
  if (filesContain(files, marker)) {
    console.error(`${what} is in the first screen of /campaigns; load it on demand.`);
    process.exit(1);
  }
}
if (bytes > BUDGET_BYTES) {
  console.error(`Over budget by ${((bytes - BUDGET_BYTES) / 1024).toFixed(1)} KB.`);
  process.exit(1);
}
