import { randomUUID } from 'node:crypto';
import type { AlertChannelInput, AlertRuleCreate, AlertRuleUpdate } from '../../contract/alerts.ts';
import {
  clearRuleState,
  insertRule,
  maskedSlackUrl,
  SLACK_MASK,
  resolveEvent,
  updateRule,
  type StoredChannel,
  type StoredRule,
} from '../db/alerts.ts';
import { findCampaign } from '../db/campaigns.ts';
import type { Db } from '../db/schema.ts';
import { isoSeconds } from '../db/time.ts';
import { sql } from '../db/statements.ts';
import { HttpError, notFound } from './errors.ts';
import { checkTarget, type Resolve } from './webhook-target.ts';

const invalid = (loc: (string | number)[], msg: string, type: string) =>
  new HttpError(422, [{ loc: ['body', ...loc], msg, type }]);

/**
 * The saved Slack URL a written one stands for: a URL given as the rule's answer masked it
 * keeps the saved one (the same position first), so a rule read and written back is unchanged.
 */
function keptSlackUrl(url: string, i: number, existing: readonly StoredChannel[]) {
  const saved = existing.filter((e) => e.type === 'slack');
  const same = existing[i]?.type === 'slack' ? existing[i] : undefined;
  return [same, ...saved].find((e) => e && maskedSlackUrl(e.url) === url)?.url;
}

/**
 * Channels as written, checked (URL, the addresses it resolves to now) and with the
 * credentials they keep: a webhook given without a secret keeps the one its URL had, else it
 * needs one; a Slack channel given its masked URL keeps the saved URL.
 */
export async function checkChannels(
  input: readonly AlertChannelInput[],
  existing: readonly StoredChannel[],
  target: { allowPrivate: boolean; resolve: Resolve },
): Promise<StoredChannel[]> {
  const out: StoredChannel[] = [];
  for (const [i, channel] of input.entries()) {
    const keptUrl = channel.type === 'slack' ? keptSlackUrl(channel.url, i, existing) : undefined;
    // A mask that stands for no saved URL would be stored and fail at every delivery.
    if (!keptUrl && channel.type === 'slack' && channel.url.includes(SLACK_MASK))
      throw invalid(['channels', i, 'url'], 'Paste the whole Slack URL', 'url_masked');
    const url = keptUrl ?? channel.url;
    const checked = await checkTarget(url, target.allowPrivate, target.resolve);
    if (!checked.ok) throw invalid(['channels', i, 'url'], checked.problem, 'url_refused');
    if (channel.type === 'slack') {
      out.push({ type: 'slack', url });
      continue;
    }
    const kept = existing.find(
      (e): e is Extract<StoredChannel, { type: 'webhook' }> =>
        e.type === 'webhook' && e.url === channel.url,
    );
    const secret = channel.secret ?? kept?.secret;
    if (!secret)
      throw invalid(['channels', i, 'secret'], 'A webhook needs a secret to sign with', 'missing');
    out.push({ type: 'webhook', url: channel.url, secret });
  }
  return out;
}

/** The rule's campaign by UUID or external_id (its UUID kept), null for every campaign. */
export function ruleCampaign(db: Db, orgId: string, ref: string | null | undefined) {
  if (!ref) return null;
  const campaign = findCampaign(db, orgId, ref);
  if (!campaign) throw notFound('Campaign');
  return campaign.id;
}

export function createRule(
  db: Db,
  orgId: string,
  input: AlertRuleCreate,
  channels: StoredChannel[],
  now: Date,
): StoredRule {
  const at = isoSeconds(now);
  const rule: StoredRule = {
    id: randomUUID(),
    org_id: orgId,
    name: input.name,
    campaign_id: ruleCampaign(db, orgId, input.campaign_id),
    enabled: input.enabled ?? true,
    condition: input.condition,
    channels,
    created_at: at,
    updated_at: at,
  };
  insertRule(db, rule);
  return rule;
}

/**
 * Applies an update. A rule that now watches something else (condition, campaign) or is
 * disabled closes its open episodes quietly: they were about what it no longer watches.
 */
export function changeRule(
  db: Db,
  rule: StoredRule,
  input: AlertRuleUpdate,
  channels: StoredChannel[] | null,
  now: Date,
): StoredRule {
  const next: StoredRule = {
    ...rule,
    name: input.name ?? rule.name,
    campaign_id:
      input.campaign_id === undefined
        ? rule.campaign_id
        : ruleCampaign(db, rule.org_id, input.campaign_id),
    enabled: input.enabled ?? rule.enabled,
    condition: input.condition ?? rule.condition,
    channels: channels ?? rule.channels,
    updated_at: isoSeconds(now),
  };
  return db.transaction(() => {
    updateRule(db, next);
    const watchesElse =
      !next.enabled ||
      next.campaign_id !== rule.campaign_id ||
      JSON.stringify(next.condition) !== JSON.stringify(rule.condition);
    if (watchesElse) {
      const open = sql<[string], { id: string }>(
        db,
        "SELECT id FROM alert_events WHERE rule_id = ? AND state = 'firing'",
      ).all(rule.id);
      for (const e of open) resolveEvent(db, e.id, now.toISOString());
      clearRuleState(db, rule.id);
    }
    return next;
  })();
}
