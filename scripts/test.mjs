// `npm test`: every check, in order, stopping at the first failure.
import { run } from './run.mjs';

const steps = [
  ['lint', ['run', 'lint']],
  ['format (Prettier)', ['run', 'format:check']],
  ['OpenAPI lint (Spectral, Redocly)', ['run', 'lint:openapi']],
  ['typecheck', ['run', 'typecheck']],
  ['unit and component tests', ['run', 'test:unit']],
  ['server tests', ['run', 'test:server']],
  ['bundle budget', ['run', 'test:budget']],
  ['end-to-end tests', ['run', 'test:e2e']],
];

let passed = 0;
for (const [name, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const code = await run('npm', args);
  console.log(
    `${code === 0 ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (code !== 0) {
    console.log(`\nsteps: ${passed} passed, 1 failed`);
    process.exit(code);
  }
  passed++;
}
console.log(`\nsteps: ${passed} passed, 0 failed`);
