import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from './app.ts';
import { insertConversation } from '../db/dialer.ts';
import { manualClock } from '../testing/dialer-test-support.ts';
import { setup, TOKENS } from '../testing/test-support.ts';

const TRANSCRIPT = [
  {
    role: 'agent',
    text: 'Hi Ada, this is Riley calling from Northwind.',
    at: '2026-11-22T09:00:10Z',
  },
  { role: 'contact', text: 'Oh hi, what is this about?', at: '2026-11-22T09:00:20Z' },
  { role: 'agent', text: 'Thanks for your time, goodbye!', at: '2026-11-22T09:00:50Z' },
];
const RATE = 8000;
const HEADER = 44;

/** Org A with one ended 60-second conversation and one in progress, on a clock tests move. */
function withConversations() {
  const clock = manualClock('2026-11-22T09:30:00Z');
  const s = setup(clock.now);
  insertConversation(s.db, {
    id: 'conv-1',
    orgId: 'org_a',
    startedAt: '2026-11-22T09:00:00Z',
    endedAt: '2026-11-22T09:01:00Z',
    transcript: TRANSCRIPT,
  });
  s.db
    .prepare(
      "INSERT INTO conversations (id, org_id, started_at, ended_at, transcript) VALUES ('conv-live', 'org_a', '2026-11-22T09:29:00Z', NULL, '[]')",
    )
    .run();
  const link = async (id = 'conv-1', token: string = TOKENS.read) =>
    s.call<{ url: string; expires_at: string }>(
      'POST',
      `/campaign/conversations/${id}/recording-link`,
      { token },
    );
  const fetchAudio = (url: string, headers: Record<string, string> = {}) => {
    const { pathname, search } = new URL(url);
    return s.app.request(pathname + search, { headers });
  };
  return { ...s, clock, link, fetchAudio };
}

/** The mean loudness of one channel over [from, to) seconds of a whole WAV file. */
function loudness(wav: Buffer, channel: number, from: number, to: number) {
  let sum = 0;
  let n = 0;
  for (let f = Math.floor(from * RATE); f < Math.floor(to * RATE); f++) {
    sum += Math.abs(wav[HEADER + f * 2 + channel]! - 128);
    n++;
  }
  return sum / n;
}

afterEach(() => vi.restoreAllMocks());

