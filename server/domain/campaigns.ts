// A campaign's rules: which transitions its status allows, what a closed campaign refuses, and
// creating or changing one with its inline contacts (normalize → one transaction with its
// activity row → the import's later slices).
import type { Goal } from '../../contract/extensions.ts';
import type { Campaign, CampaignStatus, ContactInput } from '../../contract/schemas.ts';
import {
  externalIdTaken,
  findCampaign,
  findCampaignById,
  insertCampaign,
  setCampaignStatus,
  updateCampaign,
} from '../db/campaigns.ts';
import { getConfiguration } from '../db/configurations.ts';
import { setGoal } from '../db/goal-cost.ts';
import type { NormalizedContact } from '../db/contacts.ts';
import type { Db } from '../db/schema.ts';
import { isoSeconds } from '../db/time.ts';
import { changedFields, quote, recordActivity, stampOf, type Actor } from './activity.ts';
import { normalizeContacts } from './contact-input.ts';
import { HttpError, notFound } from './errors.ts';
import { beginImport, finishImport } from './write-jobs.ts';

const sameGoal = (a: Goal | null, b: Goal | null) => JSON.stringify(a) === JSON.stringify(b);

export type Transition = 'start' | 'pause' | 'close';

export const TRANSITIONS: Record<Transition, { from: CampaignStatus[]; to: CampaignStatus }> = {
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

/** What a closed campaign refuses, and how it says so. */
const CLOSED = {
  update: 'A closed campaign cannot be updated',
  'add contacts': 'Contacts cannot be added to a closed campaign',
  requeue: 'Contacts of a closed campaign cannot be requeued',
} as const;

/** Throws the contract's 400 when `campaign` is closed (null: ad-hoc contacts, never closed). */
export function mustBeOpen(campaign: Campaign | null, doing: keyof typeof CLOSED): void {
  if (campaign?.status === 'closed') throw new HttpError(400, CLOSED[doing]);
}

export function mustFindCampaign(db: Db, orgId: string, id: string): Campaign {
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

const normalizeInline = (contacts: ContactInput[] | undefined, countryCode: string | null) =>
  contacts
    ? normalizeContacts(contacts, countryCode, { strictE164: false, field: 'contacts' })
    : null;

type CampaignInput = {
  name: string;
  external_id?: string | null;
  configuration_id?: string | null;
  max_concurrent_calls?: number | null;
  /** (ext) goal. */
  goal?: Goal | null;
  contacts?: ContactInput[];
};

export async function createCampaign(
  db: Db,
  actor: Actor,
  now: () => Date,
  input: CampaignInput,
): Promise<Campaign> {
  const config = checkConfiguration(db, actor.orgId, input.configuration_id);
  checkExternalId(db, actor.orgId, input.external_id);
  const normalized = await normalizeInline(input.contacts, config?.default_country_code ?? null);
  const at = isoSeconds(now());
  return writeThenImport(db, actor, now, at, normalized?.contacts, () => {
    const created = insertCampaign(
      db,
      actor.orgId,
      {
        name: input.name,
        external_id: input.external_id ?? null,
        configuration_id: input.configuration_id ?? null,
        max_concurrent_calls: input.max_concurrent_calls ?? null,
      },
      at,
    );
    if (input.goal) setGoal(db, created.id, input.goal);
    recordActivity(db, actor, now, {
      action: 'campaign.created',
      campaignId: created.id,
      configurationId: created.configuration_id,
      summary: `Created campaign ${quote(created.name)}`,
    });
    return input.goal ? findCampaignById(db, actor.orgId, created.id)! : created;
  });
}

/** Applies a partial update (absent fields keep their value) and imports its contacts. */
export async function changeCampaign(
  db: Db,
  actor: Actor,
  now: () => Date,
  campaign: Campaign,
  input: Partial<CampaignInput>,
): Promise<Campaign> {
  mustBeOpen(campaign, 'update');
  const configurationId =
    input.configuration_id === undefined ? campaign.configuration_id : input.configuration_id;
  const config = checkConfiguration(db, actor.orgId, configurationId);
  checkExternalId(db, actor.orgId, input.external_id, campaign.id);
  const normalized = await normalizeInline(input.contacts, config?.default_country_code ?? null);
  const at = isoSeconds(now());
  return writeThenImport(db, actor, now, at, normalized?.contacts, () => {
    const next = updateCampaign(
      db,
      actor.orgId,
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
      at,
    );
    if (input.goal !== undefined && !sameGoal(input.goal, campaign.goal ?? null))
      setGoal(db, campaign.id, input.goal);
    const after = input.goal === undefined ? next : findCampaignById(db, actor.orgId, campaign.id)!;
    recordActivity(db, actor, now, {
      action: 'campaign.updated',
      campaignId: campaign.id,
      configurationId: next.configuration_id,
      summary: `Updated campaign ${quote(next.name)}`,
      changes: changedFields(campaign, after, [
        'name',
        'external_id',
        'configuration_id',
        'max_concurrent_calls',
        'goal',
      ]),
    });
    return after;
  });
}

/**
 * `write` (the campaign row and its activity) and the first slice of `contacts` in one
 * transaction; the import's later slices after it commits.
 */
async function writeThenImport(
  db: Db,
  actor: Actor,
  now: () => Date,
  at: string,
  contacts: NormalizedContact[] | undefined,
  write: () => Campaign,
): Promise<Campaign> {
  const { campaign, handle } = db.transaction(() => {
    const campaign = write();
    const handle =
      contacts &&
      beginImport(db, {
        campaignId: campaign.id,
        contacts,
        now: at,
        actor: stampOf(actor, now),
      });
    return { campaign, handle };
  })();
  if (handle) await finishImport(db, handle);
  return campaign;
}

/** Start, pause or close, where the campaign's status allows it. */
export function transitionCampaign(
  db: Db,
  actor: Actor,
  now: () => Date,
  campaign: Campaign,
  action: Transition,
): Campaign {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(campaign.status)) {
    throw new HttpError(400, `Cannot ${action} a campaign that is ${campaign.status}`);
  }
  return db.transaction(() => {
    const next = setCampaignStatus(db, actor.orgId, campaign.id, rule.to, isoSeconds(now()));
    recordActivity(db, actor, now, {
      action: ACTIONS[action],
      campaignId: campaign.id,
      summary: `${PAST[action]} campaign ${quote(campaign.name)}`,
      changes: { status: [campaign.status, next.status] },
    });
    return next;
  })();
}
