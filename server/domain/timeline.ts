// The timelines (ext): the rollups' minutes summed into buckets aligned to bucket_seconds since
// the epoch, every bucket present. Calls in flight carry over minutes no call started or ended
// in, up to now (a bucket that has not begun has none).
import {
  TIMELINE_MAX_BUCKETS,
  TIMELINE_MAX_SPAN_SECONDS,
  type CampaignTimeline,
  type Forecast,
  type OrgTimeline,
} from '../../contract/extensions.ts';
import {
  campaignInFlightBefore,
  campaignMinutes,
  finishedBetween,
  orgMinuteBefore,
  orgMinutes,
} from '../db/timeline.ts';
import type { ForecastRow } from '../db/campaigns.ts';
import { concurrencyLimit } from '../db/orgs.ts';
import type { Db } from '../db/schema.ts';
import { HttpError } from './errors.ts';
import { forecast, forecastRange, type MinuteSpan } from './forecast.ts';
import { isoSeconds } from '../db/time.ts';

const MINUTE = 60_000;
const DEFAULT_SPAN_MS = 6 * 3600_000;
// A client asking for "the last 7 days" computes `from` on its own clock and leaves `to` to
// ours: a few minutes of skew and latency are not worth a 422.
const SPAN_SLACK_MS = 5 * MINUTE;

/** Whole buckets covering the request: from and to in ms, aligned; bucket in ms. */
export type TimelineRange = { from: number; to: number; bucket: number };

const invalid = (field: string, msg: string, type: string) =>
  new HttpError(422, [{ loc: ['query', field], msg, type }]);

/** The buckets a (schema-checked) query asks for: defaults, limits and alignment. */
export function timelineRange(
  q: { from?: string; to?: string; bucket_seconds?: number },
  now: Date,
): TimelineRange {
  const bucket = (q.bucket_seconds ?? 60) * 1000;
  const to = q.to ? Date.parse(q.to) : now.getTime();
  const from = q.from ? Date.parse(q.from) : to - DEFAULT_SPAN_MS;
  if (from >= to) throw invalid('from', 'from must be before to', 'range_invalid');
  if (to - from > TIMELINE_MAX_SPAN_SECONDS * 1000 + SPAN_SLACK_MS) {
    throw invalid('from', 'A timeline covers at most 7 days', 'range_too_long');
  }
  const first = Math.floor(from / bucket) * bucket;
  const last = Math.ceil(to / bucket) * bucket;
  if ((last - first) / bucket > TIMELINE_MAX_BUCKETS) {
    throw invalid(
      'bucket_seconds',
      `At most ${TIMELINE_MAX_BUCKETS} buckets: choose a larger bucket_seconds or a shorter range`,
      'too_many_buckets',
    );
  }
  return { from: first, to: last, bucket };
}

const bucketStarts = (r: TimelineRange) =>
  Array.from({ length: (r.to - r.from) / r.bucket }, (_, i) => r.from + i * r.bucket);

export function campaignTimeline(
  db: Db,
  campaign: ForecastRow,
  r: TimelineRange,
  now: Date,
): CampaignTimeline {
  const rows = campaignMinutes(db, campaign.id, r.from / MINUTE, r.to / MINUTE);
  let inFlight = campaignInFlightBefore(db, campaign.id, r.from / MINUTE);
  let i = 0;
  const points = bucketStarts(r).map((start) => {
    const end = (start + r.bucket) / MINUTE;
    const point = {
      at: isoSeconds(new Date(start)),
      started: 0,
      ended: { completed: 0, no_answer: 0, busy: 0, voicemail: 0, failed: 0 },
      active_calls_max: start <= now.getTime() ? inFlight : 0,
    };
    for (; i < rows.length && rows[i]![0] < end; i++) {
      const [, started, completed, noAnswer, busy, voicemail, failed, max, last] = rows[i]!;
      point.started += started;
      point.ended.completed += completed;
      point.ended.no_answer += noAnswer;
      point.ended.busy += busy;
      point.ended.voicemail += voicemail;
      point.ended.failed += failed;
      if (max !== null) point.active_calls_max = Math.max(point.active_calls_max, max);
      if (last !== null) inFlight = last;
    }
    return point;
  });
  return {
    bucket_seconds: r.bucket / 1000,
    from: isoSeconds(new Date(r.from)),
    to: isoSeconds(new Date(r.to)),
    points,
    forecast: campaignForecast(db, campaign, now),
  };
}

export function campaignForecast(db: Db, c: ForecastRow, now: Date): Forecast {
  const campaign = {
    status: c.status,
    remaining: c.remaining,
    schedule: c.schedule,
    timezone: c.timezone,
  };
  const finishedIn = (spans: MinuteSpan[]) =>
    spans.reduce((n, s) => n + finishedBetween(db, c.id, s.from, s.to), 0);
  return {
    ...forecast(campaign, finishedIn, now),
    ended_calls: c.ended,
    finishes_range: forecastRange(campaign, finishedIn, now, c.ended),
  };
}

export function orgTimeline(db: Db, orgId: string, r: TimelineRange, now: Date): OrgTimeline {
  const rows = orgMinutes(db, orgId, r.from / MINUTE, r.to / MINUTE);
  const before = orgMinuteBefore(db, orgId, r.from / MINUTE);
  let inFlight = before?.active ?? 0;
  // Before the first change on record, the earliest limit known stood.
  let limit = before?.limit ?? rows[0]?.[3] ?? concurrencyLimit(db, orgId);
  let i = 0;
  const points = bucketStarts(r).map((start) => {
    const end = (start + r.bucket) / MINUTE;
    let max = start <= now.getTime() ? inFlight : 0;
    for (; i < rows.length && rows[i]![0] < end; i++) {
      max = Math.max(max, rows[i]![1]);
      inFlight = rows[i]![2];
      limit = rows[i]![3];
    }
    // The limit in force at the bucket's end.
    return { at: isoSeconds(new Date(start)), active_calls_max: max, concurrency_limit: limit };
  });
  return {
    bucket_seconds: r.bucket / 1000,
    from: isoSeconds(new Date(r.from)),
    to: isoSeconds(new Date(r.to)),
    points,
  };
}
