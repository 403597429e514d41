import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { Plan } from '../../../contract/extensions';
import type { Campaign } from '../../../contract/schemas';
import { campaignQueries } from '../../api/campaigns';
import { configurationQueries } from '../../api/configurations';
import { planQueries, useApplyCaps, type CapChange } from '../../api/plans';
import { useExtension, usePermission } from '../../api/session';
import { Button } from '../../components/button';
import {
  cellClass,
  headClass,
  phoneCardCellClass,
  phoneCellClass,
  phoneRowClass,
  phoneValueClass,
} from '../../components/data-table/table-classes';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/error-state';
import { inputClass } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { ZonedTime } from '../../components/zoned-time';
import { formatMoney, formatNumber, NOT_A_VALUE, shownZone } from '../../lib/format';
import { useViewerZone } from '../../lib/viewer-zone';
import { instantOf, wallClockIn } from '../../lib/zoned-time';
import { finishWith, linesFor, proposeCaps, todaysSplit, type SplitCampaign } from './split';

/** Deadlines live in the URL as `deadline=<campaign id>@<ISO instant>`, one per campaign. */
function useDeadlines(): [Map<string, number>, (id: string, at: number | null) => void] {
  const [params, setParams] = useSearchParams();
  const deadlines = useMemo(() => {
    const out = new Map<string, number>();
    for (const value of params.getAll('deadline')) {
      const at = value.indexOf('@');
      const ms = Date.parse(value.slice(at + 1));
      if (at > 0 && !Number.isNaN(ms)) out.set(value.slice(0, at), ms);
    }
    return out;
  }, [params]);
  const set = (id: string, at: number | null) => {
    const next = new URLSearchParams(params);
    next.delete('deadline');
    const all = new Map(deadlines);
    if (at === null) all.delete(id);
    else all.set(id, at);
    for (const [key, ms] of all) next.append('deadline', `${key}@${new Date(ms).toISOString()}`);
    setParams(next, { replace: true });
  };
  return [deadlines, set];
}

/** (ext) plan: every active campaign, the lines its deadline needs, and caps that meet the most. */
export function PlanPage() {
  const hasPlan = useExtension('plan');
  const plans = useQuery({ ...planQueries.org(), enabled: hasPlan });
  const campaigns = useQuery({ ...campaignQueries.everything(), enabled: hasPlan });
  const configurations = useQuery({ ...configurationQueries.list(), enabled: hasPlan });
  const [deadlines, setDeadline] = useDeadlines();
  const viewer = useViewerZone();

  let body;
  if (!hasPlan) {
    body = <p className="text-slate-700">This server does not offer planning.</p>;
  } else if (plans.isError || campaigns.isError) {
    const failed = plans.isError ? plans : campaigns;
    body = (
      <ErrorState
        title="Could not load the plan"
        error={failed.error}
        onRetry={() => failed.refetch()}
      />
    );
  } else if (!plans.data || !campaigns.data) {
    body = <p className="text-slate-500">Loading the plan…</p>;
  } else {
    const byId = new Map(campaigns.data.map((c) => [c.id, c]));
    const configs = new Map((configurations.data ?? []).map((c) => [c.id, c]));
    const rows = plans.data.campaigns.flatMap((plan) => {
      const campaign = byId.get(plan.campaign_id);
      if (!campaign) return [];
      const config = campaign.configuration_id ? configs.get(campaign.configuration_id) : null;
      return [
        {
          campaign,
          plan,
          zone: config?.timezone || viewer,
          currency: config?.rate_card?.currency ?? null,
          deadline: deadlines.get(campaign.id) ?? null,
        },
      ];
    });
    body = <PlanTable rows={rows} limit={plans.data.concurrency_limit} onDeadline={setDeadline} />;
  }
  return (
    <div className="space-y-6">
      <PageHeading title={['Plan']}>Plan</PageHeading>
      {body}
    </div>
  );
}

type Row = {
  campaign: Campaign;
  plan: Plan;
  zone: string;
  /** The rate card's, from the campaign's configuration: the plan's cost has none of its own. */
  currency: string | null;
  deadline: number | null;
};

