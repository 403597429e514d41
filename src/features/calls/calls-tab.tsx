import { useId, useMemo } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { callQueries } from '../../api/calls';
import { useExtension } from '../../api/session';
import { ATTEMPT_STATUSES, type Campaign } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data-table/data-table';
import { ExportButton } from '../../components/export-button';
import { UnshownItems } from '../../components/unshown-items';
import { formatCount } from '../../lib/format';
import { humanize } from '../../lib/humanize';
import { callColumns } from './call-columns';
import { RANGE_LABELS, RANGES, useCallsParams, type Range } from './use-calls-params';

const PAGE_SIZE = 50;

/** A campaign's Calls tab (ext calls): every attempt, newest first, by status and time. */
export function CallsTab({ campaign }: { campaign: Campaign }) {
  const offered = useExtension('calls');
  const view = useCallsParams();
  const queryClient = useQueryClient();
  const rangeId = useId();
  const filter = { statuses: view.statuses, from: view.from };
  const page = useQuery({
    ...callQueries.page(campaign.id, { ...filter, limit: PAGE_SIZE, cursor: view.cursor }),
    placeholderData: keepPreviousData,
    enabled: offered,
  });
  const columns = useMemo(() => callColumns(campaign.id), [campaign.id]);
  // A link from a server that keeps a call log, opened against one that does not.
  if (!offered) return <p className="text-slate-700">This server keeps no call log.</p>;
  const filtered = view.statuses.length > 0 || view.range !== null;

  const toolbar = (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <div className="flex flex-wrap items-end gap-4">
        <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <legend className="mb-1 font-medium">Status</legend>
          {ATTEMPT_STATUSES.map((s) => (
            <label key={s} className="inline-flex items-center gap-1">
              <input
                type="checkbox"
                checked={view.statuses.includes(s)}
                onChange={(e) => view.toggleStatus(s, e.target.checked)}
              />
              {humanize(s)}
            </label>
          ))}
        </fieldset>
        <div className="flex flex-col gap-1 text-sm">
          <label htmlFor={rangeId} className="font-medium">
            Started
          </label>
          <select
            id={rangeId}
            value={view.range ?? 'all'}
            onChange={(e) =>
              view.setRange(e.target.value === 'all' ? null : (e.target.value as Range))
            }
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            {(['all', ...Object.keys(RANGES)] as (Range | 'all')[]).map((r) => (
              <option key={r} value={r}>
                {RANGE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <Button onClick={view.refresh}>Refresh</Button>
      </div>
      <ExportButton
        label={filtered ? 'Export filtered calls (CSV)' : 'Export calls (CSV)'}
        run={async (opts) => {
          // The CSV code loads only when someone exports.
          const { exportCalls } = await import('./export-calls');
          const outcome = await exportCalls(queryClient, campaign, filter, opts);
          if (outcome === 'cancelled') return outcome;
          return {
            file: outcome.file,
            message: `Exported ${formatCount(outcome.count, 'call')} to ${outcome.file}.`,
          };
        }}
      />
    </div>
  );

  const data = page.data?.attempts ?? [];
  return (
    <section aria-label="Calls" className="space-y-3">
      {campaign.finished && (
        <p className="text-sm text-slate-700">
          This campaign is finished: every contact has been called, so no new calls will start.
        </p>
      )}
      <UnshownItems unshown={page.data?.unshown ?? null} noun="call" />
      <DataTable
        caption={`Calls of ${campaign.name}, newest first`}
        columns={columns}
        data={data}
        getRowId={(c) => c.id}
        loading={page.isPending}
        answered={!!page.data}
        toolbar={toolbar}
        empty={
          <div className="space-y-3">
            {toolbar}
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
              {filtered ? 'No calls match these filters.' : 'No calls yet.'}
            </p>
          </div>
        }
        failure={
          page.isError && !page.data
            ? {
                title: 'Could not load the calls',
                error: page.error,
                onRetry: () => void page.refetch(),
              }
            : null
        }
        footer={
          <nav aria-label="Call pages" className="flex gap-2">
            {view.hasNewer && <Button onClick={view.newer}>Newer calls</Button>}
            {page.data?.next_cursor && (
              <Button onClick={() => view.older(page.data.next_cursor!)}>Older calls</Button>
            )}
          </nav>
        }
        rowClassName="align-top"
      />
    </section>
  );
}
