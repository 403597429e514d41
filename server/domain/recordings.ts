// (ext) recordings. The reference server has no real audio: it synthesises each call's
// recording from its transcript, deterministically, so the same link always plays the same
// bytes and any byte range can be computed without the rest (Range, seeking, streaming).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { RECORDING_LINK_SECONDS } from '../../contract/extensions.ts';
import type { Conversation } from '../../contract/schemas.ts';
import type { RecordingSource } from '../db/recordings.ts';
import { isoSeconds } from '../db/time.ts';

type Turn = Conversation['transcript'][number];

// People say about 14 characters a second; a turn lasts at least a second and stops before
// the next one starts.
const CHARS_PER_SECOND = 14;
const GAP_SECONDS = 0.4;
const round2 = (n: number) => Math.round(n * 100) / 100;

export const durationSeconds = (c: RecordingSource) =>
  c.ended_at === null
    ? null
    : Math.max(0, Math.round((Date.parse(c.ended_at) - Date.parse(c.started_at)) / 1000));

/**
 * Each turn with where it sits in the recording (seconds from its start). Turns are stamped to
 * the second, so a short call has several in one second: those share the time up to the next
 * turn's, in their order.
 */
export function timedTurns(c: RecordingSource): Turn[] {
  const duration = durationSeconds(c) ?? 0;
  const stamped = c.transcript.map((t) =>
    Math.min(duration, Math.max(0, (Date.parse(t.at) - Date.parse(c.started_at)) / 1000)),
  );
  const starts = stamped.map((start, i) => {
    let first = i;
    while (first > 0 && stamped[first - 1] === start) first--;
    let next = i;
    while (next < stamped.length && stamped[next] === start) next++;
    const until = stamped[next] ?? Math.max(start, duration);
    return start + ((until - start) * (i - first)) / (next - first);
  });
  return c.transcript.map((turn, i) => {
    const start = starts[i]!;
    const next = starts[i + 1] ?? duration + GAP_SECONDS;
    const spoken = Math.max(1, turn.text.length / CHARS_PER_SECOND);
    // Stops before the next turn (or its own end, when the next is under GAP_SECONDS away).
    const end = Math.max(start, Math.min(start + spoken, next - GAP_SECONDS, duration));
    return { ...turn, start_seconds: round2(start), end_seconds: round2(end) };
  });
}

/** The conversation as the recordings extension shows it: its recording and turn times. */
export function withRecording(c: Conversation): Conversation {
  const duration = durationSeconds(c);
  return {
    ...c,
    transcript: timedTurns(c),
    // A call that ended within its first second left nothing to hear.
    recording: duration ? { duration_seconds: duration, channels: 2 } : null,
  };
}

// ---------- Signed links ----------
const signature = (secret: Buffer, conversationId: string, expires: number) =>
  createHmac('sha256', secret).update(`${conversationId}\n${expires}`).digest('hex');

/** The path and query of a link to the recording, good for RECORDING_LINK_SECONDS from now. */
export function signRecordingLink(secret: Buffer, conversationId: string, now: Date) {
  const expires = Math.floor(now.getTime() / 1000) + RECORDING_LINK_SECONDS;
  const query = new URLSearchParams({
    expires: String(expires),
    signature: signature(secret, conversationId, expires),
  });
  return {
    path: `/campaign/recordings/${encodeURIComponent(conversationId)}?${query}`,
    expiresAt: isoSeconds(new Date(expires * 1000)),
  };
}

/** Why a link is refused, or null when it is this recording's and still good. */
export function checkRecordingLink(
  secret: Buffer,
  conversationId: string,
  link: { expires: string; signature: string },
  now: Date,
): 'altered' | 'expired' | null {
  const expires = Number(link.expires);
  const expected = Buffer.from(signature(secret, conversationId, expires), 'hex');
  const given = Buffer.from(link.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'altered';
  return now.getTime() >= expires * 1000 ? 'expired' : null;
}

// ---------- The audio ----------
// 8 kHz, 8-bit unsigned PCM, agent on the left channel and contact on the right: a phone
// call's quality, 16 KB a second.
const RATE = 8000;
const CHANNELS = 2;
const HEADER_BYTES = 44;

type Voice = { start: number; end: number; pitch: number; seed: number };

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/** A voice-like sample at `t` seconds: a few harmonics on a wavering pitch, in syllables. */
function voiceSample(v: Voice, t: number): number {
  const local = t - v.start;
  const fade = Math.min(1, local / 0.03, (v.end - t) / 0.03);
  const syllables = Math.max(0, Math.sin(Math.PI * (local * 4.2 + v.seed))) ** 0.6;
  // The pitch wavers ±8% at 0.7 Hz; the phase is its closed-form integral, so any sample
  // stands alone.
  const phase =
    2 * Math.PI * v.pitch * t -
    ((v.pitch * 0.08) / 0.7) * Math.cos(2 * Math.PI * 0.7 * t + v.seed * 6.28);
  let wave = 0;
  for (let k = 1; k <= 4; k++) wave += Math.sin(k * phase) / k;
  return 0.45 * fade * syllables * wave;
}

/** The recording of a conversation as a WAV file: its size and any byte range of it. */
export function synthesiseRecording(c: RecordingSource) {
  const duration = durationSeconds(c) ?? 0;
  const frames = Math.round(duration * RATE);
  const dataBytes = frames * CHANNELS;
  const size = HEADER_BYTES + dataBytes;
  const voices: Voice[][] = [[], []];
  for (const turn of timedTurns(c)) {
    const channel = turn.role === 'agent' ? 0 : 1;
    const seed = hash(turn.text);
    voices[channel]!.push({
      start: turn.start_seconds!,
      end: turn.end_seconds!,
      pitch: (channel === 0 ? 125 : 195) * (0.9 + 0.2 * seed),
      seed,
    });
  }

  const header = Buffer.alloc(HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(size - 8, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(CHANNELS, 22);
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * CHANNELS, 28);
  header.writeUInt16LE(CHANNELS, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);

  const sampleAt = (byte: number) => {
    const channel = byte % CHANNELS;
    const t = Math.floor(byte / CHANNELS) / RATE;
    const voice = voices[channel]!.find((v) => t >= v.start && t < v.end);
    const x = voice ? voiceSample(voice, t) : 0;
    return 128 + Math.round(127 * Math.max(-1, Math.min(1, x)));
  };

  /** Bytes [start, end) of the file. */
  const bytes = (start: number, end: number): Buffer => {
    const out = Buffer.alloc(Math.max(0, end - start));
    for (let i = start; i < end; i++) {
      out[i - start] = i < HEADER_BYTES ? header[i]! : sampleAt(i - HEADER_BYTES);
    }
    return out;
  };

  /** Bytes [start, end) as a stream of chunks, each made only when the reader asks for it. */
  const stream = (start: number, end: number, chunk = 32 * 1024) => {
    let at = start;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= end) return controller.close();
        const next = Math.min(end, at + chunk);
        controller.enqueue(new Uint8Array(bytes(at, next)));
        at = next;
      },
    });
  };

  return { size, bytes, stream };
}
