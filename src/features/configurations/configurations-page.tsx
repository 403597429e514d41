import { lazy, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { configurationQueries } from '../../api/configurations';
import type { Campaign, Configuration } from '../../../contract/schemas';
import { usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/error-state';
import { UnshownItems } from '../../components/unshown-items';
import { SkeletonRows } from '../../components/skeleton-rows';
import { DeleteConfigurationButton } from './delete-configuration-button';
import { formatMinutes, formatSchedule } from '../../lib/schedule';
import { PageHeading } from '../../components/page-heading';
import { ZoneNote } from '../../components/zone-note';
import { useDeferredPending } from '../../lib/use-deferred-pending';

// The form and its timezone combobox load when first needed, or as a pointer or the focus
// reaches a button that opens it. Until then the dialog waits (its Suspense), so it opens with
// the form in it and the focus on its first field.
const loadForm = () => import('./configuration-form');
const ConfigurationForm = lazy(() => loadForm().then((m) => ({ default: m.ConfigurationForm })));
const preloadForm = { onFocus: () => void loadForm(), onPointerEnter: () => void loadForm() };

const HEADERS = [
  'Name',
  'Agent',
  'Caller number',
  'Timezone',
  'Calling window',
  'Retries',
  'Campaigns',
  'Actions',
];

export function ConfigurationsPage() {
  const list = useQuery(configurationQueries.list());
  // The same answer, read for the items it had to leave out.
  const unshown = useQuery({ ...configurationQueries.list(), select: (data) => data.unshown });
  const rowsPending = useDeferredPending(list.isPending);
  const campaigns = useQuery(campaignQueries.everything());
  const permission = usePermission('campaigns:manage');
  const reasonId = useId();
  const [editing, setEditing] = useState<Configuration | 'new' | null>(null);
  const usage = new Map<string, Campaign[]>();
  for (const c of campaigns.data ?? []) {
    if (c.configuration_id)
      usage.set(c.configuration_id, [...(usage.get(c.configuration_id) ?? []), c]);
  }

  return (
    <section className="space-y-5">
      <div className="flex items-center justify-between gap-4">
        <PageHeading title={['Configurations']}>Configurations</PageHeading>
        <div className="flex flex-col items-end">
          <Button
            variant="primary"
            disabled={!permission.allowed}
            aria-describedby={permission.reason ? reasonId : undefined}
            onClick={() => setEditing('new')}
            {...preloadForm}
          >
            New configuration
          </Button>
          {permission.reason && (
            <p id={reasonId} className="mt-1 max-w-xs text-right text-xs text-slate-600">
              {permission.reason}
            </p>
          )}
        </div>
      </div>
      <Dialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        title={editing === 'new' ? 'New configuration' : `Edit ${editing?.name ?? ''}`}
      >
        {editing !== null && (
          <ConfigurationForm
            key={editing === 'new' ? 'new' : editing.id}
            config={editing === 'new' ? undefined : editing}
            activeCampaigns={
              editing === 'new'
                ? 0
                : (usage.get(editing.id) ?? []).filter((c) => c.status === 'active').length
            }
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
      <UnshownItems unshown={unshown.data} noun="configuration" />
      {list.isError ? (
        <ErrorState
          title="Could not load configurations"
          error={list.error}
          onRetry={() => list.refetch()}
        />
      ) : list.data?.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">No configurations yet</p>
          <p className="mt-1 text-sm text-slate-600">
            A configuration sets the agent, caller number, calling window and retries of the
            campaigns that use it.
          </p>
        </div>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Configurations</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                {HEADERS.map((h) => (
                  <th key={h} scope="col" className="px-3 py-2">
                    {h === 'Actions' ? <span className="sr-only">{h}</span> : h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rowsPending || !list.data ? (
                <SkeletonRows columns={HEADERS.length} />
              ) : (
                list.data.map((c) => (
                  <tr key={c.id}>
                    <td className="px-3 py-2 font-medium">{c.name}</td>
                    <td className="px-3 py-2">{c.agent_id ?? '—'}</td>
                    <td className="px-3 py-2 font-mono text-xs">{c.from_phone_number ?? '—'}</td>
                    <td className="px-3 py-2">
                      {c.timezone}
                      <ZoneNote zone={c.timezone} />
                    </td>
                    <td className="px-3 py-2">{formatSchedule(c.schedule)}</td>
                    <td className="px-3 py-2">
                      {c.max_attempts} attempts, {formatMinutes(c.retry_interval_minutes)} apart
                    </td>
                    <td className="px-3 py-2 tabular-nums">
                      {campaigns.data ? (usage.get(c.id)?.length ?? 0) : '…'}
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">
                      {/* A read-only key sees no row actions; the reason is said once above. */}
                      {permission.allowed && (
                        <>
                          <Button
                            variant="ghost"
                            onClick={() => setEditing(c)}
                            aria-label={`Edit ${c.name}`}
                            {...preloadForm}
                          >
                            Edit
                          </Button>
                          <DeleteConfigurationButton config={c} usedBy={usage.get(c.id) ?? []} />
                        </>
                      )}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
