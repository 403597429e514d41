import { useState, type FormEvent } from 'react';
import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { campaignQueries } from '../../api/campaigns';
import { statsBatchQueries } from '../../api/stats-batch';
import { ApiError } from '../../api/client';
import {
  concurrencyQueries,
  POLL_INTERVAL_MS,
  useUpdateConcurrencyLimit,
} from '../../api/concurrency';
import { CONCURRENCY_LIMIT } from '../../../contract/schemas';
import { useExtension, usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/error-state';
import { Field, inputClass } from '../../components/field';
import { Panel } from '../../components/panel';
import { UsageBar } from '../../components/usage-bar';
import { showErrors } from '../../lib/show-errors';
import { ACTIVE_CAMPAIGNS } from './prefetch-settings';
import { compactHeadClass } from '../../components/data-table/table-classes';

/**
 * Each campaign's calls in flight (its contacts in progress), polled every 5 s while the tab
 * is visible (refetchIntervalInBackground stays false): one request for all of them where the
 * server offers stats-batch, else one stats request per campaign.
 */
function useCallsInFlight(ids: string[]): Map<string, number> {
  const batched = useExtension('stats-batch');
  const batch = useQuery({
    ...statsBatchQueries.campaigns(ids),
    enabled: batched && ids.length > 0,
    refetchInterval: POLL_INTERVAL_MS,
  });
  const single = useQueries({
    queries: batched
      ? []
      : ids.map((id) => ({ ...campaignQueries.stats(id), refetchInterval: POLL_INTERVAL_MS })),
  });
  const answers = batched ? (batch.data?.stats ?? []) : single.map((q) => q.data);
  return new Map(answers.flatMap((s) => (s ? [[s.campaign_id, s.contacts.in_progress]] : [])));
}

function ActiveCampaigns() {
  const campaigns = useInfiniteQuery(campaignQueries.list(ACTIVE_CAMPAIGNS));
  // One page of at most 200: within what one stats-batch request may name.
  const active = campaigns.data?.pages[0]?.campaigns ?? [];
  const inFlight = useCallsInFlight(active.map((c) => c.id));
  const capsOffered = useExtension('campaign-concurrency');
  if (campaigns.isPending)
    return <p className="text-sm text-slate-600">Loading active campaigns…</p>;
  if (campaigns.isError && !campaigns.data)
    return (
      <div className="mt-3">
        <ErrorState
          title="Could not load the active campaigns"
          error={campaigns.error}
          onRetry={() => campaigns.refetch()}
        />
      </div>
    );
  if (active.length === 0) return <p className="text-sm text-slate-600">No campaign is active.</p>;
  return (
    <table className="mt-3 w-full max-w-xl text-sm">
      <caption className="sr-only">Active campaigns and their calls in flight</caption>
      <thead className={`${compactHeadClass} uppercase`}>
        <tr>
          <th scope="col" className="py-1 pr-4">
            Active campaign
          </th>
          <th scope="col" className="py-1">
            Calls in flight
          </th>
        </tr>
      </thead>
      <tbody>
        {active.map((c) => (
          <tr key={c.id}>
            <td className="py-1 pr-4">
              <Link to={`/campaigns/${c.id}`} className="text-indigo-700 hover:underline">
                {c.name}
              </Link>
            </td>
            <td className="py-1 tabular-nums">
              {inFlight.get(c.id) ?? '…'}
              {capsOffered && (
                <span className="text-slate-600">
                  {c.max_concurrent_calls == null ? ', no cap' : ` / ${c.max_concurrent_calls} cap`}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LimitForm({ current, activeCalls }: { current: number; activeCalls: number }) {
  const [value, setValue] = useState(String(current));
  // A new limit from the server (ours saved, or someone else's) replaces the field's value
  // unless the user has typed another; the form stays mounted, keeping focus and "Saved.".
  const [base, setBase] = useState(current);
  if (current !== base) {
    setBase(current);
    if (value === String(base)) setValue(String(current));
  }
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const update = useUpdateConcurrencyLimit();

  function save(limit: number) {
    setConfirming(null);
    update.mutate(limit, {
      onSuccess: () => setSaved(true),
      onError: (e) =>
        setError(
          e instanceof ApiError
            ? (e.fieldErrors().concurrency_limit ?? e.message)
            : 'Could not save.',
        ),
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const limit = Number(value);
    if (
      !Number.isInteger(limit) ||
      limit < CONCURRENCY_LIMIT.min ||
      limit > CONCURRENCY_LIMIT.max
    ) {
      const message = `Enter a whole number from ${CONCURRENCY_LIMIT.min} to ${CONCURRENCY_LIMIT.max}`;
      showErrors(event.currentTarget as HTMLFormElement, () => setError(message));
      return;
    }
    setError(null);
    if (limit < activeCalls) setConfirming(limit);
    else save(limit);
  }

  return (
    <form onSubmit={submit} noValidate className="mt-4 flex flex-wrap items-end gap-3">
      <Field
        label="Concurrency limit"
        error={error}
        hint={`${CONCURRENCY_LIMIT.min} to ${CONCURRENCY_LIMIT.max} calls at once for the whole org`}
      >
        <input
          type="number"
          min={CONCURRENCY_LIMIT.min}
          max={CONCURRENCY_LIMIT.max}
          className={`${inputClass} w-40`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </Field>
      <Button type="submit" variant="primary" disabled={update.isPending} className="mb-6">
        {update.isPending ? 'Saving…' : 'Save limit'}
      </Button>
      {saved && (
        <p role="status" className="mb-7 text-sm text-emerald-800">
          Saved.
        </p>
      )}
      <Dialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={`Lower the limit to ${confirming ?? ''}?`}
        description={`${activeCalls} calls are in flight now. They finish normally, and no new calls start until fewer than ${confirming ?? ''} are in flight.`}
      >
        <div className="flex justify-end gap-2">
          <Button onClick={() => setConfirming(null)}>Cancel</Button>
          <Button variant="primary" onClick={() => confirming !== null && save(confirming)}>
            Lower the limit
          </Button>
        </div>
      </Dialog>
    </form>
  );
}

/** Which campaigns use the slots, for a key that may read campaigns; else why not. */
function CampaignSplit() {
  const { allowed } = usePermission('campaigns:read');
  if (allowed) return <ActiveCampaigns />;
  return (
    <p className="mt-3 text-sm text-slate-700">
      This key can't read campaigns, so which campaigns use these calls is not shown. Ask an admin
      for a key with campaign access to see it.
    </p>
  );
}

export function ConcurrencySection() {
  const settings = useQuery(concurrencyQueries.settings());
  const permission = usePermission('concurrency:manage');
  const data = settings.data;
  return (
    <Panel title="Concurrency" size="lg">
      {!data ? (
        settings.isError ? (
          <div className="mt-2">
            <ErrorState
              title="Could not load the concurrency limit"
              error={settings.error}
              onRetry={() => settings.refetch()}
            />
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-600">Loading…</p>
        )
      ) : (
        <>
          <p className="mt-2 text-2xl font-semibold tabular-nums">
            {data.active_calls} / {data.concurrency_limit}{' '}
            <span className="text-base font-normal text-slate-600">calls in flight now</span>
          </p>
          <UsageBar
            used={data.active_calls}
            limit={data.concurrency_limit}
            label="Org calls in flight against the limit"
            className="mt-2 h-3 max-w-xl"
          />
          <CampaignSplit />
          {permission.checking ? null : permission.allowed ? (
            <LimitForm current={data.concurrency_limit} activeCalls={data.active_calls} />
          ) : (
            <p className="mt-4 text-sm text-slate-700">
              {permission.reason} The limit is shown read-only.
            </p>
          )}
        </>
      )}
    </Panel>
  );
}
