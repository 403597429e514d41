import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import {
  campaignCreateSchema,
  inlineContactList,
  campaignListQuerySchema,
  type Campaign,
} from '../../../contract/schemas.ts';
import {
  callsQuerySchema,
  campaignConcurrencyInputSchema,
  contactQuerySchema,
  REPEATABLE_QUERY,
  timelineQuerySchema,
} from '../../../contract/extensions.ts';
import type { AppEnv } from '../auth.ts';
import { listCalls, type CallCursor } from '../../db/calls.ts';
import { campaignRows, campaignStats, forecastRow, listCampaigns } from '../../db/campaigns.ts';
import { isoSeconds } from '../../db/time.ts';
import {
  changeCampaign,
  createCampaign,
  mustFindCampaign,
  transitionCampaign,
  type Transition,
} from '../../domain/campaigns.ts';
import { HttpError, notFound } from '../../domain/errors.ts';
import { campaignTimeline, timelineRange } from '../../domain/timeline.ts';
import { offers } from '../extensions.ts';
import { bodyWithContacts, query } from '../validate.ts';

// Create and update bodies with their contacts unchecked: bodyWithContacts checks them in chunks.
const createEnvelope = z.extend(campaignCreateSchema, {
  contacts: z.optional(inlineContactList(z.unknown())),
});
const updateEnvelope = z.partial(createEnvelope);
const createWithCap = z.extend(createEnvelope, campaignConcurrencyInputSchema.shape);
const updateWithCap = z.extend(updateEnvelope, campaignConcurrencyInputSchema.shape);

// (ext) campaign-concurrency. Where it is not offered (EXTENSIONS=off) the field is what it
// is to a contract-only server: an unknown key, dropped from bodies and never sent back.
const capsOffered = (c: Context<AppEnv>) => offers(c, 'campaign-concurrency');
function present(c: Context<AppEnv>, campaign: Campaign): Campaign {
  if (capsOffered(c)) return campaign;
  const { max_concurrent_calls: _cap, ...rest } = campaign;
  return rest;
}

const encodeCursor = (seq: number) => Buffer.from(`seq:${seq}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^seq:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw new HttpError(422, [
      { loc: ['query', 'cursor'], msg: 'Invalid cursor', type: 'cursor_invalid' },
    ]);
  return Number(match[1]);
}

const invalidQuery = (field: string, msg: string, type: string) =>
  new HttpError(422, [{ loc: ['query', field], msg, type }]);

// The call log's cursor: the last attempt's started_at and seq.
const encodeCallCursor = (at: CallCursor) =>
  Buffer.from(`att:${at.startedAt}|${at.seq}`).toString('base64url');
function decodeCallCursor(cursor: string): CallCursor {
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

export const campaignRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const q = query(c, campaignListQuerySchema, ['status']);
    const page = listCampaigns(c.var.db, c.var.auth.orgId, {
      limit: q.limit,
      afterSeq: q.cursor ? decodeCursor(q.cursor) : null,
      name: q.name,
      status: q.status,
    });
    return c.json({
      campaigns: page.campaigns.map((campaign) => present(c, campaign)),
      next_cursor: page.more && page.lastSeq !== null ? encodeCursor(page.lastSeq) : null,
    });
  })
  .post('/', async (c) => {
    // Without the extension the cap is simply never present.
    const input = await bodyWithContacts(
      c,
      (capsOffered(c) ? createWithCap : createEnvelope) as typeof createWithCap,
    );
    const campaign = await createCampaign(c.var.db, c.var.auth, c.var.now, input);
    return c.json(present(c, campaign), 201);
  })
  .get('/:id', (c) =>
    c.json(present(c, mustFindCampaign(c.var.db, c.var.auth.orgId, c.req.param('id')))),
  )
  .patch('/:id', async (c) => {
    const { db, auth } = c.var;
    const campaign = mustFindCampaign(db, auth.orgId, c.req.param('id'));
    // Without the extension the cap is simply never present.
    const input = await bodyWithContacts(
      c,
      (capsOffered(c) ? updateWithCap : updateEnvelope) as typeof updateWithCap,
    );
    const updated = await changeCampaign(db, auth, c.var.now, campaign, input);
    return c.json(present(c, updated));
  })
  .post('/:id/:action{start|pause|close}', (c) => {
    const { db, auth } = c.var;
    const campaign = mustFindCampaign(db, auth.orgId, c.req.param('id'));
    const action = c.req.param('action') as Transition;
    const updated = transitionCampaign(db, auth, c.var.now, campaign, action);
    return c.json(present(c, updated));
  })
  .get('/:id/report', async (c) => {
    const { db, auth } = c.var;
    const filters = query(c, contactQuerySchema, [...REPEATABLE_QUERY]);
    const campaign = mustFindCampaign(db, auth.orgId, c.req.param('id'));
    return c.json(
      await c.var.readers.read('report', campaign.id, filters, isoSeconds(c.var.now())),
    );
  })
  .get('/:id/timeline', (c) => {
    const { db, auth } = c.var;
    const campaign = mustFindCampaign(db, auth.orgId, c.req.param('id'));
    const now = c.var.now();
    const range = timelineRange(query(c, timelineQuerySchema), now);
    return c.json(
      campaignTimeline(
        db,
        forecastRow(campaignRows(db, auth.orgId, [campaign.id])[0]!),
        range,
        now,
      ),
    );
  })
  .get('/:id/attempts', (c) => {
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
      after: q.cursor ? decodeCallCursor(q.cursor) : null,
      limit: q.limit,
    });
    return c.json({
      attempts: page.calls,
      next_cursor: page.more && page.last ? encodeCallCursor(page.last) : null,
    });
  })
  .get('/:id/stats', (c) => {
    // The contract resolves stats by UUID only: an external_id is unknown here.
    const stats = campaignStats(c.var.db, c.var.auth.orgId, c.req.param('id'));
    if (!stats) throw notFound('Campaign');
    return c.json(stats);
  });
