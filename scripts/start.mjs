// `npm start`: build the SPA if needed, then one process serving it and the reference API
// with the demo data and the dialer.
import { spawn } from 'node:child_process';
import { buildIfNeeded } from './build-if-needed.mjs';
import { supervise } from './run.mjs';

const code = await buildIfNeeded();
if (code !== 0) process.exit(code);
supervise([spawn('node', ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' })]);
