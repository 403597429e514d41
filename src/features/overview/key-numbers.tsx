import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Campaign, Stats } from '../../../contract/schemas';
import type { CampaignTimeline, Report } from '../../../contract/extensions';
import { contactsHref } from '../../lib/contact-filters';
import {
  formatMoney,
  formatNumber,
  formatPercent,
  shownZone,
  zoneAbbreviation,
} from '../../lib/format';
import { finishRange } from './forecast-text';

const HOUR = 3_600_000;

/** Calls ended and completed over the timeline's last hour; null when its buckets are coarser. */
function lastHour(timeline: CampaignTimeline | undefined, now: number) {
  if (!timeline || timeline.bucket_seconds > 300) return null;
  let ended = 0;
  let completed = 0;
  for (const p of timeline.points) {
    if (Date.parse(p.at) < now - HOUR) continue;
    const e = p.ended;
    ended += e.completed + e.no_answer + e.busy + e.voicemail + e.failed;
    completed += e.completed;
  }
  return { ended, completed };
}

function KeyNumber({
  name,
  value,
  detail,
  testId,
}: {
  name: string;
  value: ReactNode;
  detail: ReactNode;
  testId: string;
}) {
  return (
    <div
      data-testid={testId}
      className="min-w-0 rounded-md bg-slate-50 px-2 py-1.5 sm:px-3 sm:py-2"
    >
      <dt className="text-xs font-medium text-slate-600">{name}</dt>
      <dd className="truncate text-lg font-semibold tabular-nums sm:text-2xl">{value}</dd>
      <dd className="text-xs text-slate-700">{detail}</dd>
    </div>
  );
}

/**
 * Is it working, in the first screen (in this order, so a phone's first two rows hold the
 * rate, the goal, the lines and the finish): answer rate, goal conversions, progress, calls in
 * flight, the finish range and spend, each with its counts. Without the report and the
 * timeline (a contract-only server) it shows what the stats snapshot has, and nothing else.
 */
export function KeyNumbers({
  campaign,
  stats,
  report,
  timeline,
  timelineUpdatedAt,
  timeZone,
}: {
  campaign: Campaign;
  stats: Stats;
  report: Report | undefined;
  timeline: CampaignTimeline | undefined;
  timelineUpdatedAt: number;
  timeZone: string;
}) {
  const { contacts } = stats;
  const finished = contacts.completed + contacts.exhausted;
  const remaining = contacts.pending + contacts.in_progress;
  const cap = campaign.max_concurrent_calls ?? null;
  const hour = lastHour(timeline, timelineUpdatedAt);
  const byStatus = report?.attempts.by_status;
  const ended = byStatus
    ? byStatus.completed + byStatus.no_answer + byStatus.busy + byStatus.voicemail + byStatus.failed
    : 0;
  const goal = report?.goal ?? null;
  const cost = report?.cost ?? null;
  const finish = timeline
    ? finishRange(timeline.forecast, {
        status: stats.status,
        total: contacts.total,
        timeZone,
        now: timelineUpdatedAt,
      })
    : null;
  return (
    <section aria-labelledby="key-numbers-heading">
      <h2 id="key-numbers-heading" className="sr-only">
        Key numbers
      </h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-6">
        {report && (
          <KeyNumber
            testId="key-answer-rate"
            name="Answer rate"
            value={
              report.rates.answer_rate === null ? '—' : formatPercent(report.rates.answer_rate)
            }
            detail={
              <>
                {formatNumber(byStatus!.completed)} answered of {formatNumber(ended)} ended calls
                {hour && hour.ended > 0 && (
                  <span className="block">
                    Last hour: {formatPercent((hour.completed / hour.ended) * 100)} of{' '}
                    {formatNumber(hour.ended)}
                  </span>
                )}
              </>
            }
          />
        )}
        {goal && (
          <KeyNumber
            testId="key-conversions"
            name="Conversions"
            value={
              <Link
                to={contactsHref(campaign.id, { result: goal.results })}
                className="text-indigo-700 underline"
                title={`Contacts whose latest result is ${goal.results.join(' or ')}`}
              >
                {formatNumber(goal.conversions)}
              </Link>
            }
            detail={
              goal.conversion_rate === null
                ? 'No answered contacts yet'
                : goal.answered === undefined
                  ? `${formatPercent(goal.conversion_rate)} of answered contacts`
                  : `${formatPercent(goal.conversion_rate)} of ${formatNumber(goal.answered)} answered contacts`
            }
          />
        )}
        <KeyNumber
          testId="key-in-flight"
          name="Calls in flight"
          value={
            <>
              {formatNumber(contacts.in_progress)}
              {cap !== null && (
                <span className="text-base font-normal text-slate-600"> / {cap}</span>
              )}
            </>
          }
          detail={`${cap === null ? 'No campaign cap' : `Campaign cap ${cap}`} · org ${formatNumber(stats.active_calls)} of ${formatNumber(stats.concurrency_limit)}`}
        />
        {finish && (
          <KeyNumber
            testId="key-finish"
            name="Estimated finish"
            value={
              // A range wraps rather than lose its end to the box's ellipsis.
              <span className={finish.known ? 'whitespace-normal sm:text-xl' : 'text-base'}>
                {finish.text}
              </span>
            }
            detail={
              finish.known ? (
                <>
                  {/* The zone as every time names it: short, its full name on hover. */}
                  <span title={shownZone(timeZone)}>{zoneAbbreviation(finish.at!, timeZone)}</span>
                  <span className="sr-only"> ({shownZone(timeZone)})</span>
                  {finish.range && ', from the last 30 min and 3 h'}
                </>
              ) : (
                `${formatNumber(remaining)} contacts left`
              )
            }
          />
        )}
        <KeyNumber
          testId="key-progress"
          name="Finished contacts"
          value={formatNumber(finished)}
          detail={
            <>
              {formatNumber(contacts.completed)} completed, {formatNumber(remaining)} of{' '}
              {formatNumber(contacts.total)} remaining
              {/* A contact's completed call is its last: the timeline's count is its change.
                  Exhausted contacts are not told apart there, nor conversions or talk time
                  (spend), so those numbers carry no last-hour change. */}
              {hour && (
                <span className="block">Last hour: +{formatNumber(hour.completed)} completed</span>
              )}
            </>
          }
        />
        {cost && (
          <KeyNumber
            testId="key-spend"
            name="Spend so far"
            value={formatMoney(cost.total, cost.currency)}
            detail={
              <>
                {cost.per_completed_contact === null
                  ? 'No completed contact yet'
                  : `${formatMoney(cost.per_completed_contact, cost.currency)} per completed contact`}
                {cost.per_conversion !== null && (
                  <span className="block">
                    {formatMoney(cost.per_conversion, cost.currency)} per conversion
                  </span>
                )}
              </>
            }
          />
        )}
      </dl>
    </section>
  );
}
