// Issue 28, "no request can hold the server": how long cheap requests (GET stats, GET
// campaign) take while a heavy one runs, against the reference server in its own process on a
// database file. Heavy inputs at BENCH_HEAVY_SIZE contacts (default 100,000): a report with 20
// result filters, a deep filtered and searched page, a create with 5,000 contacts of ten
// numbers, an upsert of 1,000, a requeue of two thirds of the campaign, and the dialer at an org
// limit of 1,000 and speed 3,000; then a filtered report at BENCH_HEAVY_REPORT_SIZE (default
// 1,000,000; 0 to skip). Seeded databases are kept in bench/out/ (the million takes minutes the
// first time). BENCH_SERVER_DIR runs the server (and seeding) of another checkout, for a
// before/after comparison.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { machineLine, percentile } from './machine.ts';

const size = Number(process.env.BENCH_HEAVY_SIZE ?? 100_000);
const bigSize = Number(process.env.BENCH_HEAVY_REPORT_SIZE ?? 1_000_000);
const serverDir = resolve(process.env.BENCH_SERVER_DIR ?? '.');
const out = resolve('bench/out');
const headers = { Authorization: 'Bearer ak_bench', 'Content-Type': 'application/json' };
const PROBERS = 4;

/** A seeded history database file for `n` contacts (built once by the server's own code), copied to work on. */
async function database(n: number): Promise<{ path: string; campaignId: string }> {
  mkdirSync(out, { recursive: true });
  const seed = (await import(
    pathToFileURL(join(serverDir, 'bench/seed-large.ts')).href
  )) as typeof import('./seed-large.ts');
  const probe = seed.seedHistory(1, () => new Date());
  const version = probe.db.pragma('user_version', { simple: true }) as number;
  probe.db.close();
  const cached = join(out, `history-${n}-v${version}.db`);
  if (!existsSync(cached)) {
    const started = performance.now();
    const { db } = seed.seedHistory(n, () => new Date('2026-11-23T15:00:00Z'));
    db.exec(`VACUUM INTO '${cached}'`);
    db.close();
    console.log(
      `seeded ${n.toLocaleString('en')} contacts in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  }
  const path = join(out, `work-${n}.db`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  copyFileSync(cached, path);
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path, { readonly: true });
  const { id } = db.prepare("SELECT id FROM campaigns WHERE external_id = 'history'").get() as {
    id: string;
  };
  db.close();
  return { path, campaignId: id };
}

async function startServer(
  path: string,
  env: Record<string, string>,
): Promise<{ base: string; server: ChildProcess }> {
  const port = 4450 + Math.floor(Math.random() * 40);
  const server = spawn('node', ['--import', 'tsx', 'server/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: path,
      DEMO_DATA: 'off',
      RATE_LIMIT: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  server.stdout!.on('data', (d: Buffer) => (text += d));
  while (!text.includes('is running at')) await once(server.stdout!, 'data');
  return { base: `http://127.0.0.1:${port}`, server };
}

async function stopServer(server: ChildProcess) {
  server.kill('SIGTERM');
  await once(server, 'exit');
}

async function send(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `heavy` `times` times back to back while PROBERS clients each ask for the campaign's
 * stats and the campaign, one request every 10 ms; prints the heavy request's median and the
 * latencies of the cheap requests sent meanwhile (answered during it or after).
 */
async function measure(
  label: string,
  base: string,
  campaignId: string,
  times: number,
  heavy: () => Promise<unknown>,
) {
  const heavyMs: number[] = [];
  const probes: number[] = [];
  let errors = 0;
  let running = true;
  const prober = async (i: number) => {
    await sleep(i * 3);
    while (running) {
      const path =
        probes.length % 2
          ? `/campaign/campaigns/${campaignId}`
          : `/campaign/campaigns/${campaignId}/stats`;
      const t = performance.now();
      // A socket the server closed while it was held is an error here, and counted.
      await send(base, 'GET', path).catch(() => errors++);
      probes.push(performance.now() - t);
      await sleep(10);
    }
  };
  const probers = Array.from({ length: PROBERS }, (_, i) => prober(i));
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await heavy();
    heavyMs.push(performance.now() - t);
  }
  running = false;
  await Promise.all(probers);
  probes.sort((a, b) => a - b);
  heavyMs.sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(v < 100 ? 1 : 0)} ms`;
  console.log(
    `  ${label.padEnd(58)} heavy median ${ms(percentile(heavyMs, 50)).padStart(9)} (×${times}); ` +
      `others: ${String(probes.length).padStart(4)} requests${errors ? ` (${errors} failed)` : ''}, p50 ${ms(percentile(probes, 50))}, p99 ${ms(percentile(probes, 99))}, max ${ms(probes.at(-1) ?? NaN)}`,
  );
}

const tenNumbers = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({
    external_id: `${prefix}-${i}`,
    phone_numbers: Array.from(
      { length: 10 },
      (_, j) => `+1415${String(j).padStart(3, '0')}${String(i).padStart(4, '0')}`,
    ),
    data: { first_name: 'Ada', company: 'Bench Inc' },
  }));

console.log(machineLine());
console.log(`server: ${serverDir}; load average at start ${loadavg()[0]!.toFixed(1)}`);

{
  const { path, campaignId: id } = await database(size);
  console.log(`\n${size.toLocaleString('en')} contacts, dialer off`);
  let { base, server } = await startServer(path, { DIALER: 'off' });
  try {
    // 20 values, the most a repeatable filter takes: 19 that match nothing, one a third.
    const results = [
      ...Array.from({ length: 19 }, (_, i) => `result=k${i}:v${i}`),
      'result=qualification.interested:true',
    ].join('&');
    const statuses = ['completed', 'no_answer', 'busy', 'voicemail', 'failed', 'none']
      .map((s) => `last_status=${s}`)
      .join('&');
    await measure('report, 20 result filters', base, id, 5, () =>
      send(base, 'GET', `/campaign/campaigns/${id}/report?${results}`),
    );
    await measure('page offset 50,000, search "e", 20 result + 6 last_status', base, id, 5, () =>
      send(
        base,
        'GET',
        `/campaign/campaigns/${id}/contacts?limit=50&offset=50000&search=e&${results}&${statuses}`,
      ),
    );
    let n = 0;
    await measure('create with 5,000 contacts × 10 numbers', base, id, 3, () =>
      send(base, 'POST', '/campaign/campaigns', {
        name: `Big ${++n}`,
        contacts: tenNumbers(5000, `big${n}`),
      }),
    );
    await measure('upsert of 1,000 contacts × 10 numbers', base, id, 5, () =>
      send(base, 'POST', `/campaign/campaigns/${id}/contacts`, {
        contacts: tenNumbers(1000, `up${++n}`),
      }),
    );
    let requeued = 0;
    await measure('requeue of the exhausted and completed', base, id, 1, async () => {
      requeued = (
        await send(base, 'POST', `/campaign/campaigns/${id}/contacts/requeue`, {
          status: ['exhausted', 'completed'],
        })
      ).requeued as number;
    });
    console.log(`  (requeued ${requeued.toLocaleString('en')} contacts)`);
    await stopServer(server);

    console.log(
      `\n${size.toLocaleString('en')} contacts (the requeued ones due), dialer on: org limit 1,000, speed 3,000`,
    );
    ({ base, server } = await startServer(path, { DIALER_SPEED: '3000' }));
    await send(base, 'PUT', '/campaign/concurrency-settings', { concurrency_limit: 1000 });
    await measure('dialer ticks for 10 s', base, id, 1, () => sleep(10_000));
    const stats = await send(base, 'GET', `/campaign/campaigns/${id}/stats`);
    console.log(
      `  (${String((stats.attempts as { total: number }).total)} attempts in all, ${String(stats.active_calls)} calls in flight at the end)`,
    );
  } finally {
    if (server.exitCode === null) await stopServer(server);
  }
}

if (bigSize > 0) {
  const { path, campaignId: id } = await database(bigSize);
  console.log(`\n${bigSize.toLocaleString('en')} contacts, dialer off`);
  const { base, server } = await startServer(path, { DIALER: 'off' });
  try {
    await measure('report, first call no answer (every contact)', base, id, 5, () =>
      send(base, 'GET', `/campaign/campaigns/${id}/report?first_status=no_answer`),
    );
    await measure('report, result interested:true (a third)', base, id, 5, () =>
      send(base, 'GET', `/campaign/campaigns/${id}/report?result=qualification.interested:true`),
    );
  } finally {
    await stopServer(server);
  }
}
console.log(`\nload average at the end ${loadavg()[0]!.toFixed(1)}`);
