import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import {
  campaignCreateSchema,
  inlineContactList,
  campaignListQuerySchema,
  type Campaign,
  type CampaignStatus,
} from '../../../contract/schemas.ts';
import {
  campaignConcurrencyInputSchema,
  contactQuerySchema,
  REPEATABLE_QUERY,
  timelineQuerySchema,
} from '../../../contract/extensions.ts';
import { changedFields, quote, recordActivity } from '../../domain/activity.ts';
import type { AppEnv } from '../auth.ts';
import {
  campaignRows,
  campaignStats,
  externalIdTaken,
  forecastRow,
  findCampaign,
  insertCampaign,
  listCampaigns,
  setCampaignStatus,
  updateCampaign,
} from '../../db/campaigns.ts';
import { getConfiguration } from '../../db/configurations.ts';
import type { Db } from '../../db/schema.ts';
import { normalizeContacts } from '../../domain/contact-input.ts';
import { HttpError, notFound } from '../../domain/errors.ts';
import { offers } from '../extensions.ts';
import { campaignTimeline, timelineRange } from '../../domain/timeline.ts';
import { isoSeconds } from '../../db/time.ts';
import { bodyWithContacts, query } from '../validate.ts';
import { actorOf, beginImport, finishImport } from '../../domain/write-jobs.ts';

// Create and update bodies with their contacts unchecked: bodyWithContacts checks them in chunks.
const createEnvelope = z.extend(campaignCreateSchema, {
  contacts: z.optional(inlineContactList(z.unknown())),
});
const updateEnvelope = z.partial(createEnvelope);
const createWithCap = z.extend(createEnvelope, campaignConcurrencyInputSchema.shape);
const updateWithCap = z.extend(updateEnvelope, campaignConcurrencyInputSchema.shape);

// (ext) campaign-concurrency. Where it is not offered (EXTENSIONS=off) the field is what it
// is to a contract-only server: an unknown key, dropped from bodies and never sent back.
const capsOffered = (c: Context<AppEnv>) => c.var.extensions && offers('campaign-concurrency');
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

const TRANSITIONS: Record<
  'start' | 'pause' | 'close',
  { from: CampaignStatus[]; to: CampaignStatus }
