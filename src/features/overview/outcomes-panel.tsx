import { Link } from 'react-router';
import type { Report } from '../../../contract/extensions';
import { OutcomesChart } from '../../components/charts/lazy-charts';
import { Panel } from '../../components/panel';
import { contactsHref } from '../../lib/contact-filters';
import { formatNumber } from '../../lib/format';
import { OUTCOMES } from '../../lib/outcomes';
import { compactHeadClass } from '../../components/data-table/table-classes';

const percentOf = (n: number, total: number) =>
  total === 0 ? '—' : `${Math.round((n / total) * 1000) / 10}%`;

/** Seed 002's call-status breakdown: how every ended call ended, and who is where. */
export function OutcomesPanel({ campaignId, report }: { campaignId: string; report: Report }) {
  const { attempts, contacts } = report;
  const ended = OUTCOMES.reduce((sum, o) => sum + attempts.by_status[o.key], 0);
  const neverCalled = contacts.total - contacts.reached;
  return (
    <Panel title="Call outcomes">
      <p className="mt-1 text-sm text-slate-700">
        {formatNumber(ended)} calls ended
        {attempts.in_progress > 0 && `, ${formatNumber(attempts.in_progress)} in progress`}.
      </p>
      <table className="mt-3 w-full text-sm">
        <caption className="sr-only">Ended calls by outcome</caption>
        <thead className={compactHeadClass}>
          <tr>
            <th scope="col" className="py-1 font-medium">
              Outcome
            </th>
            <th scope="col" className="py-1 pl-2 text-right font-medium">
              Calls
            </th>
            <th scope="col" className="py-1 pl-2 text-right font-medium">
              Share
            </th>
            <th scope="col" className="py-1 pl-3 font-medium">
              Last call<span className="sr-only"> of these contacts ended so</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {OUTCOMES.map((o) => (
            <tr key={o.key} className="border-t border-slate-100">
              <th scope="row" className="py-1 text-left font-normal">
                <span
                  aria-hidden="true"
                  className="mr-2 inline-block h-2 w-2 rounded-full"
                  style={{ background: o.color }}
                />
                {o.label}
              </th>
              <td className="py-1 pl-2 text-right tabular-nums">
                {formatNumber(attempts.by_status[o.key])}
              </td>
              <td className="py-1 pl-2 text-right text-slate-600 tabular-nums">
                {percentOf(attempts.by_status[o.key], ended)}
              </td>
              <td className="py-1 pl-3">
                <Link
                  to={contactsHref(campaignId, { last_status: [o.key] })}
                  className="text-indigo-700 underline"
                >
                  Show contacts <span className="sr-only">whose last call was {o.label}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-sm text-slate-700">
        <Link
          to={contactsHref(campaignId, { last_status: ['none'] })}
          className="text-indigo-700 underline"
        >
          Never called {formatNumber(neverCalled)}
        </Link>
      </p>
      {ended > 0 && (
        <div
          className="mt-3"
          role="img"
          aria-label="Bar chart of ended calls by outcome; the numbers are in the table above"
        >
          <OutcomesChart
            outcomes={OUTCOMES.map((o) => ({
              label: o.label,
              value: attempts.by_status[o.key],
              color: o.color,
            }))}
          />
        </div>
      )}
    </Panel>
  );
}
