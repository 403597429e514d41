// `npm run dev`: the reference server plus Vite with HMR, proxying the API to the server.
import { spawn } from 'node:child_process';
import { supervise } from './run.mjs';

const apiPort = process.env.API_PORT ?? '8787';
supervise([
  spawn('node', ['--import', 'tsx', '--watch', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort },
  }),
  spawn('npx', ['vite'], { stdio: 'inherit', env: { ...process.env, API_PORT: apiPort } }),
]);
