import { useDeferredValue, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { CampaignConcurrencyInput, Plan } from '../../../contract/extensions';
import type { Campaign, CampaignUpdate } from '../../../contract/schemas';
import { useUpdateCampaign } from '../../api/campaigns';
import { ApiError } from '../../api/client';
import { planQueries } from '../../api/plans';
import { useExtension, usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { PlanChart } from '../../components/charts/lazy-charts';
import { ErrorState } from '../../components/error-state';
import { Field, inputClass } from '../../components/field';
import { Panel } from '../../components/panel';
import { formatMoney, formatNumber, shownZone } from '../../lib/format';
import { instantOf, wallClockIn } from '../../lib/zoned-time';
import { planSentence, planTime } from './plan-text';

/**
 * (ext) plan: how many lines finish the campaign by a deadline picked in its zone, the finish
 * at every line count as a chart, the cost to finish, and setting the cap to the answer.
 * The deadline is in the URL (`?deadline=`), so the answer is a link.
 */
export default function PlanPanel({
  campaign,
  timeZone,
  orgLimit,
  currency,
}: {
  campaign: Campaign;
  timeZone: string;
  orgLimit: number;
  /** The rate card's, from the campaign's configuration: the plan's cost has none of its own. */
  currency: string | null;
}) {
  const [params, setParams] = useSearchParams();
  const deadline = params.get('deadline');
  const [typed, setTyped] = useState(() =>
    deadline && !Number.isNaN(Date.parse(deadline))
      ? wallClockIn(Date.parse(deadline), timeZone)
      : '',
  );
  const [fieldError, setFieldError] = useState<string | null>(null);
  // An answer re-renders synchronously; the panel renders it in the background pass (see
  // OverviewTab), so the chart's first render is not one long task on a phone.
  const plan = useDeferredValue(useQuery(planQueries.campaign(campaign.id, deadline)));
  const zone = shownZone(timeZone);

  function submit(event: FormEvent) {
    event.preventDefault();
    const at = instantOf(typed, timeZone);
    if (at === null) return setFieldError('Pick a date and time');
    if (at <= Date.now()) return setFieldError('Pick a time in the future');
    setFieldError(null);
    const next = new URLSearchParams(params);
    next.set('deadline', new Date(at).toISOString().replace(/\.000Z$/, 'Z'));
    setParams(next, { replace: true });
  }

  // The server's own word on a deadline it refuses (a past one), at the field.
  const refused =
    plan.error instanceof ApiError && plan.error.status === 422
      ? (Object.values(plan.error.fieldErrors())[0] ?? plan.error.message)
      : null;

  return (
    <Panel title="Plan" className="lg:col-span-2">
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3">
        <div className="w-full sm:w-64">
          <Field
            label={`Deadline (${zone})`}
            error={fieldError ?? refused}
            hint="When every contact should be called"
          >
            <input
              type="datetime-local"
              className={inputClass}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
            />
          </Field>
        </div>
        <Button type="submit" variant="primary">
          Plan
        </Button>
      </form>
      {plan.data ? (
        <PlanAnswer
          campaign={campaign}
          plan={plan.data}
          timeZone={timeZone}
          orgLimit={orgLimit}
          currency={currency}
          now={plan.dataUpdatedAt}
        />
      ) : plan.isError && !refused ? (
        <ErrorState
          title="Could not load the plan"
          error={plan.error}
          onRetry={() => plan.refetch()}
        />
      ) : !plan.isError ? (
        <p className="mt-3 text-sm text-slate-600">Loading the plan…</p>
      ) : null}
    </Panel>
  );
}

function PlanAnswer({
  campaign,
  plan,
  timeZone,
  orgLimit,
  currency,
  now,
}: {
  campaign: Campaign;
  plan: Plan;
  timeZone: string;
  orgLimit: number;
  currency: string | null;
  now: number;
}) {
  const canCap = useExtension('campaign-concurrency');
  const manage = usePermission('campaigns:manage');
  const update = useUpdateCampaign(campaign.id);
  const [announced, setAnnounced] = useState('');
  const needed = plan.deadline?.lines_needed ?? null;
  const points = plan.at_lines.flatMap((a) =>
    a.finishes_at ? [{ lines: a.lines, at: Date.parse(a.finishes_at) }] : [],
  );
  const offerCap =
    canCap &&
    campaign.status !== 'closed' &&
    needed !== null &&
    needed > 0 &&
    needed !== campaign.max_concurrent_calls;

  function setCap(cap: number) {
    // The cap is an (ext) field beside the contract's update body.
    const body: CampaignUpdate & CampaignConcurrencyInput = { max_concurrent_calls: cap };
    update.mutate(body, { onSuccess: () => setAnnounced(`Cap set to ${cap}.`) });
  }

  return (
    <div className="mt-3 space-y-3">
      <p className="text-sm text-slate-800">{planSentence(plan, timeZone, now)}</p>
      {plan.attempts_per_line_hour !== null && (
        <p className="text-xs text-slate-600">
          {formatNumber(plan.remaining.contacts)} contacts left, about{' '}
          {formatNumber(Math.round(plan.remaining.attempts_expected ?? 0))} calls with retries, at{' '}
          {plan.attempts_per_line_hour} calls per line-hour ({plan.basis}).
        </p>
      )}
      {plan.cost_to_finish !== null && (
        <p className="text-sm text-slate-800">
          Cost to finish: <strong>{costText(plan.cost_to_finish, currency)}</strong>
        </p>
      )}
      {offerCap &&
        (plan.deadline!.within_org_limit && needed <= orgLimit ? (
          manage.allowed ? (
            <Button variant="secondary" disabled={update.isPending} onClick={() => setCap(needed)}>
              Set cap to {needed}
            </Button>
          ) : null
        ) : (
          <p className="text-sm text-amber-900">
            {needed} lines is more than the org limit of {formatNumber(orgLimit)}: raise the limit
            in Settings, or move the deadline.
          </p>
        ))}
      {update.isError && (
        <p className="text-sm text-red-800">Could not set the cap: {update.error.message}</p>
      )}
      <p role="status" className="text-sm text-slate-700">
        {announced}
      </p>
      {points.length > 1 && (
        <PlanChart
          points={points}
          deadline={plan.deadline ? Date.parse(plan.deadline.at) : null}
          formatAt={(at) => planTime(at, timeZone, now)}
        />
      )}
    </div>
  );
}

/** In the rate card's currency; the bare amount while the configuration has not said which. */
const costText = (amount: number, currency: string | null) =>
  currency ? formatMoney(amount, currency) : amount.toFixed(2);
