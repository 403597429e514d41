import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Report } from '../../../contract/extensions';
import { Panel } from '../../components/panel';
import { contactsHref } from '../../lib/contact-filters';
import { ZonedTime } from '../../components/zoned-time';
import { formatDuration, formatMoney, formatNumber, formatPercent } from '../../lib/format';

function Rate({
  name,
  value,
  counts,
  definition,
}: {
  name: string;
  value: number | null;
  /** The numerator and denominator, in words: "1,316 of 2,902 ended calls". */
  counts: ReactNode;
  definition: string;
}) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{name}</dt>
      <dd className="text-2xl font-semibold tabular-nums">
        {value === null ? 'Not known yet' : formatPercent(value)}
      </dd>
      <dd className="text-xs text-slate-700">{counts}</dd>
      <dd>
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer py-1 text-indigo-700">
            How is the {name.toLowerCase()} counted?
          </summary>
          <p className="mt-1">{definition}</p>
        </details>
      </dd>
    </div>
  );
}

/**
 * Is the campaign working: each rate named for what it counts, with its counts on screen, the
 * goal's conversions (with the converted contacts a click away) and what it cost.
 */
export function RatesPanel({ campaignId, report }: { campaignId: string; report: Report }) {
  const { rates, talk_time, contacts, attempts, goal, cost } = report;
  const by = attempts.by_status;
  const ended = by.completed + by.no_answer + by.busy + by.voicemail + by.failed;
  const finished = contacts.completed + contacts.exhausted;
  const open = contacts.total - finished;
  return (
    <Panel title="Rates and talk time">
      <dl className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Rate
          name="Answer rate"
          value={rates.answer_rate}
          counts={`${formatNumber(by.completed)} answered of ${formatNumber(ended)} ended calls`}
          definition="Completed calls out of every ended call (any outcome but in progress)."
        />
        <Rate
          name="Success rate of finished contacts"
          value={rates.success_rate}
          counts={
            finished === 0
              ? `No contact is finished yet (${formatNumber(open)} still open)`
              : `${formatNumber(contacts.completed)} completed of ${formatNumber(finished)} finished contacts${open > 0 ? `; ${formatNumber(open)} not finished yet` : ''}`
          }
          definition="Completed contacts out of the contacts that are finished (completed or exhausted). Contacts still being called are not counted until they finish."
        />
        <Rate
          name="Dialled rate"
          value={rates.reach_rate}
          counts={`${formatNumber(contacts.reached)} of ${formatNumber(contacts.total)} contacts had an ended call`}
          definition="Contacts with at least one ended call, whatever its outcome, out of all contacts. It says how much of the list was dialled, not how many answered."
        />
        {goal && (
          <Rate
            name="Goal conversion rate"
            value={goal.conversion_rate}
            counts={
              <Link
                to={contactsHref(campaignId, { result: goal.results })}
                // Its own line of at least 24 px, apart from the summary under it (target size).
                className="inline-block py-1 text-indigo-700 underline"
              >
                {formatNumber(goal.conversions)} converted
                {goal.answered === undefined
                  ? ''
                  : ` of ${formatNumber(goal.answered)} answered contacts`}
              </Link>
            }
            definition={`Contacts whose latest result is ${goal.results.join(' or ')}, out of the contacts with at least one completed call.`}
          />
        )}
      </dl>
      {cost && (
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-xs text-slate-600">Spend</dt>
            <dd className="tabular-nums">{formatMoney(cost.total, cost.currency)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">Per completed contact</dt>
            <dd className="tabular-nums">
              {cost.per_completed_contact === null
                ? 'None completed yet'
                : formatMoney(cost.per_completed_contact, cost.currency)}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">Per conversion</dt>
            <dd className="tabular-nums">
              {cost.per_conversion === null
                ? goal
                  ? 'No conversion yet'
                  : 'No goal set'
                : formatMoney(cost.per_conversion, cost.currency)}
            </dd>
          </div>
        </dl>
      )}
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm">
        <div>
          <dt className="text-xs text-slate-600">Talk time</dt>
          <dd className="tabular-nums">{formatDuration(talk_time.total_seconds)} in all</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Average completed call</dt>
          <dd className="tabular-nums">
            {talk_time.average_seconds === null ? '—' : formatDuration(talk_time.average_seconds)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">First call</dt>
          <dd>
            {report.started_at ? <ZonedTime at={report.started_at} style="date-time" /> : 'Not yet'}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-600">Finished</dt>
          <dd>
            {report.completed_at ? (
              <ZonedTime at={report.completed_at} style="date-time" />
            ) : (
              'Not yet'
            )}
          </dd>
        </div>
      </dl>
      <p className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link to={contactsHref(campaignId, {}, 'completed')} className="text-indigo-700 underline">
          Completed {formatNumber(contacts.completed)}
        </Link>
        <Link to={contactsHref(campaignId, {}, 'exhausted')} className="text-indigo-700 underline">
          Exhausted {formatNumber(contacts.exhausted)}
        </Link>
        <span className="text-slate-700">
          Reached {formatNumber(contacts.reached)} of {formatNumber(contacts.total)}
        </span>
      </p>
    </Panel>
  );
}
