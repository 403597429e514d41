import {
  suppressionAddSchema,
  suppressionQuerySchema,
  suppressionRemoveSchema,
} from '../../../contract/extensions.ts';
import { listSuppressions } from '../../db/suppressions.ts';
import { HttpError } from '../../domain/errors.ts';
import { addToSuppressionList, removeFromSuppressionList } from '../../domain/suppressions.ts';
import type { Handlers } from '../operations.ts';
import { body, query } from '../validate.ts';

const encodeCursor = (phone: string) => Buffer.from(`sup:${phone}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const match = /^sup:(\+\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw new HttpError(422, [
      { loc: ['query', 'cursor'], msg: 'Invalid cursor', type: 'cursor_invalid' },
    ]);
  return match[1]!;
}

/** (ext) suppression: the org's do-not-call list. */
export const suppressionHandlers = {
  listSuppressions: (c) => {
    const q = query(c, suppressionQuerySchema);
    const page = listSuppressions(c.var.db, c.var.auth.orgId, {
      search: q.search,
      limit: q.limit,
      cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
    });
    return c.json({
      ...page,
      next_cursor: page.next_cursor === null ? null : encodeCursor(page.next_cursor),
    });
  },
  addSuppressions: async (c) => {
    const input = await body(c, suppressionAddSchema);
    return c.json(addToSuppressionList(c.var.db, c.var.auth, c.var.now, input));
  },
  removeSuppression: async (c) => {
    const { reason } = await body(c, suppressionRemoveSchema);
    removeFromSuppressionList(c.var.db, c.var.auth, c.var.now, c.req.param('phoneNumber'), reason);
    return c.body(null, 204);
  },
} satisfies Partial<Handlers>;