function PlanTable({
  rows,
  limit,
  onDeadline,
}: {
  rows: Row[];
  limit: number;
  onDeadline: (id: string, at: number | null) => void;
}) {
  const split: SplitCampaign[] = rows.map((r) => ({
    id: r.campaign.id,
    cap: r.campaign.max_concurrent_calls ?? null,
    plan: r.plan,
    deadline: r.deadline,
  }));
  const today = todaysSplit(split, limit);
  const proposed = proposeCaps(split, limit);
  const needs = rows.map((r) => (r.deadline === null ? null : linesFor(r.plan, r.deadline)));
  const needed = needs.reduce<number>((n, need) => n + (need ?? 0), 0);
  const changes: (CapChange & { name: string; from: number | null })[] = rows.flatMap((r) => {
    const cap = proposed.get(r.campaign.id)!;
    const from = r.campaign.max_concurrent_calls ?? null;
    return cap === from ? [] : [{ campaignId: r.campaign.id, cap, name: r.campaign.name, from }];
  });
  const met = rows.filter((r) => {
    if (r.deadline === null) return false;
    const at = finishWith(r.plan, proposed.get(r.campaign.id)!);
    return at !== null && at <= r.deadline;
  }).length;
  const withDeadline = rows.filter((r) => r.deadline !== null).length;
  const priced = rows.some((r) => r.plan.cost_to_finish !== null);

  if (rows.length === 0) return <p className="text-slate-700">No campaign is active.</p>;
  return (
    <>
      <p className="text-sm text-slate-800">
        Deadlines need {formatNumber(needed)} lines in all against the org limit of{' '}
        {formatNumber(limit)}
        {withDeadline > 0 && (
          <>
            ; the proposed caps meet {met} of {withDeadline} deadlines
          </>
        )}
        .
      </p>
      {/* Below 640 px each campaign is a card of labelled lines, as in every data table. */}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm max-sm:block">
          <caption className="sr-only">Active campaigns and their deadlines</caption>
          <thead className={`${headClass} max-sm:hidden`}>
            <tr>
              <th className={cellClass}>Campaign</th>
              <th className={cellClass}>Deadline</th>
              <th className={cellClass}>Lines needed</th>
              <th className={cellClass}>At today&apos;s split</th>
              <th className={cellClass}>Proposed cap</th>
              {priced && <th className={cellClass}>Cost to finish</th>}
            </tr>
          </thead>
          <tbody className="max-sm:block max-sm:divide-y max-sm:divide-slate-100">
            {rows.map((r, i) => (
              <PlanRow
                key={r.campaign.id}
                row={r}
                need={needs[i]!}
                limit={limit}
                share={today.get(r.campaign.id)!}
                proposed={proposed.get(r.campaign.id)!}
                priced={priced}
                onDeadline={onDeadline}
              />
            ))}
          </tbody>
        </table>
      </div>
      <ApplyCaps changes={changes} />
    </>
  );
}

