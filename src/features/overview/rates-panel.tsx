import { Link } from 'react-router';
import type { Report } from '../../../contract/extensions';
import { Panel } from '../../components/panel';
import { contactsHref } from '../../lib/contact-filters';
import { ZonedTime } from '../../components/zoned-time';
import { formatDuration, formatNumber } from '../../lib/format';

const rate = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)}%`);

function Rate({
  name,
  value,
  definition,
}: {
  name: string;
  value: number | null;
  definition: string;
}) {
  return (
    <div>
      <dt className="text-xs text-slate-600">{name}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{rate(value)}</dd>
      <dd>
        <details className="text-xs text-slate-600">
          <summary className="cursor-pointer text-indigo-700">
            How is the {name.toLowerCase()} counted?
          </summary>
          <p className="mt-1">{definition}</p>
        </details>
      </dd>
    </div>
  );
}

/** Is the campaign working: answer, success and reach rates, talk time, when it ran. */
export function RatesPanel({ campaignId, report }: { campaignId: string; report: Report }) {
  const { rates, talk_time, contacts } = report;
  return (
    <Panel title="Rates and talk time">
      <dl className="mt-3 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Rate
          name="Answer rate"
          value={rates.answer_rate}
          definition="Completed calls out of every ended call (any outcome but in progress)."
        />
        <Rate
          name="Success rate"
          value={rates.success_rate}
          definition="Completed contacts out of the contacts that are finished (completed or exhausted)."
        />
        <Rate
          name="Reach rate"
          value={rates.reach_rate}
          definition="Contacts with at least one ended call out of all contacts."
        />
      </dl>
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
