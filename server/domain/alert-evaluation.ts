import type { AlertPayload } from '../../contract/alerts.ts';
import {
  allStates,
  campaignName,
  enabledRules,
  insertEvent,
  newEventId,
  orgLoads,
  queueDelivery,
  resolveEvent,
  saveState,
  watchedCampaigns,
  type AlertState,
  type StoredRule,
  type WatchedCampaign,
} from '../db/alerts.ts';
import type { Db } from '../db/schema.ts';
import {
  check,
  checkAtCap,
  needsFreshCalls,
  type Check,
  type Readings,
} from './alert-conditions.ts';

// One evaluation of every enabled rule, in one transaction: an episode opens (fires) when its
// condition becomes true and closes (resolves) when it stops being true, each transition once,
// each queued for delivery to every channel of its rule in the same transaction.

export type EvaluationResult = { rules: number; fired: number; resolved: number };

/** The org's own episode (at_cap on an org-wide rule) is keyed '' in alert_states. */
const ORG = '';

export function evaluateAlerts(db: Db, now: Date): EvaluationResult {
  return db.transaction(() => {
    const rules = enabledRules(db);
    const result: EvaluationResult = { rules: rules.length, fired: 0, resolved: 0 };
    if (rules.length === 0) return result;
    const nowIso = now.toISOString();
    const campaigns = watchedCampaigns(db);
    const byId = new Map(campaigns.map((c) => [c.id, c]));
    const byOrg = new Map<string, WatchedCampaign[]>();
    for (const c of campaigns) byOrg.set(c.org_id, [...(byOrg.get(c.org_id) ?? []), c]);
    let loads: ReturnType<typeof orgLoads> | null = null;
    const readings: Readings = {
      db,
      now,
      nowMinute: Math.floor(now.getTime() / 60_000),
      load: (orgId) => (loads ??= orgLoads(db)).get(orgId) ?? { active: 0, limit: 0 },
      windows: new Map(),
      minutes: new Set(),
      drops: new Map(),
      open: new Map(),
      lastStarted: new Map(),
    };
    const states = new Map<string, AlertState>();
    for (const s of allStates(db)) states.set(`${s.rule_id}|${s.campaign_id}`, s);

    const transition = (rule: StoredRule, key: string, c: WatchedCampaign | null, v: Check) => {
      const before = states.get(`${rule.id}|${key}`) ?? {
        rule_id: rule.id,
        campaign_id: key,
        since: null,
        event_id: null,
        mark: null,
      };
      const after: AlertState = { ...before, since: v.since };
      const fresh = needsFreshCalls(rule.condition);
      const rested =
        fresh === null || before.mark === null || !c || c.n_att_ended - before.mark >= fresh;
      if (v.holds && !before.event_id && rested) {
        after.event_id = newEventId();
        after.mark = null;
        insertEvent(db, {
          id: after.event_id,
          org_id: rule.org_id,
          rule_id: rule.id,
          campaign_id: c?.id ?? null,
          message: v.message,
          value: v.value,
          threshold: v.threshold,
          fired_at: nowIso,
        });
        queue(db, rule, after.event_id, c, 'firing', v, nowIso);
        result.fired++;
      } else if (!v.holds && before.event_id) {
        resolveEvent(db, before.event_id, nowIso);
        queue(db, rule, before.event_id, c, 'resolved', v, nowIso);
        after.event_id = null;
        after.mark = fresh !== null && c ? c.n_att_ended : null;
        result.resolved++;
      }
      if (
        after.since !== before.since ||
        after.event_id !== before.event_id ||
        after.mark !== before.mark
      )
        saveState(db, after);
      states.delete(`${rule.id}|${key}`);
    };

    for (const rule of rules) {
      if (rule.condition.kind === 'at_cap' && rule.campaign_id === null) {
        const since = states.get(`${rule.id}|${ORG}`)?.since ?? null;
        transition(
          rule,
          ORG,
          null,
          checkAtCap(rule.org_id, rule.condition.for_minutes, since, readings),
        );
        continue;
      }
      const targets = rule.campaign_id
        ? [byId.get(rule.campaign_id)].filter(
            (c): c is WatchedCampaign => c !== undefined && c.org_id === rule.org_id,
          )
        : (byOrg.get(rule.org_id) ?? []);
      for (const c of targets) {
        const state = states.get(`${rule.id}|${c.id}`);
        transition(rule, c.id, c, check(rule.condition, c, state?.since ?? null, readings));
      }
    }
    // What is left was not looked at: its campaign closed (or the rule was disabled in
    // between). An open episode there resolves; nothing else is kept.
    for (const s of states.values()) {
      const rule = rules.find((r) => r.id === s.rule_id);
      if (s.event_id && rule) {
        const name = s.campaign_id ? campaignName(db, s.campaign_id) : null;
        resolveEvent(db, s.event_id, nowIso);
        queue(
          db,
          rule,
          s.event_id,
          s.campaign_id && name ? { id: s.campaign_id, name } : null,
          'resolved',
          {
            holds: false,
            since: null,
            value: null,
            threshold: null,
            message: `${name ?? 'The campaign'} is closed`,
          },
          nowIso,
        );
        result.resolved++;
      }
      if (rule) saveState(db, { ...s, since: null, event_id: null, mark: null });
    }
    return result;
  })();
}

function queue(
  db: Db,
  rule: StoredRule,
  eventId: string,
  c: { id: string; name: string } | null,
  state: 'firing' | 'resolved',
  v: Check,
  at: string,
) {
  const payload: AlertPayload = {
    id: eventId,
    rule: { id: rule.id, name: rule.name },
    campaign: c ? { id: c.id, name: c.name } : null,
    state,
    message: v.message,
    value: v.value,
    threshold: v.threshold,
    at,
  };
  const body = JSON.stringify(payload);
  rule.channels.forEach((channel, channelIndex) =>
    queueDelivery(db, {
      eventId,
      ruleId: rule.id,
      channelIndex,
      channel,
      state,
      payload: body,
      at,
    }),
  );
}
