// Gzipped JavaScript each route's first screen downloads, from the production build's
// manifest (scripts/check-budget.mjs fails above 140 KB for any of them).
import { buildIfNeeded } from '../scripts/build-if-needed.mjs';
import { firstScreenBytes } from '../scripts/bundle-size.mjs';
import { FIRST_SCREENS } from '../src/app/pages.mjs';

if ((await buildIfNeeded()) !== 0) process.exit(1);
for (const { path, modules } of FIRST_SCREENS) {
  const { bytes, files } = firstScreenBytes(modules);
  console.log(
    `${path.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(7)} KB gzipped in ${files.length} files`,
  );
}
