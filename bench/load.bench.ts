// 200 supervisors keep the Overview open: each polls stats and concurrency settings every
// 5 s, and the campaign board's stats batch for the 50 campaigns it shows, against the
// reference server in its own process with the dialer running at a limit of 200 over a
// 100,000-contact campaign and 49 small ones. Loopback only; BENCH_LOAD_SECONDS bounds it (60).
// BENCH_DIALER_SPEED (default 1, real time as in production; the demo runs at 30) scales how
// many calls start and end per second.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { machineLine, percentile } from './machine.ts';

const SUPERVISORS = 200;
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const speed = process.env.BENCH_DIALER_SPEED ?? '1';
const port = 4400 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;
const headers = { Authorization: 'Bearer ak_demo_manage', 'Content-Type': 'application/json' };

const server = spawn('node', ['--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_PATH: ':memory:',
    DIALER_SPEED: speed,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
server.stdout!.on('data', (d: Buffer) => (out += d));
while (!out.includes('is running at')) await once(server.stdout!, 'data');

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{
    id: string;
    attempts: { total: number };
    campaigns: { id: string }[];
  }>;
}

try {
  await call('PUT', '/campaign/concurrency-settings', { concurrency_limit: 200 });
  const campaign = await call('POST', '/campaign/campaigns', { name: 'Load', external_id: 'load' });
  for (let i = 0; i < 100_000; i += 1000) {
    const contacts = Array.from({ length: 1000 }, (_, j) => ({
      external_id: `load-${i + j}`,
      phone_numbers: [`+1212${String(5550000 + i + j).padStart(7, '0')}`],
    }));
    await call('POST', `/campaign/campaigns/${campaign.id}/contacts`, { contacts });
  }

  for (let c = 0; c < 49; c++) {
    const contacts = Array.from({ length: 100 }, (_, j) => ({
      external_id: `board-${c}-${j}`,
      phone_numbers: [`+1646${String(5550000 + c * 100 + j).padStart(7, '0')}`],
    }));
    await call('POST', '/campaign/campaigns', { name: `Board ${c}`, contacts });
  }
  // What the board shows: the first page of campaigns, newest first.
  const { campaigns: visible } = await call('GET', '/campaign/campaigns?limit=50');
  const board = `/campaign/stats?${visible.map((v) => `campaign_id=${v.id}`).join('&')}`;

  const samples: number[] = [];
  const boardSamples: number[] = [];
  let errors = 0;
  let peakActive = 0;
  const end = Date.now() + seconds * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  async function supervisor() {
    await sleep(Math.random() * 5000);
    while (Date.now() < end) {
      const started = Date.now();
      await Promise.all(
        [`/campaign/campaigns/${campaign.id}/stats`, '/campaign/concurrency-settings', board].map(
          async (path) => {
            const t = performance.now();
            try {
              const res = await fetch(base + path, { headers });
              const body = (await res.json()) as { active_calls?: number };
              if (!res.ok) errors++;
              peakActive = Math.max(peakActive, body.active_calls ?? 0);
            } catch {
              errors++;
            }
            samples.push(performance.now() - t);
            if (path === board) boardSamples.push(performance.now() - t);
          },
        ),
      );
      await sleep(Math.max(0, 5000 - (Date.now() - started)));
    }
  }
  await Promise.all(Array.from({ length: SUPERVISORS }, supervisor));
  samples.sort((a, b) => a - b);
  boardSamples.sort((a, b) => a - b);
  const ms = (p: number, of = samples) => `${percentile(of, p).toFixed(1)} ms`;
  const stats = await call('GET', `/campaign/campaigns/${campaign.id}/stats`);
  console.log(machineLine());
  console.log(
    `${SUPERVISORS} supervisors for ${seconds} s, dialer speed ${speed}: ${samples.length} requests, ${errors} errors; ` +
      `p50 ${ms(50)}, p95 ${ms(95)}, p99 ${ms(99)}, max ${ms(100)}; ` +
      `calls in flight peaked at ${peakActive} of 200; ${stats.attempts.total} attempts made meanwhile; ` +
      `the board's batch of ${visible.length}: ${boardSamples.length} requests, p50 ${ms(50, boardSamples)}, ` +
      `p95 ${ms(95, boardSamples)}, p99 ${ms(99, boardSamples)}, max ${ms(100, boardSamples)}; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
} finally {
  server.kill('SIGTERM');
}