describe('recordings (ext)', () => {
  it('gives the conversation its recording and each turn its place in it', async () => {
    const { call } = withConversations();
    const { body } = await call('GET', '/conversations/conv-1', { token: TOKENS.read });
    expect(body.recording).toEqual({ duration_seconds: 60, channels: 2 });
    expect(body.transcript.map((t: any) => [t.start_seconds, t.end_seconds])).toEqual([
      [10, 13.21],
      [20, 21.86],
      [50, 52.14],
    ]);
    expect(
      (await call('GET', '/conversations/conv-live', { token: TOKENS.read })).body.recording,
    ).toBeNull();
  });

  it('spreads turns stamped in the same second over the time until the next one', async () => {
    const { call, db } = withConversations();
    insertConversation(db, {
      id: 'conv-short',
      orgId: 'org_a',
      startedAt: '2026-11-22T09:00:00Z',
      endedAt: '2026-11-22T09:00:04Z',
      transcript: ['Hi', 'Hello', 'Bye', 'Bye now'].map((text, i) => ({
        role: i % 2 ? 'contact' : 'agent',
        text,
        at: i < 3 ? '2026-11-22T09:00:01Z' : '2026-11-22T09:00:03Z',
      })),
    });
    const { body } = await call('GET', '/conversations/conv-short', { token: TOKENS.read });
    expect(body.transcript.map((t: any) => t.start_seconds)).toEqual([1, 1.67, 2.33, 3]);
  });

  it('signs a 10-minute link without the credential that plays a two-channel WAV of the call, turn by turn', async () => {
    const { link, fetchAudio } = withConversations();
    const logs: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, method).mockImplementation((...args) => void logs.push(args.join(' ')));
    }
    const { status, body } = await link();
    expect(status).toBe(200);
    expect(body.expires_at).toBe('2026-11-22T09:40:00Z');
    for (const token of Object.values(TOKENS)) expect(body.url).not.toContain(token);
    expect(body.url).toMatch(
      /^http:\/\/localhost\/campaign\/recordings\/conv-1\?expires=\d+&signature=[0-9a-f]{64}$/,
    );

    // No header at all: the link is the permission.
    const res = await fetchAudio(body.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('audio/wav');
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
    const wav = Buffer.from(await res.arrayBuffer());
    expect(wav.length).toBe(HEADER + 60 * RATE * 2);
    expect(Number(res.headers.get('Content-Length'))).toBe(wav.length);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt16LE(22)).toBe(2); // channels
    expect(wav.readUInt32LE(24)).toBe(RATE);
    // The agent speaks on the left from 10 s and 50 s, the contact on the right from 20 s.
    expect(loudness(wav, 0, 10.2, 13)).toBeGreaterThan(10);
    expect(loudness(wav, 1, 10.2, 13)).toBe(0);
    expect(loudness(wav, 1, 20.2, 21.6)).toBeGreaterThan(10);
    expect(loudness(wav, 0, 20.2, 21.6)).toBe(0);
    expect(loudness(wav, 0, 50.2, 52)).toBeGreaterThan(10);
    expect(loudness(wav, 0, 30, 49.9) + loudness(wav, 1, 30, 49.9)).toBe(0);
    // Deterministic: the same bytes again.
    expect(Buffer.from(await (await fetchAudio(body.url)).arrayBuffer()).equals(wav)).toBe(true);
    expect(logs.join('\n')).not.toMatch(/ak_|pat_/);
  });

  it('answers Range requests with 206 and exactly those bytes, and 416 past the end', async () => {
    const { link, fetchAudio } = withConversations();
    const { url } = (await link()).body;
    const whole = Buffer.from(await (await fetchAudio(url)).arrayBuffer());
    const size = whole.length;
    for (const [range, start, end] of [
      ['bytes=0-99', 0, 99],
      ['bytes=160044-200000', 160044, 200000],
      [`bytes=${size - 10}-`, size - 10, size - 1],
      ['bytes=-500', size - 500, size - 1],
      [`bytes=900-${size + 5000}`, 900, size - 1],
    ] as const) {
      const res = await fetchAudio(url, { Range: range });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('Content-Range')).toBe(`bytes ${start}-${end}/${size}`);
      expect(Number(res.headers.get('Content-Length'))).toBe(end - start + 1);
      expect(Buffer.from(await res.arrayBuffer()).equals(whole.subarray(start, end + 1))).toBe(
        true,
      );
    }
    const past = await fetchAudio(url, { Range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('Content-Range')).toBe(`bytes */${size}`);
  });

  it('refuses an expired or altered link with 403, another org or a call in progress with 404', async () => {
    const { link, fetchAudio, clock, call } = withConversations();
    const { url } = (await link()).body;
    const u = new URL(url);
    const altered = [
      url.replace('conv-1', 'conv-2'),
      url.replace(/signature=(.)/, (_m, c) => `signature=${c === 'a' ? 'b' : 'a'}`),
      url.replace(/expires=(\d+)/, (_m, e) => `expires=${Number(e) + 600}`),
      `${u.origin}${u.pathname}`,
      url.replace(/signature=[0-9a-f]+/, 'signature=zz'),
    ];
    for (const bad of altered) {
      const res = await fetchAudio(bad);
      expect(res.status, bad).toBe(403);
      expect((await res.json()).detail).toBe('This recording link is not valid');
    }
    clock.advance(599_000);
    expect((await fetchAudio(url, { Range: 'bytes=0-1' })).status).toBe(206);
    clock.advance(1000);
    const expired = await fetchAudio(url);
    expect(expired.status).toBe(403);
    expect((await expired.json()).detail).toMatch(/expired/);
    // A fresh link works again.
    expect((await fetchAudio((await link()).body.url, { Range: 'bytes=0-1' })).status).toBe(206);

    expect((await link('conv-1', TOKENS.other)).status).toBe(404);
    expect((await link('conv-live')).status).toBe(404);
    expect((await link('nope')).status).toBe(404);
    expect(
      (await call('POST', '/campaign/conversations/conv-1/recording-link', { token: null })).status,
    ).toBe(401);
  });

  it('keeps one secret per database, across restarts; absent with EXTENSIONS=off', async () => {
    const { link, db, call } = withConversations();
    const { url } = (await link()).body;
    const restarted = createApp({ db, now: () => new Date('2026-11-22T09:31:00Z') });
    const { pathname, search } = new URL(url);
    expect(
      (await restarted.request(pathname + search, { headers: { Range: 'bytes=0-3' } })).status,
    ).toBe(206);
    // Another database signs differently.
    const other = withConversations();
    expect((await other.fetchAudio(url)).status).toBe(403);

    const off = createApp({ db, extensions: false });
    expect((await off.request(pathname + search)).status).toBe(404);
    const post = await off.request('/campaign/conversations/conv-1/recording-link', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKENS.read}` },
    });
    expect(post.status).toBe(404);
    const conversation = await off.request('/conversations/conv-1', {
      headers: { Authorization: `Bearer ${TOKENS.read}` },
    });
    expect(conversation.status).toBe(404);
    expect(
      (await call('GET', '/conversations/conv-1', { token: TOKENS.read })).body.recording,
    ).toBeTruthy();
  });
});
