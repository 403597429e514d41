import type { Context } from 'hono';
import * as z from 'zod/mini';
import {
  campaignCreateSchema,
  inlineContactList,
  campaignListQuerySchema,
  contractCampaignSchema,
  type Campaign,
  type ContactInput,
} from '../../../contract/schemas.ts';
import {
  campaignConcurrencyInputSchema,
  contactQuerySchema,
  type CampaignConcurrencyInput,
  finishedQuerySchema,
  goalInputSchema,
  REPEATABLE_QUERY,
  timelineQuerySchema,
} from '../../../contract/extensions.ts';
import type { AppEnv } from '../auth.ts';
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
import { offers, presentFor } from '../extensions.ts';
import type { Handlers } from '../operations.ts';
import { bodyWithContacts, query } from '../validate.ts';

// Create and update bodies with their contacts unchecked: bodyWithContacts checks them in chunks.
const createEnvelope = z.extend(campaignCreateSchema, {
  contacts: z.optional(inlineContactList(z.unknown())),
});
type Body = z.infer<typeof createEnvelope> &
  CampaignConcurrencyInput &
  z.infer<typeof goalInputSchema>;

// (ext) campaign-concurrency, goal and finished. Where one is not offered (EXTENSIONS=off) its
// field is what it is to a contract-only server: an unknown key, neither checked nor kept, and
// never sent back.
const present = (c: Context<AppEnv>, campaign: Campaign) =>
  presentFor(
    c,
    contractCampaignSchema,
    { max_concurrent_calls: 'campaign-concurrency', goal: 'goal', finished: 'finished' },
    campaign,
  );
const bodies = new Map<string, z.ZodMiniType>();
/** The create (or, partial, update) body with the (ext) fields this request may set. */
function bodySchema(c: Context<AppEnv>, partial: boolean): z.ZodMiniType<Partial<Body>> {
  const cap = offers(c, 'campaign-concurrency');
  const goal = offers(c, 'goal');
  const key = `${partial}${cap}${goal}`;
  let schema = bodies.get(key);
  if (!schema) {
    const extended = z.extend(createEnvelope, {
      ...(cap ? campaignConcurrencyInputSchema.shape : {}),
      ...(goal ? goalInputSchema.shape : {}),
    });
    bodies.set(key, (schema = partial ? z.partial(extended) : extended));
  }
  return schema as z.ZodMiniType<Partial<Body>>;
}

/** Start, pause and close: one handler, the transition named by the operation. */
function transition(c: Context<AppEnv>, action: Transition) {
  const { db, auth } = c.var;
  const campaign = mustFindCampaign(db, auth.orgId, c.req.param('id')!);
  return c.json(present(c, transitionCampaign(db, auth, c.var.now, campaign, action)));
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

export const campaignHandlers = {
  listCampaigns: (c) => {
    const q = query(c, campaignListQuerySchema, ['status']);
    const finished = offers(c, 'finished') ? query(c, finishedQuerySchema).finished : undefined;
    const page = listCampaigns(c.var.db, c.var.auth.orgId, {
      limit: q.limit,
      afterSeq: q.cursor ? decodeCursor(q.cursor) : null,
      name: q.name,
      status: q.status,
      finished: finished === undefined ? undefined : finished === 'true',
    });
    return c.json({
      campaigns: page.campaigns.map((campaign) => present(c, campaign)),
      next_cursor: page.more && page.lastSeq !== null ? encodeCursor(page.lastSeq) : null,
    });
  },
  createCampaign: async (c) => {
    const input = (await bodyWithContacts(c, bodySchema(c, false))) as Omit<Body, 'contacts'> & {
      contacts?: ContactInput[];
    };
    const campaign = await createCampaign(c.var.db, c.var.auth, c.var.now, input);
    return c.json(present(c, campaign), 201);
  },
  getCampaign: (c) =>
    c.json(present(c, mustFindCampaign(c.var.db, c.var.auth.orgId, c.req.param('id')))),
  updateCampaign: async (c) => {
    const { db, auth } = c.var;
    const campaign = mustFindCampaign(db, auth.orgId, c.req.param('id'));
    const input = await bodyWithContacts(c, bodySchema(c, true));
    const updated = await changeCampaign(db, auth, c.var.now, campaign, input);
    return c.json(present(c, updated));
  },
  startCampaign: (c) => transition(c, 'start'),
  pauseCampaign: (c) => transition(c, 'pause'),
  closeCampaign: (c) => transition(c, 'close'),
  getCampaignReport: async (c) => {
    const { db, auth } = c.var;
    const filters = query(c, contactQuerySchema, [...REPEATABLE_QUERY]);
    const campaign = mustFindCampaign(db, auth.orgId, c.req.param('id'));
    return c.json(
      await c.var.readers.read('report', campaign.id, filters, isoSeconds(c.var.now())),
    );
  },
  getCampaignTimeline: (c) => {
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
  },
  getCampaignStats: (c) => {
    // The contract resolves stats by UUID only: an external_id is unknown here.
    const stats = campaignStats(c.var.db, c.var.auth.orgId, c.req.param('id'));
    if (!stats) throw notFound('Campaign');
    return c.json(stats);
  },
} satisfies Partial<Handlers>;
