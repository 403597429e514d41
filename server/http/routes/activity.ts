import { activityQuerySchema } from '../../../contract/extensions.ts';
import { listActivity } from '../../db/activity.ts';
import { findCampaign } from '../../db/campaigns.ts';
import { HttpError, notFound } from '../../domain/errors.ts';
import type { Handlers } from '../operations.ts';
import { query } from '../validate.ts';

const encodeCursor = (seq: number) => Buffer.from(`act:${seq}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^act:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw new HttpError(422, [
      { loc: ['query', 'cursor'], msg: 'Invalid cursor', type: 'cursor_invalid' },
    ]);
  return Number(match[1]);
}

export const activityHandlers = {
  /** (ext) Who changed what in the org, newest first. */
  listActivity: (c) => {
    const { db, auth } = c.var;
    const q = query(c, activityQuerySchema, ['action']);
    // campaign_id takes the UUID or the external_id, like the campaign routes.
    const campaign = q.campaign_id ? findCampaign(db, auth.orgId, q.campaign_id) : null;
    if (q.campaign_id && !campaign) throw notFound('Campaign');
    const page = listActivity(db, auth.orgId, {
      campaignId: campaign?.id,
      actions: q.action,
      beforeSeq: q.cursor ? decodeCursor(q.cursor) : null,
      limit: q.limit,
    });
    return c.json({
      events: page.events,
      next_cursor: page.more && page.lastSeq !== null ? encodeCursor(page.lastSeq) : null,
    });
  },
} satisfies Partial<Handlers>;
