import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import {
  ALERT_EVALUATION_SECONDS,
  DELIVERY_BACKOFF_SECONDS,
  DELIVERY_TIMEOUT_MS,
  type AlertDelivery,
  type AlertPayload,
} from '../../contract/alerts.ts';
import {
  dueDeliveries,
  hostOf,
  recordTry,
  ruleChannels,
  type QueuedDelivery,
  type StoredChannel,
  type StoredRule,
} from '../db/alerts.ts';
import type { Db } from '../db/schema.ts';
import { evaluateAlerts, type EvaluationResult } from './alert-evaluation.ts';
import { checkTarget, resolveWithDns, type Address, type Resolve } from './webhook-target.ts';

// Evaluation every 15 s and delivery of what it queued: each delivery is a row of
// alert_deliveries (the journal), tried at once, then after 1, 4, 16, 64 and 256 s until a
// 2xx, then failed. A restart finds the rows still pending or retrying and carries on.
// Errors recorded and logged name the status or the network error's code, never a URL (a
// Slack URL is a credential) nor a secret.

export type SendRequest = {
  url: URL;
  /** The address the target check passed: the connection goes there and nowhere else. */
  address: Address;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
};
/** Posts once; resolves with the status code, rejects on a network error or the timeout. */
export type Send = (request: SendRequest) => Promise<number>;

class TimeoutError extends Error {
  code = 'TIMEOUT';
}

export const sendWithNode: Send = ({ url, address, body, headers, timeoutMs }) =>
  new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
        // Pinned to the checked address; TLS still verifies the certificate for the host name.
        lookup: (_host, options, callback) => {
          if ((options as { all?: boolean }).all)
            (callback as (e: null, a: Address[]) => void)(null, [address]);
          else callback(null, address.address, address.family);
        },
      },
      (response) => {
        clearTimeout(timer);
        response.resume(); // the answer's body is not read
        resolve(response.statusCode ?? 0);
      },
    );
    const timer = setTimeout(() => request.destroy(new TimeoutError('timeout')), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });

export const sign = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

const SLACK_PREFIX = {
  firing: ':rotating_light:',
  resolved: ':white_check_mark: Resolved:',
  test: ':wave: Test:',
};

export type AlertsOptions = {
  db: Db;
  now: () => Date;
  /** WEBHOOK_ALLOW_PRIVATE=on: private and loopback targets (http to loopback) allowed. */
  allowPrivate: boolean;
  resolve?: Resolve;
  send?: Send;
  timeoutMs?: number;
};

export type Alerts = ReturnType<typeof createAlerts>;

export function createAlerts({
  db,
  now,
  allowPrivate,
  resolve = resolveWithDns,
  send = sendWithNode,
  timeoutMs = DELIVERY_TIMEOUT_MS,
}: AlertsOptions) {
  const inFlight = new Set<number>();
  let timers: ReturnType<typeof setInterval>[] = [];

  /** One try to one channel: null when delivered, else what went wrong. */
  async function tryOnce(channel: StoredChannel, eventId: string, payload: string) {
    const target = await checkTarget(channel.url, allowPrivate, resolve);
    if (!target.ok) return target.problem;
    const parsed = JSON.parse(payload) as AlertPayload;
    const body =
      channel.type === 'slack'
        ? JSON.stringify({ text: `${SLACK_PREFIX[parsed.state]} ${parsed.message}` })
        : payload;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'Headroom-Alerts/1',
      'X-Headroom-Event': eventId,
    };
    if (channel.type === 'webhook') headers['X-Headroom-Signature'] = sign(channel.secret, body);
    try {
      const status = await send({
        url: target.url,
        address: target.address,
        body,
        headers,
        timeoutMs,
      });
      return status >= 200 && status < 300 ? null : `HTTP ${status}`;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'TIMEOUT') return `No answer within ${timeoutMs / 1000} s`;
      return `Could not connect${typeof code === 'string' ? ` (${code})` : ''}`;
    }
  }

  async function deliver(d: QueuedDelivery) {
    inFlight.add(d.seq);
    try {
      const channel = ruleChannels(db, d.rule_id)?.[d.channel_index];
      const error = channel
        ? await tryOnce(channel, d.event_id, d.payload)
        : 'The channel was removed';
      const attempts = d.attempts + 1;
      const at = now();
      const wait = DELIVERY_BACKOFF_SECONDS[attempts - 1];
      const status =
        error === null ? 'delivered' : channel && wait !== undefined ? 'retrying' : 'failed';
      recordTry(db, d.seq, {
        status,
        attempts,
        error,
        at: at.toISOString(),
        nextAt: status === 'retrying' ? new Date(at.getTime() + wait! * 1000).toISOString() : null,
      });
    } finally {
      inFlight.delete(d.seq);
    }
  }

  /** Sends every delivery whose turn has come (not one already on its way). */
  async function deliverDue(): Promise<number> {
    const due = dueDeliveries(db, now().toISOString()).filter((d) => !inFlight.has(d.seq));
    await Promise.all(due.map(deliver));
    return due.length;
  }

  const deliverDueLogged = () =>
    deliverDue().catch((error: unknown) => console.error('Alert delivery failed:', error));

  function evaluate(): EvaluationResult {
    return evaluateAlerts(db, now());
  }

  /** Send test: one try per channel, answered as deliveries; nothing stored or retried. */
  async function test(rule: StoredRule): Promise<AlertDelivery[]> {
    const at = now().toISOString();
    const id = randomUUID();
    const payload: AlertPayload = {
      id,
      rule: { id: rule.id, name: rule.name },
      campaign: null,
      state: 'test',
      message: `Test of the alert rule "${rule.name}" from Headroom`,
      value: null,
      threshold: null,
      at,
    };
    const body = JSON.stringify(payload);
    return Promise.all(
      rule.channels.map(async (channel) => {
        const error = await tryOnce(channel, id, body);
        return {
          channel: { type: channel.type, host: hostOf(channel.url) },
          state: 'test' as const,
          status: error === null ? ('delivered' as const) : ('failed' as const),
          attempts: 1,
          last_error: error,
          last_attempt_at: at,
        };
      }),
    );
  }

  return {
    evaluate,
    deliverDue,
    test,
    allowPrivate,
    resolve,
    /** Evaluates every 15 s and looks for due deliveries every second; resumes the journal at once. */
    start() {
      if (timers.length) return;
      const tick = () => {
        try {
          evaluate();
        } catch (error) {
          console.error('Alert evaluation failed:', error);
        }
        void deliverDueLogged();
      };
      timers = [
        setInterval(tick, ALERT_EVALUATION_SECONDS * 1000),
        setInterval(() => void deliverDueLogged(), 1000),
      ];
      for (const t of timers) t.unref();
      void deliverDueLogged();
    },
    stop() {
      for (const t of timers) clearInterval(t);
      timers = [];
    },
  };
}
