import { callsQuerySchema } from '../../../contract/extensions.ts';
import { listCalls, type CallCursor } from '../../db/calls.ts';
import { isoSeconds } from '../../db/time.ts';
import { mustFindCampaign } from '../../domain/campaigns.ts';
import { HttpError } from '../../domain/errors.ts';
import type { Handlers } from '../operations.ts';
import { query } from '../validate.ts';

const invalidQuery = (field: string, msg: string, type: string) =>
  new HttpError(422, [{ loc: ['query', field], msg, type }]);

// The call log's cursor: the last attempt's started_at and seq.
const encodeCursor = (at: CallCursor) =>
  Buffer.from(`att:${at.startedAt}|${at.seq}`).toString('base64url');
function decodeCursor(cursor: string): CallCursor {
  const match = /^att:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)\|(\d{1,15})$/.exec(
    Buffer.from(cursor, 'base64url').toString(),
  );
  if (!match) throw invalidQuery('cursor', 'Invalid cursor', 'cursor_invalid');
  return { startedAt: match[1]!, seq: Number(match[2]) };
}

const SECOND = 1000;
/** The first whole second at or after an instant, as attempts store started_at. */
const secondAtOrAfter = (iso: string) =>
  isoSeconds(new Date(Math.ceil(Date.parse(iso) / SECOND) * SECOND));

export const callHandlers = {
  /** (ext) calls: the campaign's attempts, newest started first, by status and time. */
  listCampaignAttempts: (c) => {
    const { db, auth } = c.var;
    const q = query(c, callsQuerySchema, ['status']);
    if (q.from && q.to && Date.parse(q.from) >= Date.parse(q.to)) {
      throw invalidQuery('from', 'from must be before to', 'range_invalid');
    }
    const campaign = mustFindCampaign(db, auth.orgId, c.req.param('id'));
    const page = listCalls(db, campaign.id, {
      statuses: q.status,
      from: q.from ? secondAtOrAfter(q.from) : '',
      // `to` is exclusive: the last second before it.
      through: q.to
        ? isoSeconds(new Date(Date.parse(secondAtOrAfter(q.to)) - SECOND))
        : '9999-12-31T23:59:59Z',
      after: q.cursor ? decodeCursor(q.cursor) : null,
      limit: q.limit,
    });
    return c.json({
      attempts: page.calls,
      next_cursor: page.more && page.last ? encodeCursor(page.last) : null,
    });
  },
} satisfies Partial<Handlers>;
