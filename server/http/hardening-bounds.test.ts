// Issue 28, "No request can hold the server": the bounds on every query, and the inputs that
// used to answer 500, freeze the server, spoof the activity log or break a connection.
import { spawn } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/schema.ts';
import { setup, TOKENS } from '../testing/test-support.ts';

let dir = '';
afterEach(() => {
  if (!dir) return;
  chmodSync(dir, 0o755);
  for (const sub of readdirSync(dir)) chmodSync(join(dir, sub), 0o755);
  rmSync(dir, { recursive: true, force: true });
  dir = '';
});

const repeat = (key: string, values: readonly unknown[]) =>
  values.map((v) => `${key}=${encodeURIComponent(String(v))}`).join('&');
const results = (n: number) => Array.from({ length: n }, (_, i) => `q.k${i}:v${i}`);

async function campaign() {
  const ctx = setup();
  await ctx.call('POST', '/campaign/campaigns', {
    body: {
      name: 'Spring',
      external_id: 'spring',
      contacts: [{ external_id: 'ada', phone_numbers: ['+14155550100'] }],
    },
  });
  return ctx;
}

/** How long `fn` takes, in ms: the best of `runs`, so one slow turn of a busy machine does not count. */
async function bestOf(runs: number, fn: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('bounds on every query', () => {
  it('refuses more than 20 values of a repeatable parameter with 422 and a detail, before looking anything up', async () => {
    const { call } = await campaign();
    const over = {
      status: ['pending', 'completed', 'exhausted', 'in_progress'].flatMap((s) => Array(6).fill(s)),
      last_status: Array(21).fill('busy'),
      first_status: Array(21).fill('none'),
      attempts: Array.from({ length: 21 }, (_, i) => i),
      result: results(167),
    };
    for (const [key, values] of Object.entries(over)) {
      const qs = repeat(key, values);
      for (const path of [
        `/campaign/campaigns/spring/report?${qs}`,
        `/campaign/campaigns/spring/contacts?${qs}`,
      ]) {
        const res = await call('GET', path, { token: TOKENS.read });
        expect(res.status, path).toBe(422);
        expect(res.body.detail[0]).toMatchObject({
          loc: ['query', key],
          msg: `At most 20 ${key} values`,
        });
      }
      // Checked before the campaign is looked up: an unknown one is still a 422, not a 404.
      expect((await call('GET', `/campaign/campaigns/nowhere/report?${qs}`)).status).toBe(422);
      if (key === 'status') continue; // requeue's own status: below
      const res = await call('POST', '/campaign/campaigns/nowhere/contacts/requeue', {
        body: { status: ['exhausted'], [key]: values },
      });
      expect(res.status, `requeue ${key}`).toBe(422);
      expect(res.body.detail[0]).toMatchObject({
        loc: ['body', key],
        msg: `At most 20 ${key} values`,
      });
    }
    const requeueStatuses = await call('POST', '/campaign/campaigns/spring/contacts/requeue', {
      body: { status: Array(21).fill('exhausted') },
    });
    expect(requeueStatuses.status).toBe(422);
    expect(requeueStatuses.body.detail[0]).toMatchObject({
      loc: ['body', 'status'],
      msg: 'At most 20 status values',
    });
    expect(
      (await call('GET', `/campaign/campaigns?${repeat('status', Array(21).fill('active'))}`))
        .status,
    ).toBe(422);
    expect(
      (
        await call(
          'GET',
          `/campaign/activity?${repeat('action', Array(21).fill('campaign.created'))}`,
        )
      ).status,
    ).toBe(422);
    // stats-batch keeps its 200.
    const ids = Array.from(
      { length: 200 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    expect((await call('GET', `/campaign/stats?${repeat('campaign_id', ids)}`)).status).toBe(200);
    expect(
      (await call('GET', `/campaign/stats?${repeat('campaign_id', [...ids, 'x'])}`)).status,
    ).toBe(422);
  });

  it('answers exactly 20 values of every filter at once, on the report, the list and requeue', async () => {
    const { call } = await campaign();
    const twenty = [
      repeat('status', ['pending', 'in_progress', 'completed', 'exhausted']),
      repeat('last_status', Array(20).fill('none')),
      repeat('first_status', Array(20).fill('none')),
      repeat(
        'attempts',
        Array.from({ length: 20 }, () => 0),
      ),
      repeat('result', results(20)),
    ].join('&');
    const report = await call('GET', `/campaign/campaigns/spring/report?${twenty}`, {
      token: TOKENS.read,
    });
    expect(report.status).toBe(200);
    expect(report.body.contacts.total).toBe(0); // nobody has those results
    const list = await call('GET', `/campaign/campaigns/spring/contacts?${twenty}`);
    expect(list.body.total).toBe(0);
    const requeue = await call('POST', '/campaign/campaigns/spring/contacts/requeue', {
      body: {
        status: ['exhausted', 'completed'],
        last_status: Array(20).fill('none'),
        attempts: Array(20).fill(0),
        result: results(20),
      },
    });
    expect(requeue.body).toEqual({ requeued: 0 });
  });

  it('refuses a search with NUL or another control character, or over 200 characters, on the report, the list and requeue', async () => {
    const { call } = await campaign();
    for (const search of ['ab\u0000c', 'a\u0007', 'x'.repeat(201)]) {
      for (const path of [
        '/campaign/campaigns/spring/report',
        '/campaign/campaigns/spring/contacts',
      ]) {
        const res = await call('GET', `${path}?search=${encodeURIComponent(search)}`);
        expect(res.status, path).toBe(422);
        expect(res.body.detail[0].loc).toEqual(['query', 'search']);
      }
      const res = await call('POST', '/campaign/campaigns/spring/contacts/requeue', {
        body: { status: ['exhausted'], search },
      });
      expect(res.status).toBe(422);
    }
    const ok = await call(
      'GET',
      `/campaign/campaigns/spring/contacts?search=${encodeURIComponent('ada')}`,
    );
    expect(ok.body.total).toBe(1);
  });

  it('refuses a 4.6 MB requeue body of 800,000 values, or 2.4 million attempts, without parsing it, beside a cheap request', async () => {
    const { call } = await campaign();
    const bodies = {
      result: JSON.stringify({ status: ['exhausted'], result: Array(800_000).fill('k:v') }),
      attempts: JSON.stringify({ status: ['exhausted'], attempts: Array(2_400_000).fill(0) }),
    };
    for (const [key, raw] of Object.entries(bodies)) {
      expect(raw.length).toBeGreaterThan(4_500_000);
      const requeue = (headers: Record<string, string> = {}) =>
        call('POST', '/campaign/campaigns/spring/contacts/requeue', { raw, headers });
      // Alongside it, a cheap read is answered too.
      const [refused, cheap] = await Promise.all([
        requeue(),
        call('GET', '/campaign/concurrency-settings', { token: TOKENS.read }),
      ]);
      expect(refused.status, key).toBe(422);
      expect(refused.body.detail[0]).toMatchObject({ loc: ['body'], type: 'too_big' });
      expect(cheap.status).toBe(200);
      // Declared too long: refused unread. Either way, quicker than merely parsing that JSON.
      expect((await requeue({ 'Content-Length': String(raw.length) })).status).toBe(422);
      const parse = await bestOf(3, () => JSON.parse(raw));
      expect(await bestOf(3, () => requeue())).toBeLessThan(parse);
    }
    expect((await call('GET', '/campaign/campaigns/spring/contacts')).body.contacts[0].status).toBe(
      'pending',
    );
  });
});

describe('the bucket status filter', () => {
  it('is AND-combined with the other filters on the list, the report and requeue', async () => {
    const { db, call } = await campaign();
    await call('POST', '/campaign/campaigns/spring/contacts', {
      body: {
        contacts: ['bob', 'cy', 'dee'].map((external_id, i) => ({
          external_id,
          phone_numbers: [`+1415555020${i}`],
        })),
      },
    });
    db.prepare(
      "UPDATE contacts SET status = 'exhausted' WHERE external_id IN ('ada', 'bob')",
    ).run();
    db.prepare("UPDATE contacts SET status = 'locked' WHERE external_id = 'cy'").run();
    const ids = async (qs: string) =>
      (
        (await call('GET', `/campaign/campaigns/spring/contacts?${qs}`)).body.contacts as {
          external_id: string;
        }[]
      ).map((c) => c.external_id);
    const total = async (qs: string) =>
      (await call('GET', `/campaign/campaigns/spring/report?${qs}`)).body.contacts.total;
    expect(await ids('status=exhausted')).toEqual(['ada', 'bob']);
    expect(await ids('status=in_progress&status=pending')).toEqual(['cy', 'dee']);
    expect(await ids('status=exhausted&search=bob')).toEqual(['bob']);
    expect(await total('status=exhausted&search=bob')).toBe(1);
    expect(await total('status=in_progress')).toBe(1); // locked counts as in progress
    expect(await total('status=pending&status=exhausted&search=b')).toBe(1);
    expect(await total('status=pending&search=b')).toBe(0);
    expect((await call('GET', '/campaign/campaigns/spring/report?status=ringing')).status).toBe(
      422,
    );
    // Requeue's status is the same filter, of the finished buckets only.
    const requeued = await call('POST', '/campaign/campaigns/spring/contacts/requeue', {
      body: { status: ['exhausted'], search: 'ada' },
    });
    expect(requeued.body).toEqual({ requeued: 1 });
    expect(await ids('status=exhausted')).toEqual(['bob']);
    expect(
      (
        await call('POST', '/campaign/campaigns/spring/contacts/requeue', {
          body: { status: ['pending'] },
        })
      ).status,
    ).toBe(422);
  });
});

describe('the activity log stores user text as data', () => {
  it('quotes a requeue filter and escapes line breaks and bidirectional overrides, so no summary spans lines or reverses', async () => {
    const { call } = await campaign();
    const spoof = 'x\n\u202eDeleted campaign "Spring"';
    // A search may not hold a line break at all; a result value may, and is escaped.
    expect(
      (
        await call('POST', '/campaign/campaigns/spring/contacts/requeue', {
          body: { status: ['exhausted'], search: spoof },
        })
      ).status,
    ).toBe(422);
    const res = await call('POST', '/campaign/campaigns/spring/contacts/requeue', {
      body: { status: ['exhausted'], search: '\u202eniamod', result: [`q.note:${spoof}`] },
    });
    expect(res.status).toBe(200);
    await call('POST', '/campaign/campaigns', { body: { name: 'Fall \u2067\u202e ylno' } });
    const events = (await call('GET', '/campaign/activity')).body.events as {
      action: string;
      summary: string;
    }[];
    const requeued = events.find((e) => e.action === 'contacts.requeued')!.summary;
    expect(requeued).toBe(
      'Set 0 contacts to be called again (exhausted, search "\\u202Eniamod", result "q.note:x\\u000A\\u202EDeleted campaign \\"Spring\\"")',
    );
    expect(events[0]!.summary).toBe('Created campaign "Fall \\u2067\\u202E ylno"');
    for (const { summary } of events)
      expect(summary).not.toMatch(/[\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f]/);
  });
});

describe('start-up on a bad database file', () => {
  type Exit = { code: number | null; stderr: string };
  /** `tsx server/main.ts` on `path`, as another user when this one (root) may write anything. */
  function start(path: string): Promise<Exit> {
    const asOther = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: { ...process.env, DATABASE_PATH: path, PORT: '0', HOST: '127.0.0.1' },
        ...asOther,
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.on('data', (d: Buffer) => {
        // It started: the test fails on the exit code rather than waiting.
        if (d.toString().includes('Headroom is running')) child.kill();
      });
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }

  function expectOneLine(exit: Exit, path: string, problem: RegExp, remedy: RegExp) {
    expect(exit.code, exit.stderr).toBe(1);
    const lines = exit.stderr.trim().split('\n');
    expect(lines, exit.stderr).toHaveLength(1);
    expect(lines[0]).toContain(path);
    expect(lines[0]).toMatch(problem);
    expect(lines[0]).toMatch(remedy);
    expect(exit.stderr).not.toMatch(/\n\s+at |SqliteError/);
  }

  it('exits 1 with one line naming the file, what is wrong and what to do: random bytes, truncated, read-only file or folder', async () => {
    dir = mkdtempSync(join(tmpdir(), 'headroom-baddb-'));
    chmodSync(dir, 0o755);
    const random = join(dir, 'random.db');
    writeFileSync(random, randomBytes(64 * 1024));
    const truncated = join(dir, 'truncated.db');
    const db = openDatabase(truncated);
    db.exec(`CREATE TABLE filler (x BLOB);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO filler SELECT randomblob(1000) FROM n;`);
    db.close();
    truncateSync(truncated, Math.floor(statSync(truncated).size / 2));
    // A file that cannot be written, in a folder that can; a file that can, in a folder that cannot.
    for (const name of ['ro-file', 'ro-dir']) {
      mkdirSync(join(dir, name));
      openDatabase(join(dir, name, 'h.db')).close();
    }
    chmodSync(join(dir, 'ro-file'), 0o777);
    chmodSync(join(dir, 'ro-file', 'h.db'), 0o444);
    chmodSync(join(dir, 'ro-dir', 'h.db'), 0o666);
    chmodSync(join(dir, 'ro-dir'), 0o555);
    for (const path of [random, truncated]) chmodSync(path, 0o666);
    chmodSync(dir, 0o777);

    const [r, t, rf, rd] = await Promise.all([
      start(random),
      start(truncated),
      start(join(dir, 'ro-file', 'h.db')),
      start(join(dir, 'ro-dir', 'h.db')),
    ]);
    expectOneLine(
      r,
      random,
      /is not a SQLite database/,
      /restore it from a backup, or delete it to start afresh/,
    );
    expectOneLine(
      t,
      truncated,
      /is damaged \(truncated or corrupt\)/,
      /restore it from a backup, or delete it/,
    );
    expectOneLine(rf, join(dir, 'ro-file', 'h.db'), /cannot be written/, /fix the permissions/);
    expectOneLine(rd, join(dir, 'ro-dir', 'h.db'), /cannot be written/, /fix the permissions/);
  }, 60_000);
});

describe('a body refused before it is read', () => {
  it('leaves the keep-alive connection usable for the next request', async () => {
    const { app } = await campaign();
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const send = (
      method: string,
      path: string,
      body?: string,
      headers: Record<string, string> = {},
    ) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, method, path, agent, headers },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode!, reused: req.reusedSocket }));
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    try {
      const big = JSON.stringify({ status: ['exhausted'], search: 'x'.repeat(300 * 1024) });
      const json = { 'Content-Type': 'application/json', 'Content-Length': String(big.length) };
      const auth = { Authorization: `Bearer ${TOKENS.manage}` };
      const refusals: [string, Record<string, string>, number][] = [
        ['/campaign/campaigns', {}, 401], // no credential
        ['/campaign/nowhere', auth, 404], // no route
        ['/campaign/campaigns/nowhere/contacts', auth, 404], // no campaign: the handler never reads it
        ['/campaign/campaigns/spring/start', auth, 400], // nor here
        ['/campaign/campaigns/spring/contacts/requeue', auth, 422], // over the bound of a body of filters
      ];
      expect((await send('GET', '/campaign/timezones')).status).toBe(200);
      for (const [path, headers, status] of refusals) {
        expect((await send('POST', path, big, { ...json, ...headers })).status, path).toBe(status);
        const next = await send('GET', '/campaign/timezones');
        expect(next, `after ${path}`).toEqual({ status: 200, reused: true });
      }
    } finally {
      agent.destroy();
      server.close();
    }
  });
});
