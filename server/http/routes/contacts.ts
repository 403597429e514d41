import type { Context } from 'hono';
import * as z from 'zod/mini';
import {
  contactQuerySchema,
  REPEATABLE_QUERY,
  requeueRequestSchema,
  type ContactFilters,
} from '../../../contract/extensions.ts';
import { contactListQuerySchema, upsertContactList } from '../../../contract/schemas.ts';
import type { AppEnv } from '../auth.ts';
import { findCampaign } from '../../db/campaigns.ts';
import { deleteContact, findContact } from '../../db/contacts.ts';
import { quote, recordActivity, stampOf } from '../../domain/activity.ts';
import { mustBeOpen } from '../../domain/campaigns.ts';
import { importContacts } from '../../domain/contacts.ts';
import { HttpError, notFound } from '../../domain/errors.ts';
import { requeue } from '../../domain/write-jobs.ts';
import { offers } from '../extensions.ts';
import type { Handlers } from '../operations.ts';
import { bodyWithContacts, filterBody, query } from '../validate.ts';

const DEFAULT = 'default';
// The upsert body with its contacts unchecked: bodyWithContacts checks them in chunks.
const upsertEnvelope = z.object({ contacts: upsertContactList(z.unknown()) });

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
    const filters = offers(c, 'contact-filters')
      ? query(c, contactQuerySchema, [...REPEATABLE_QUERY])
      : { status: q.status ? [q.status] : [] };
    const { campaignId } = scopeOf(c);
    const page = await c.var.readers.read('contacts', c.var.auth.orgId, campaignId, {
      limit: q.limit,
      offset: q.offset,
      filters,
    });
    return c.json({ contacts: page.contacts, total: page.total, limit: q.limit, offset: q.offset });
  },
  upsertContacts: async (c) => {
    const { campaign } = scopeOf(c);
    const input = await bodyWithContacts(c, upsertEnvelope);
    return c.json(await importContacts(c.var.db, c.var.auth, c.var.now, campaign, input.contacts!));
  },
  getContact: (c) => {
    const { campaignId } = scopeOf(c);
    const contact = findContact(c.var.db, c.var.auth.orgId, campaignId, c.req.param('contactId'));
    if (!contact) throw notFound('Contact');
    return c.json(contact);
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
    const { status, ...filters } = await filterBody(c, requeueRequestSchema);
    const { campaign } = scopeOf(c);
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