function PlanRow({
  row,
  need,
  limit,
  share,
  proposed,
  priced,
  onDeadline,
}: {
  row: Row;
  need: number | null;
  limit: number;
  share: number;
  proposed: number;
  priced: boolean;
  onDeadline: (id: string, at: number | null) => void;
}) {
  const { campaign, plan, zone, currency, deadline } = row;
  const cost = plan.cost_to_finish;
  const [typed, setTyped] = useState(() => (deadline ? wallClockIn(deadline, zone) : ''));
  const [error, setError] = useState<string | null>(null);
  const finish = finishWith(plan, share);
  const misses = deadline !== null && (finish === null || finish > deadline);
  const errorId = `deadline-error-${campaign.id}`;

  function commit(text: string) {
    if (text === '') {
      setError(null);
      return onDeadline(campaign.id, null);
    }
    const at = instantOf(text, zone);
    if (at === null) return setError('Pick a date and time');
    if (at <= Date.now()) return setError('Pick a time in the future');
    setError(null);
    onDeadline(campaign.id, at);
  }

  const phoneCell = `${phoneCardCellClass} ${phoneCellClass}`;
  return (
    <tr className={`border-t border-slate-100 align-top max-sm:border-t-0 ${phoneRowClass}`}>
      <th scope="row" className={`${cellClass} text-left font-medium max-sm:w-full max-sm:px-0`}>
        <Link
          to={`/campaigns/${encodeURIComponent(campaign.external_id ?? campaign.id)}`}
          className="text-indigo-800 underline"
        >
          {campaign.name}
        </Link>
      </th>
      <td className={`${cellClass} max-sm:w-full max-sm:px-0`}>
        <span aria-hidden="true" className="hidden text-xs font-medium text-slate-600 max-sm:block">
          Deadline ({shownZone(zone)})
        </span>
        <input
          type="datetime-local"
          aria-label={`Deadline for ${campaign.name} (${shownZone(zone)})`}
          className={`${inputClass} mt-0 min-w-44`}
          value={typed}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={(e) => commit(e.target.value)}
        />
        {error && (
          <p id={errorId} className="mt-1 text-red-800">
            {error}
          </p>
        )}
      </td>
      <td className={phoneCell} data-label="Lines needed">
        <div className={phoneValueClass}>
          {plan.attempts_per_line_hour === null
            ? plan.basis
            : deadline === null
              ? '—'
              : need === null
                ? `More than ${formatNumber(limit)}`
                : formatNumber(need)}
        </div>
      </td>
      <td className={phoneCell} data-label="At today's split">
        <div className={phoneValueClass}>
          {formatNumber(share)} lines
          {finish !== null && (
            <span className="block text-slate-600">
              finish <ZonedTime at={finish} zone={zone} style="date-clock" />
            </span>
          )}
          {misses && <strong className="block text-red-800">Would miss the deadline</strong>}
        </div>
      </td>
      <td className={phoneCell} data-label="Proposed cap">
        <div className={phoneValueClass}>
          {formatNumber(proposed)}
          {(campaign.max_concurrent_calls ?? null) !== proposed && (
            <span className="block text-slate-600">
              now {campaign.max_concurrent_calls ?? 'no cap'}
            </span>
          )}
        </div>
      </td>
      {priced && (
        <td className={phoneCell} data-label="Cost to finish">
          <div className={phoneValueClass}>
            {cost === null ? NOT_A_VALUE : currency ? formatMoney(cost, currency) : cost.toFixed(2)}
          </div>
        </td>
      )}
    </tr>
  );
}

function ApplyCaps({
  changes,
}: {
  changes: (CapChange & { name: string; from: number | null })[];
}) {
  const manage = usePermission('campaigns:manage');
  const canCap = useExtension('campaign-concurrency');
  const apply = useApplyCaps();
  const [open, setOpen] = useState(false);
  const [announced, setAnnounced] = useState('');
  if (!manage.allowed || !canCap) return null;
  return (
    <div className="space-y-2">
      {changes.length === 0 ? (
        <p className="text-sm text-slate-700">The caps already match the proposal.</p>
      ) : (
        <Dialog
          open={open}
          onOpenChange={setOpen}
          title="Apply the proposed caps"
          description={`${changes.length} campaign caps change, one activity entry each.`}
          trigger={<Button variant="primary">Apply proposed caps</Button>}
        >
          <ul className="mt-4 space-y-1 text-sm">
            {changes.map((c) => (
              <li key={c.campaignId}>
                {c.name}: {c.from ?? 'no cap'} → {c.cap}
              </li>
            ))}
          </ul>
          {apply.isError && (
            <p className="mt-3 text-sm text-red-800">
              Could not apply every cap: {apply.error.message}
            </p>
          )}
          <div className="mt-6 flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button
              variant="primary"
              disabled={apply.isPending}
              onClick={() =>
                apply.mutate(changes, {
                  onSuccess: () => {
                    setOpen(false);
                    setAnnounced(`Caps set for ${changes.length} campaigns.`);
                  },
                })
              }
            >
              Apply {changes.length} changes
            </Button>
          </div>
        </Dialog>
      )}
      <p role="status" className="text-sm text-slate-700">
        {announced}
      </p>
    </div>
  );
}
