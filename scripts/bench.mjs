// `npm run bench`: every benchmark under bench/ (files named *.bench.ts or *.bench.mjs),
// one after another so they do not compete for the two cores. Pass names to run a subset.
import { readdirSync } from 'node:fs';
import { run } from './run.mjs';

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((f) => /\.bench\.(ts|mjs)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n▶ bench/${file}`);
  const code = await run('node', ['--import', 'tsx', `bench/${file}`]);
  if (code !== 0) failed++;
}
console.log(`\nbenchmarks: ${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