> = {
  start: { from: ['paused'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  close: { from: ['active', 'paused'], to: 'closed' },
};

const ACTIONS = {
  start: 'campaign.started',
  pause: 'campaign.paused',
  close: 'campaign.closed',
} as const;
const PAST = { start: 'Started', pause: 'Paused', close: 'Closed' } as const;

function mustFind(db: Db, orgId: string, id: string): Campaign {
  const campaign = findCampaign(db, orgId, id);
  if (!campaign) throw notFound('Campaign');
  return campaign;
}

function checkConfiguration(db: Db, orgId: string, configurationId: string | null | undefined) {
  if (configurationId == null) return null;
  const config = getConfiguration(db, orgId, configurationId);
  if (!config) {
    throw new HttpError(422, [
      {
        loc: ['body', 'configuration_id'],
        msg: 'No such configuration in this organization',
        type: 'not_found',
      },
    ]);
  }
  return config;
}

function checkExternalId(
  db: Db,
  orgId: string,
  externalId: string | null | undefined,
  exceptId?: string,
) {
  if (externalId && externalIdTaken(db, orgId, externalId, exceptId)) {
    throw new HttpError(409, `A campaign with external_id "${externalId}" already exists`);
  }
}

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
    const { db, auth } = c.var;
    const config = checkConfiguration(db, auth.orgId, input.configuration_id);
    checkExternalId(db, auth.orgId, input.external_id);
    const normalized = input.contacts
      ? await normalizeContacts(input.contacts, config?.default_country_code ?? null, {
          strictE164: false,
          field: 'contacts',
        })
      : null;
    const now = isoSeconds(c.var.now());
    const { campaign, handle } = db.transaction(() => {
      const created = insertCampaign(
        db,
        auth.orgId,
        {
          name: input.name,
          external_id: input.external_id ?? null,
          configuration_id: input.configuration_id ?? null,
          max_concurrent_calls: input.max_concurrent_calls ?? null,
        },
        now,
      );
      recordActivity(c, {
        action: 'campaign.created',
        campaignId: created.id,
        configurationId: created.configuration_id,
        summary: `Created campaign ${quote(created.name)}`,
      });
      const contacts = normalized?.contacts;
      return {
        campaign: created,
        handle:
          contacts && beginImport(db, { campaignId: created.id, contacts, now, actor: actorOf(c) }),
      };
    })();
    if (handle) await finishImport(db, handle);
    return c.json(present(c, campaign), 201);
  })
  .get('/:id', (c) => c.json(present(c, mustFind(c.var.db, c.var.auth.orgId, c.req.param('id')))))
  .patch('/:id', async (c) => {
    const { db, auth } = c.var;
    const campaign = mustFind(db, auth.orgId, c.req.param('id'));
    // Without the extension the cap is simply never present.
    const input = await bodyWithContacts(
      c,
      (capsOffered(c) ? updateWithCap : updateEnvelope) as typeof updateWithCap,
    );
    if (campaign.status === 'closed')
      throw new HttpError(400, 'A closed campaign cannot be updated');
    const configurationId =
      input.configuration_id === undefined ? campaign.configuration_id : input.configuration_id;
    const config = checkConfiguration(db, auth.orgId, configurationId);
    checkExternalId(db, auth.orgId, input.external_id, campaign.id);
    const normalized = input.contacts
      ? await normalizeContacts(input.contacts, config?.default_country_code ?? null, {
          strictE164: false,
          field: 'contacts',
        })
      : null;
    const now = isoSeconds(c.var.now());
    const { updated, handle } = db.transaction(() => {
      const next = updateCampaign(
        db,
        auth.orgId,
        campaign.id,
        {
          name: input.name ?? campaign.name,
          external_id: input.external_id === undefined ? campaign.external_id : input.external_id,
          configuration_id: configurationId ?? null,
          max_concurrent_calls:
            input.max_concurrent_calls === undefined
              ? (campaign.max_concurrent_calls ?? null)
              : input.max_concurrent_calls,
        },
        now,
      );
      recordActivity(c, {
        action: 'campaign.updated',
        campaignId: campaign.id,
        configurationId: next.configuration_id,
        summary: `Updated campaign ${quote(next.name)}`,
        changes: changedFields(campaign, next, [
          'name',
          'external_id',
          'configuration_id',
          'max_concurrent_calls',
        ]),
      });
      const contacts = normalized?.contacts;
      return {
        updated: next,
        handle:
          contacts &&
          beginImport(db, { campaignId: campaign.id, contacts, now, actor: actorOf(c) }),
      };
    })();
    if (handle) await finishImport(db, handle);
    return c.json(present(c, updated));
  })
  .post('/:id/:action{start|pause|close}', (c) => {
    const { db, auth } = c.var;
    const campaign = mustFind(db, auth.orgId, c.req.param('id'));
    const action = c.req.param('action') as keyof typeof TRANSITIONS;
    const rule = TRANSITIONS[action];
    if (!rule.from.includes(campaign.status)) {
      throw new HttpError(400, `Cannot ${action} a campaign that is ${campaign.status}`);
    }
    const updated = db.transaction(() => {
      const next = setCampaignStatus(db, auth.orgId, campaign.id, rule.to, isoSeconds(c.var.now()));
      recordActivity(c, {
        action: ACTIONS[action],
        campaignId: campaign.id,
        summary: `${PAST[action]} campaign ${quote(campaign.name)}`,
        changes: { status: [campaign.status, next.status] },
      });
      return next;
    })();
    return c.json(present(c, updated));
  })
  .get('/:id/report', async (c) => {
    const { db, auth } = c.var;
    const filters = query(c, contactQuerySchema, [...REPEATABLE_QUERY]);
    const campaign = mustFind(db, auth.orgId, c.req.param('id'));
    return c.json(
      await c.var.readers.read('report', campaign.id, filters, isoSeconds(c.var.now())),
    );
  })
  .get('/:id/timeline', (c) => {
    const { db, auth } = c.var;
    const campaign = mustFind(db, auth.orgId, c.req.param('id'));
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
  .get('/:id/stats', (c) => {
    // The contract resolves stats by UUID only: an external_id is unknown here.
    const stats = campaignStats(c.var.db, c.var.auth.orgId, c.req.param('id'));
    if (!stats) throw notFound('Campaign');
    return c.json(stats);
  });
