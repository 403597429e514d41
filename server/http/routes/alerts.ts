import {
  alertEventQuerySchema,
  alertRuleCreateSchema,
  alertRuleUpdateSchema,
} from '../../../contract/alerts.ts';
import { deleteRule, findRule, listEvents, listRules, publicRule } from '../../db/alerts.ts';
import { findCampaign } from '../../db/campaigns.ts';
import { changeRule, checkChannels, createRule } from '../../domain/alert-rules.ts';
import { HttpError, notFound } from '../../domain/errors.ts';
import type { Handlers } from '../operations.ts';
import { body, query } from '../validate.ts';

const encodeCursor = (seq: number) => Buffer.from(`alert:${seq}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const match = /^alert:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw new HttpError(422, [
      { loc: ['query', 'cursor'], msg: 'Invalid cursor', type: 'cursor_invalid' },
    ]);
  return Number(match[1]);
}

/** (ext) alerts: rules (secrets write-only), a test send, and the episodes with deliveries. */
export const alertHandlers = {
  listAlertRules: (c) => c.json({ rules: listRules(c.var.db, c.var.auth.orgId).map(publicRule) }),
  createAlertRule: async (c) => {
    const { db, auth, alerts } = c.var;
    const input = await body(c, alertRuleCreateSchema);
    const channels = await checkChannels(input.channels, [], alerts);
    const rule = createRule(db, auth.orgId, input, channels, c.var.now());
    return c.json(publicRule(rule), 201);
  },
  getAlertRule: (c) => {
    const rule = findRule(c.var.db, c.var.auth.orgId, c.req.param('ruleId'));
    if (!rule) throw notFound('Alert rule');
    return c.json(publicRule(rule));
  },
  updateAlertRule: async (c) => {
    const { db, auth, alerts } = c.var;
    const input = await body(c, alertRuleUpdateSchema);
    const rule = findRule(db, auth.orgId, c.req.param('ruleId'));
    if (!rule) throw notFound('Alert rule');
    const channels = input.channels
      ? await checkChannels(input.channels, rule.channels, alerts)
      : null;
    // Read again after the lookups: another request may have changed or deleted it meanwhile.
    const current = findRule(db, auth.orgId, rule.id);
    if (!current) throw notFound('Alert rule');
    return c.json(publicRule(changeRule(db, current, input, channels, c.var.now())));
  },
  deleteAlertRule: (c) => {
    const rule = findRule(c.var.db, c.var.auth.orgId, c.req.param('ruleId'));
    if (!rule) throw notFound('Alert rule');
    deleteRule(c.var.db, rule.id);
    return c.body(null, 204);
  },
  testAlertRule: async (c) => {
    const rule = findRule(c.var.db, c.var.auth.orgId, c.req.param('ruleId'));
    if (!rule) throw notFound('Alert rule');
    return c.json({ deliveries: await c.var.alerts.test(rule) });
  },
  listAlertEvents: (c) => {
    const { db, auth } = c.var;
    const q = query(c, alertEventQuerySchema);
    const campaign = q.campaign_id ? findCampaign(db, auth.orgId, q.campaign_id) : null;
    if (q.campaign_id && !campaign) throw notFound('Campaign');
    if (q.rule_id && !findRule(db, auth.orgId, q.rule_id)) throw notFound('Alert rule');
    const page = listEvents(db, auth.orgId, {
      ruleId: q.rule_id,
      campaignId: campaign?.id,
      state: q.state,
      beforeSeq: q.cursor ? decodeCursor(q.cursor) : null,
      limit: q.limit,
    });
    return c.json({
      events: page.events,
      next_cursor: page.more && page.lastSeq !== null ? encodeCursor(page.lastSeq) : null,
    });
  },
} satisfies Partial<Handlers>;
