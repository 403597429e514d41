import { Link } from 'react-router';
import type { Report } from '../../../contract/extensions';
import { Panel } from '../../components/panel';
import { contactsHref } from '../../lib/contact-filters';
import { formatNumber } from '../../lib/format';
import { compactHeadClass } from '../../components/data-table/table-classes';

/** What each retry adds: ended and completed calls by their place in a contact's history. */
export function AttemptNumbersPanel({
  campaignId,
  report,
}: {
  campaignId: string;
  report: Report;
}) {
  const rows = report.by_attempt_number;
  return (
    <Panel title="What each attempt adds">
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No call has ended yet.</p>
      ) : (
        <table className="mt-3 w-full text-sm">
          <caption className="sr-only">Ended and completed calls by attempt number</caption>
          <thead className={compactHeadClass}>
            <tr>
              <th scope="col" className="py-1 font-medium">
                Attempt
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Ended
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Completed
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Answered
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.attempt} className="border-t border-slate-100">
                <th scope="row" className="py-1 text-left font-normal">
                  {row.attempt === 1 ? 'First call' : `Attempt ${row.attempt}`}
                </th>
                <td className="py-1 text-right tabular-nums">{formatNumber(row.ended)}</td>
                <td className="py-1 text-right tabular-nums">
                  <Link
                    to={contactsHref(campaignId, {
                      attempts: [row.attempt],
                      last_status: ['completed'],
                    })}
                    className="text-indigo-700 underline"
                    aria-label={`Attempt ${row.attempt} completed ${formatNumber(row.completed)}: show the contacts completed on attempt ${row.attempt}`}
                  >
                    {formatNumber(row.completed)}
                  </Link>
                </td>
                <td className="py-1 text-right text-slate-600 tabular-nums">
                  {row.ended === 0 ? '—' : `${Math.round((row.completed / row.ended) * 100)}%`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
