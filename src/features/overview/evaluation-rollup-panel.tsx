import { Link } from 'react-router';
import type { ResultSummary } from '../../../contract/extensions';
import { Panel } from '../../components/panel';
import { humanize } from '../../lib/humanize';
import { contactsHref } from '../../lib/contact-filters';
import { formatNumber } from '../../lib/format';
import { groupByMetric, splitResultKey } from '../../lib/result-keys';

const share = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 100));

function ValueLink({
  campaignId,
  summary,
  value,
  label,
  count,
}: {
  campaignId: string;
  summary: ResultSummary;
  value: string;
  label: string;
  count: number;
}) {
  const criterion = humanize(splitResultKey(summary.key)[1]);
  return (
    <Link
      to={contactsHref(campaignId, { result: [`${summary.key}:${value}`] })}
      className="text-indigo-700 underline"
      aria-label={`${criterion}: ${label} ${formatNumber(count)}`}
    >
      {label} {formatNumber(count)}
    </Link>
  );
}

function Criterion({ campaignId, summary }: { campaignId: string; summary: ResultSummary }) {
  const name = humanize(splitResultKey(summary.key)[1]);
  if (summary.type === 'boolean') {
    const yes = share(summary.true, summary.count);
    return (
      <li>
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
          <span className="font-medium">{name}</span>
          <span className="flex gap-3">
            <ValueLink
              campaignId={campaignId}
              summary={summary}
              value="true"
              label="Yes"
              count={summary.true}
            />
            <ValueLink
              campaignId={campaignId}
              summary={summary}
              value="false"
              label="No"
              count={summary.false}
            />
          </span>
        </div>
        <div
          role="img"
          aria-label={`${name}: ${yes}% yes`}
          className="mt-1 flex h-2.5 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="bg-emerald-600" style={{ width: `${yes}%` }} />
        </div>
      </li>
    );
  }
  if (summary.type === 'number') {
    const fmt = (n: number | null) => (n === null ? '—' : formatNumber(Math.round(n * 10) / 10));
    return (
      <li className="text-sm">
        <span className="font-medium">{name}</span>{' '}
        <span className="text-slate-700">
          mean <strong className="tabular-nums">{fmt(summary.mean)}</strong>, from{' '}
          <span className="tabular-nums">{fmt(summary.min)}</span> to{' '}
          <span className="tabular-nums">{fmt(summary.max)}</span> ({formatCount(summary.count)})
        </span>
      </li>
    );
  }
  return (
    <li className="text-sm">
      <span className="font-medium">{name}</span>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {summary.values.map((v) => (
          <li key={v.value}>
            <ValueLink
              campaignId={campaignId}
              summary={summary}
              value={v.value}
              label={humanize(v.value)}
              count={v.count}
            />{' '}
            <span className="text-slate-600">({share(v.count, summary.count)}%)</span>
          </li>
        ))}
      </ul>
    </li>
  );
}

const formatCount = (n: number) => `${formatNumber(n)} ${n === 1 ? 'contact' : 'contacts'}`;

/** The AI evaluations across the campaign: each contact's latest result per criterion. */
export function EvaluationRollupPanel({
  campaignId,
  results,
}: {
  campaignId: string;
  results: ResultSummary[];
}) {
  return (
    <Panel title="Evaluation results" className="lg:col-span-2">
      {results.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">
          No evaluation results yet: they arrive shortly after completed calls.
        </p>
      ) : (
        <div className="mt-3 grid gap-5 md:grid-cols-2">
          {groupByMetric(results, (r) => r.key).map(([metric, summaries]) => (
            <section key={metric} aria-label={humanize(metric)}>
              <h3 className="text-sm font-semibold text-slate-800">{humanize(metric)}</h3>
              <ul className="mt-2 space-y-3">
                {summaries.map((s) => (
                  <Criterion key={s.key} campaignId={campaignId} summary={s} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </Panel>
  );
}
