// Adding contacts to a campaign (or ad hoc): normalized between yields, then upserted in slices
// with their activity row, never into a campaign that closed meanwhile.
import type { Campaign, ContactInput } from '../../contract/schemas.ts';
import { findCampaignById } from '../db/campaigns.ts';
import { getConfiguration } from '../db/configurations.ts';
import type { Db } from '../db/schema.ts';
import { isoSeconds } from '../db/time.ts';
import { stampOf, type Actor } from './activity.ts';
import { mustBeOpen } from './campaigns.ts';
import { normalizeContacts } from './contact-input.ts';
import { beginImport, finishImport } from './write-jobs.ts';

/** Upserts `contacts` into `campaign` (null: ad-hoc contacts, whose numbers must be E.164). */
export async function importContacts(
  db: Db,
  actor: Actor,
  now: () => Date,
  campaign: Campaign | null,
  contacts: ContactInput[],
) {
  mustBeOpen(campaign, 'add contacts');
  const config = campaign?.configuration_id
    ? getConfiguration(db, actor.orgId, campaign.configuration_id)
    : null;
  const normalized = await normalizeContacts(contacts, config?.default_country_code ?? null, {
    strictE164: campaign === null,
    field: 'contacts',
    at: now(),
  });
  // Normalizing yields to other requests: the campaign may have closed meanwhile.
  if (campaign) mustBeOpen(findCampaignById(db, actor.orgId, campaign.id), 'add contacts');
  const at = isoSeconds(now());
  const handle = db.transaction(() =>
    beginImport(db, {
      campaignId: campaign?.id ?? null,
      contacts: normalized.contacts,
      now: at,
      actor: stampOf(actor, now),
    }),
  )();
  const result = await finishImport(db, handle);
  return { ...result, warnings: [...normalized.warnings, ...result.warnings] };
}
