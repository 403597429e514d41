import type { Context } from 'hono';
import * as z from 'zod/mini';
import {
  contactQuerySchema,
  REPEATABLE_QUERY,
  requeueRequestSchema,
  type ContactFilters,
} from '../../../contract/extensions.ts';
import {
  contactListQuerySchema,
  contractContactSchema,
  upsertContactList,
  type Contact,
} from '../../../contract/schemas.ts';
import type { ResolvedContactQuery } from '../../db/contact-filters.ts';
import { openZones } from '../../domain/callable.ts';
import type { AppEnv } from '../auth.ts';
import { findCampaign } from '../../db/campaigns.ts';
import { deleteContact, findContact } from '../../db/contacts.ts';
import { quote, recordActivity, stampOf } from '../../domain/activity.ts';
import { mustBeOpen } from '../../domain/campaigns.ts';
import { importContacts } from '../../domain/contacts.ts';
import { HttpError, notFound } from '../../domain/errors.ts';
import { requeue } from '../../domain/write-jobs.ts';
import { offers, presentFor } from '../extensions.ts';
import type { Handlers } from '../operations.ts';
import { bodyWithContacts, filterBody, query } from '../validate.ts';

const DEFAULT = 'default';
// The upsert body with its contacts unchecked: bodyWithContacts checks them in chunks.
const upsertEnvelope = z.object({ contacts: upsertContactList(z.unknown()) });

// (ext) contact-timezones and suppression: a contact's zone and flag, sent where offered.
const present = (c: Context<AppEnv>, contact: Contact) =>
  presentFor(
    c,
    contractContactSchema,
    {
      timezone: 'contact-timezones',
      timezone_source: 'contact-timezones',
      suppressed: 'suppression',
    },
    contact,
  );

/**
 * The (ext) filters as the readers take them: `callable=now` resolved into the zones open at
 * this moment; the zone and suppression filters only where their extensions are offered.
 */
export function resolveFilters<T extends ResolvedContactQuery>(
  c: Context<AppEnv>,
  campaignId: string | null,
  filters: T,
): T {
  const { callable, timezone, suppressed, ...rest } = filters;
  const zones = offers(c, 'contact-timezones');
  return {
    ...rest,
    ...(zones && timezone ? { timezone } : {}),
    ...(offers(c, 'suppression') && suppressed ? { suppressed } : {}),
    ...(zones && callable === 'now'
      ? { open: campaignId === null ? [] : openZones(c.var.db, campaignId, c.var.now()) }
      : {}),
  } as T;
}

/** The campaign of the path (`default`: ad-hoc contacts of no campaign). */
function scopeOf(c: Context<AppEnv>) {
  const id = c.req.param('id')!;
  if (id === DEFAULT) return { campaign: null, campaignId: null };
  const campaign = findCampaign(c.var.db, c.var.auth.orgId, id);
  if (!campaign) throw notFound('Campaign');
  return { campaign, campaignId: campaign.id };
}

export const contactHandlers = {
  listContacts: async (c) => {
    const q = query(c, contactListQuerySchema);
    // (ext) filters, and the bucket status repeatable; a server without the extension ignores
    // them, as APIs ignore unknown params.
    const { campaignId } = scopeOf(c);
    const filters = offers(c, 'contact-filters')
      ? resolveFilters(c, campaignId, query(c, contactQuerySchema, [...REPEATABLE_QUERY]))
      : { status: q.status ? [q.status] : [] };
    const page = await c.var.readers.read('contacts', c.var.auth.orgId, campaignId, {
      limit: q.limit,
      offset: q.offset,
      filters,
    });
    return c.json({
      contacts: page.contacts.map((contact) => present(c, contact)),
      total: page.total,
      limit: q.limit,
      offset: q.offset,
    });
  },
  upsertContacts: async (c) => {
    const { campaign } = scopeOf(c);
    const input = await bodyWithContacts(c, upsertEnvelope);
    const result = await importContacts(c.var.db, c.var.auth, c.var.now, campaign, input.contacts!);
    // Warnings about a row's zone or suppressed number belong to their extensions.
    const warnings = result.warnings.filter(
      (w) =>
        typeof w === 'string' ||
        offers(c, w.code === 'suppressed' ? 'suppression' : 'contact-timezones'),
    );
    return c.json({ ...result, warnings });
  },
  getContact: (c) => {
    const { campaignId } = scopeOf(c);
    const contact = findContact(c.var.db, c.var.auth.orgId, campaignId, c.req.param('contactId'));
    if (!contact) throw notFound('Contact');
    return c.json(present(c, contact));
  },
  deleteContact: (c) => {
    const { db } = c.var;
    const { campaignId } = scopeOf(c);
    const contact = findContact(db, c.var.auth.orgId, campaignId, c.req.param('contactId'));
    if (!contact) throw notFound('Contact');
    db.transaction(() => {
      deleteContact(db, contact.id, c.var.now());
      recordActivity(db, c.var.auth, c.var.now, {
        action: 'contacts.deleted',
        campaignId,
        summary: `Deleted contact ${contact.external_id === null ? contact.id : quote(contact.external_id)}`,
      });
    })();
    return c.body(null, 204);
  },
  requeueContacts: async (c) => {
    const { db } = c.var;
    const { status, ...body } = await filterBody(c, requeueRequestSchema);
    const { campaign } = scopeOf(c);
    // callable=now is pending contacts: none of them exhausted or completed.
    const filters = resolveFilters(c, campaign?.id ?? null, body);
    if (!campaign)
      throw new HttpError(400, 'Ad-hoc contacts are not dialed, so they cannot be requeued');
    mustBeOpen(campaign, 'requeue');
    const statuses = [...new Set(status)];
    const requeued = await requeue(db, c.var.readers, {
      campaignId: campaign.id,
      statuses,
      filters,
      now: c.var.now(),
      actor: stampOf(c.var.auth, c.var.now),
      describe: `(${statuses.join(', ')}${describeFilters(filters)})`,
    });
    return c.json({ requeued });
  },
} satisfies Partial<Handlers>;

/** ', search "ada", last status no_answer' for the activity summary (user text quoted); empty without filters. */
function describeFilters(f: ContactFilters): string {
  const parts = [
    f.search ? `search ${quote(f.search)}` : null,
    f.last_status?.length ? `last status ${f.last_status.join(' or ')}` : null,
    f.first_status?.length ? `first status ${f.first_status.join(' or ')}` : null,
    f.attempts?.length ? `${f.attempts.join(' or ')} attempts` : null,
    f.result?.length ? `result ${f.result.map(quote).join(' or ')}` : null,
  ].filter(Boolean);
  return parts.length ? `, ${parts.join(', ')}` : '';
}
