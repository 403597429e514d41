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
  pendingZones,
  zonedDialCandidates,
  inFlightByCampaign,
  insertConversation,
  insertEvaluationRun,
  orgsWithWork,
  setContactAfterCall,
  startAttempt,
  type InFlight,
} from '../db/dialer.ts';
import { isoSeconds } from '../db/time.ts';
import { addSuppressions } from '../db/suppressions.ts';
import { insertActivity } from '../db/activity.ts';
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
  /**
   * (ext) suppression: a conversation whose evaluation says `compliance.opt_out` puts the
   * number it called on the org's do-not-call list. Off where the extension is not offered.
   */
  optOuts?: boolean;
};

/** How often the live dialer looks for calls to end and slots to fill. */
export const DIALER_TICK_MS = 250;

/** Longest stretch a timed tick holds the event loop before it lets other work through. */
const SLICE_MS = 20;
const never = () => false;

export type Dialer = { start(): void; stop(): void; tick(): void; recover(): void };

export function createDialer({
  db,
  now,
  seed,
  speed,
  tickMs = DIALER_TICK_MS,
  optOuts = false,
}: DialerOptions): Dialer {
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
      const dueAt = new Date(
        endedAt.getTime() + realMs(evaluationDelaySeconds(random)),
      ).toISOString();
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
    else if (rules.suppressed || rules.attempts_in_budget >= rules.max_attempts)
      setContactAfterCall(db, call.contact_id, 'exhausted', null, ended);
    else {
      const next = new Date(
        endedAt.getTime() + realMs(rules.retry_interval_minutes * 60),
      ).toISOString();
      setContactAfterCall(db, call.contact_id, 'pending', next, ended);
    }
  });

  const dial = db.transaction(
    (
      orgId: string,
      campaignId: string,
      contactId: string,
      phones: string[],
      attempts: number,
      at: Date,
    ) => {
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
    },
  );

  /** Completes an evaluation run; an opt-out it reports lists the number called. */
  const evaluated = db.transaction((runId: string, conversationId: string, at: Date) => {
    const done = completeEvaluation(db, runId, conversationId);
    if (!optOuts || done?.result['compliance.opt_out'] !== true) return;
    const stamp = { orgId: done.orgId, at: isoSeconds(at) };
    const actor = { kind: 'system', label: 'Conversation evaluation' };
    const added = addSuppressions(
      db,
      done.orgId,
      [
        {
          phone_number: done.phone,
          reason: `Asked not to be called again (conversation ${conversationId})`,
          source: 'conversation',
        },
      ],
      actor.label,
      stamp.at,
    );
    if (added.added.length > 0)
      insertActivity(db, {
        ...stamp,
        actor,
        action: 'suppression.added',
        summary: `Added ${done.phone} to the suppression list (conversation): asked not to be called again; ${added.contacts_suppressed} contacts suppressed`,
      });
  });

  /** Dials into free slots until none is left or `full()`; true when it stopped for `full()`. */
  function fillSlots(orgId: string, limit: number, at: Date, full: () => boolean): boolean {
    let free = limit - activeCalls(db, orgId);
    if (free <= 0) return false;
    const nowIso = at.toISOString();
    const busy = inFlightByCampaign(db, orgId);
    // One queue per campaign inside its calling window, served round-robin so none starves:
    // fewest calls in flight first (then oldest), since calls mostly end one at a time and a
    // fixed order would hand every freed slot to the oldest campaign with work.
    // A capped campaign's queue holds only what fits under its cap (none once at or over it,
    // e.g. after the cap was lowered), so the slots it cannot use go to the others.
    // Under window_basis "contact" the window is read in each contact's zone: only contacts of
    // the zones open now are queued, and contacts without a zone never are.
    const queues = activeCampaigns(db, orgId)
      .filter((c) => c.window_basis === 'contact' || insideWindow(c.schedule, c.timezone, at))
      .map((c) => {
        const room =
          c.max_concurrent_calls === null
            ? free
            : Math.min(free, c.max_concurrent_calls - (busy.get(c.id) ?? 0));
        if (room <= 0) return { campaign: c, candidates: [] };
        if (c.window_basis === 'campaign')
          return { campaign: c, candidates: dialCandidates(db, c.id, nowIso, room) };
        const open = pendingZones(db, c.id)
          .map((z) => z.timezone)
          .filter((zone) => zone !== '' && insideWindow(c.schedule, zone, at));
        return {
          campaign: c,
          candidates: open.length > 0 ? zonedDialCandidates(db, c.id, open, nowIso, room) : [],
        };
      })
      .filter((q) => q.candidates.length > 0)
      .sort((x, y) => (busy.get(x.campaign.id) ?? 0) - (busy.get(y.campaign.id) ?? 0));
    while (free > 0 && queues.some((q) => q.candidates.length > 0)) {
      for (const q of queues) {
        const next = q.candidates.shift();
        if (!next || free <= 0) continue;
        dial(
          orgId,
          q.campaign.id,
          next.id,
          JSON.parse(next.phone_numbers) as string[],
          next.attempt_count,
          at,
        );
        free--;
        if (free > 0 && full()) return true;
      }
    }
    return false;
  }

  /**
   * One tick's work, pausing (yield) whenever `full()`. After a pause everything is read
   * again, since requests ran meanwhile: a call may have gone with its contact, a campaign
   * may have paused, the limit may have dropped.
   */
  function* tickWork(full: () => boolean): Generator<void, void, void> {
    const at = now();
    const nowIso = at.toISOString();
    for (const org of orgsWithWork(db)) {
      for (
        let due = dueCalls(db, org.id, nowIso);
        due.length > 0;
        due = dueCalls(db, org.id, nowIso)
      ) {
        let i = 0;
        for (; i < due.length && !full(); i++)
          finish(due[i]!, due[i]!.planned_status, new Date(due[i]!.ends_at));
        if (i === due.length) break;
        yield;
      }
    }
    for (let due = dueEvaluations(db, nowIso); due.length > 0; due = dueEvaluations(db, nowIso)) {
      let i = 0;
      for (; i < due.length && !full(); i++) evaluated(due[i]!.id, due[i]!.conversation_id, at);
      if (i === due.length) break;
      yield;
    }
    for (const org of orgsWithWork(db)) {
      while (fillSlots(org.id, concurrencyLimit(db, org.id), at, full)) yield;
    }
  }

  /** A tick at once (tests, benchmarks): nothing runs in between, so seeds replay exactly. */
  function tick() {
    for (const _ of tickWork(never));
  }

  // The timer's ticks pause every SLICE_MS for other requests; one still running skips the next.
  let running = false;
  async function timedTick() {
    if (running) return;
    running = true;
    let sliceStart = performance.now();
    try {
      for (const _ of tickWork(() => performance.now() - sliceStart >= SLICE_MS)) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!timer) return; // stopped meanwhile (shutting down)
        sliceStart = performance.now();
      }
    } catch (error) {
      console.error('Dialer tick failed:', error);
    } finally {
      running = false;
    }
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
      timer = setInterval(() => void timedTick(), tickMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
