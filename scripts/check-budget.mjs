// Sizes are stable, so a budget can fail the build (timings may not: see bench/).
import { buildIfNeeded } from './build-if-needed.mjs';
import { firstScreenBytes } from './bundle-size.mjs';

const BUDGET_BYTES = 140 * 1024;
if ((await buildIfNeeded()) !== 0) process.exit(1);
const { bytes, files } = firstScreenBytes('src/features/campaigns/campaigns-page.tsx');
const kb = (bytes / 1024).toFixed(1);
console.log(`First screen of /campaigns: ${kb} KB gzipped JavaScript in ${files.length} files (budget 140 KB)`);
if (files.some((f) => /recharts|papaparse/i.test(f))) {
  console.error('Charts or the CSV parser are in the first screen of /campaigns; load them on demand.');
  process.exit(1);
}
if (bytes > BUDGET_BYTES) {
  console.error(`Over budget by ${((bytes - BUDGET_BYTES) / 1024).toFixed(1)} KB.`);
  process.exit(1);
}
