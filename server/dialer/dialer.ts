import { randomUUID } from 'node:crypto';
import { concurrencyLimit, activeCalls } from '../db/orgs.ts';
import type { Db } from '../db/schema.ts';
import {
  activeCampaigns,
  allInFlight,
  contactData,
  completeEvaluation,
  contactRules,
  dialCandidates,
  dueCalls,
  dueEvaluations,
  endAttempt,
  inFlightByCampaign,
  insertConversation,
  insertEvaluationRun,
  orgsWithWork,
  setContactAfterCall,
  startAttempt,
  type InFlight,
} from '../db/dialer.ts';
import { isoSeconds } from '../time.ts';
import { insideWindow } from '../../contract/calling-window.ts';
import { evaluate, evaluationDelaySeconds, planCall, transcript } from './outcomes.ts';
import { createRandom } from './random.ts';

export type DialerOptions = {
  db: Db;
  now: () => Date;
  seed: number;
  /** Simulated seconds per real second: call durations and retry intervals shrink by it. */
  speed: number;
  tickMs?: number;
};

/** How often the live dialer looks for calls to end and slots to fill. */
export const DIALER_TICK_MS = 250;

export type Dialer = { start(): void; stop(): void; tick(): void; recover(): void };

export function createDialer({ db, now, seed, speed, tickMs = DIALER_TICK_MS }: DialerOptions): Dialer {
  const random = createRandom(seed);
  const realMs = (simSeconds: number) => (simSeconds * 1000) / speed;
  let timer: ReturnType<typeof setInterval> | null = null;

  /** Ends one call as `status` and moves its contact on: completed, exhausted or a retry. */
  const finish = db.transaction((call: InFlight, status: string, endedAt: Date) => {
    const ended = isoSeconds(endedAt);
    let conversationId: string | null = null;
    if (status === 'completed') {
      conversationId = randomUUID();
      const startMs = Date.parse(call.started_at);
      const seconds = Math.max(1, (endedAt.getTime() - startMs) / 1000);
      const firstName = contactData(db, call.contact_id).first_name;
      const name = typeof firstName === 'string' ? firstName : 'there';
      insertConversation(db, {
        id: conversationId,
        orgId: call.org_id,
        startedAt: call.started_at,
        endedAt: ended,
        transcript: transcript(random, name, startMs, seconds),
      });
      const dueAt = new Date(endedAt.getTime() + realMs(evaluationDelaySeconds(random))).toISOString();
      for (const e of evaluate(random)) {
        insertEvaluationRun(db, {
          id: randomUUID(),
          conversationId,
          metricKey: e.metric_key,
          status: 'pending',
          results: e.results,
          dueAt,
          createdAt: ended,
        });
      }
    }
    endAttempt(db, call.id, status, ended, conversationId);
    const rules = contactRules(db, call.contact_id);
    if (!rules) return; // contact deleted while in flight: its attempts went with it
    if (status === 'completed') setContactAfterCall(db, call.contact_id, 'completed', null, ended);
    else if (rules.attempts_in_budget >= rules.max_attempts) setContactAfterCall(db, call.contact_id, 'exhausted', null, ended);
    else {
      const next = new Date(endedAt.getTime() + realMs(rules.retry_interval_minutes * 60)).toISOString();
      setContactAfterCall(db, call.contact_id, 'pending', next, ended);
    }
  });

  const dial = db.transaction((orgId: string, campaignId: string, contactId: string, phones: string[], attempts: number, at: Date) => {
    const plan = planCall(random);
    startAttempt(db, {
      id: randomUUID(),
      orgId,
      campaignId,
      contactId,
      // Rotate through the contact's numbers across attempts.
      phone: phones[attempts % phones.length]!,
      startedAt: isoSeconds(at),
      endsAt: new Date(at.getTime() + realMs(plan.seconds)).toISOString(),
      planned: plan.status,
    });
  });

  function fillSlots(orgId: string, limit: number, at: Date) {
    let free = limit - activeCalls(db, orgId);
    if (free <= 0) return;
    const nowIso = at.toISOString();
    const busy = inFlightByCampaign(db, orgId);
    // One queue per campaign inside its calling window, served round-robin so none starves:
    // fewest calls in flight first (then oldest), since calls mostly end one at a time and a
    // fixed order would hand every freed slot to the oldest campaign with work.
    // A capped campaign's queue holds only what fits under its cap (none once at or over it,
    // e.g. after the cap was lowered), so the slots it cannot use go to the others.
    const queues = activeCampaigns(db, orgId)
      .filter((c) => insideWindow(c.schedule, c.timezone, at))
      .map((c) => {
        const room = c.max_concurrent_calls === null ? free : Math.min(free, c.max_concurrent_calls - (busy.get(c.id) ?? 0));
        return { campaign: c, candidates: room > 0 ? dialCandidates(db, c.id, nowIso, room) : [] };
      })
      .filter((q) => q.candidates.length > 0)
      .sort((x, y) => (busy.get(x.campaign.id) ?? 0) - (busy.get(y.campaign.id) ?? 0));
    while (free > 0 && queues.some((q) => q.candidates.length > 0)) {
      for (const q of queues) {
        const next = q.candidates.shift();
        if (!next || free <= 0) continue;
        dial(orgId, q.campaign.id, next.id, JSON.parse(next.phone_numbers) as string[], next.attempt_count, at);
        free--;
      }
    }
  }

  function tick() {
    const at = now();
    const nowIso = at.toISOString();
    for (const org of orgsWithWork(db)) {
      for (const call of dueCalls(db, org.id, nowIso)) finish(call, call.planned_status, new Date(call.ends_at));
    }
    for (const run of dueEvaluations(db, nowIso)) completeEvaluation(db, run.id, run.conversation_id);
    for (const org of orgsWithWork(db)) fillSlots(org.id, concurrencyLimit(db, org.id), at);
  }

  return {
    tick,
    recover() {
      // Calls a previous process left in flight never finished: end them as failed.
      const at = now();
      for (const call of allInFlight(db)) finish(call, 'failed', at);
    },
    start() {
      if (timer) return;
      timer = setInterval(() => {
        try {
          tick();
        } catch (error) {
          console.error('Dialer tick failed:', error);
        }
      }, tickMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
