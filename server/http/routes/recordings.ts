import { recordingQuerySchema } from '../../../contract/extensions.ts';
import { getConversation } from '../../db/conversations.ts';
import { recordingSecret, recordingSource } from '../../db/recordings.ts';
import { HttpError, notFound } from '../../domain/errors.ts';
import {
  checkRecordingLink,
  durationSeconds,
  signRecordingLink,
  synthesiseRecording,
} from '../../domain/recordings.ts';
import type { Handlers } from '../operations.ts';

/** One byte range of `size` from a Range header: null for the whole file, 'unsatisfiable' past its end. */
function byteRange(header: string | undefined, size: number) {
  const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // No Range, several ranges or a unit other than bytes: the whole file, as HTTP allows.
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [start, end] =
    match[1] === ''
      ? [Math.max(0, size - Number(match[2])), size - 1]
      : [Number(match[1]), match[2] === '' ? size - 1 : Math.min(size - 1, Number(match[2]))];
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

const refused = (why: 'altered' | 'expired') =>
  new HttpError(
    403,
    why === 'expired'
      ? 'This recording link has expired: ask for a new one'
      : 'This recording link is not valid',
  );

export const recordingHandlers = {
  /** (ext) recordings: a short-lived signed link to a conversation's recording. */
  createRecordingLink: (c) => {
    const { db, auth } = c.var;
    const conversation = getConversation(db, auth.orgId, c.req.param('conversationId'));
    if (!conversation || !durationSeconds(conversation)) throw notFound('Recording');
    const link = signRecordingLink(recordingSecret(db), conversation.id, c.var.now());
    c.header('Cache-Control', 'no-store');
    return c.json({ url: new URL(link.path, c.req.url).href, expires_at: link.expiresAt });
  },
  /**
   * The audio behind a signed link: no credential (a media element sends no header), the
   * link's signature is the permission. Streamed, and any byte range on its own.
   */
  getRecording: (c) => {
    const { db } = c.var;
    const id = c.req.param('conversationId');
    const link = recordingQuerySchema.safeParse(c.req.query());
    if (!link.success) throw refused('altered');
    const why = checkRecordingLink(recordingSecret(db), id, link.data, c.var.now());
    if (why) throw refused(why);
    const source = recordingSource(db, id);
    if (!source || !durationSeconds(source)) throw notFound('Recording');

    const audio = synthesiseRecording(source);
    const seconds = Number(link.data.expires) - Math.floor(c.var.now().getTime() / 1000);
    const headers: Record<string, string> = {
      'Content-Type': 'audio/wav',
      'Accept-Ranges': 'bytes',
      'Content-Disposition': `inline; filename="conversation-${id.replace(/[^\w-]/g, '')}.wav"`,
      // The same link always gives the same bytes, until it expires.
      'Cache-Control': `private, no-transform, max-age=${Math.max(0, seconds)}`,
    };
    const range = byteRange(c.req.header('Range'), audio.size);
    if (range === 'unsatisfiable') {
      return c.body(null, 416, { ...headers, 'Content-Range': `bytes */${audio.size}` });
    }
    const { start, end } = range ?? { start: 0, end: audio.size - 1 };
    return c.body(audio.stream(start, end + 1), range ? 206 : 200, {
      ...headers,
      'Content-Length': String(end + 1 - start),
      ...(range ? { 'Content-Range': `bytes ${start}-${end}/${audio.size}` } : {}),
    });
  },
} satisfies Partial<Handlers>;
