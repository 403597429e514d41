import { lazy, useId, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { configurationQueries } from '../../api/configurations';
import type { Campaign, Configuration } from '../../../contract/schemas';
import { usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { DataTable, type ColumnDef } from '../../components/data-table/data-table';
import { UnshownItems } from '../../components/unshown-items';
import { DeleteConfigurationButton } from './delete-configuration-button';
import { formatRetries, formatSchedule } from '../../lib/schedule';
import { PageHeading } from '../../components/page-heading';
import { ZoneNote } from '../../components/zone-note';
import { useDeferredPending } from '../../lib/first-paint';

// The form and its timezone combobox load when first needed, or as a pointer or the focus
// reaches a button that opens it. Until then the dialog waits (its Suspense), so it opens with
// the form in it and the focus on its first field.
const loadForm = () => import('./configuration-form');
const ConfigurationForm = lazy(() => loadForm().then((m) => ({ default: m.ConfigurationForm })));
const preloadForm = { onFocus: () => void loadForm(), onPointerEnter: () => void loadForm() };

const NONE: Configuration[] = [];

function configurationColumns({
  usage,
  counted,
  canManage,
  onEdit,
}: {
  usage: Map<string, Campaign[]>;
  /** Whether the campaigns have answered (else their count is "…"). */
  counted: boolean;
  canManage: boolean;
  onEdit: (c: Configuration) => void;
}): ColumnDef<Configuration>[] {
  return [
    {
      id: 'name',
      header: 'Name',
      meta: { className: 'font-medium' },
      cell: ({ row }) => row.original.name,
    },
    {
      id: 'agent',
      header: 'Agent',
      // No agents endpoint gives it a name: the id, as secondary text beside the name.
      meta: { className: 'font-mono text-xs text-slate-600' },
      cell: ({ row }) => row.original.agent_id ?? '—',
    },
    {
      id: 'caller',
      header: 'Caller number',
      meta: { className: 'font-mono text-xs' },
      cell: ({ row }) => row.original.from_phone_number ?? '—',
    },
    {
      id: 'timezone',
      header: 'Timezone',
      cell: ({ row }) => (
        <>
          {row.original.timezone}
          <ZoneNote zone={row.original.timezone} />
        </>
      ),
    },
    {
      id: 'window',
      header: 'Calling window',
      cell: ({ row }) => formatSchedule(row.original.schedule),
    },
    {
      id: 'retries',
      header: 'Retries',
      cell: ({ row: { original: c } }) => formatRetries(c.max_attempts, c.retry_interval_minutes),
    },
    {
      id: 'campaigns',
      header: 'Campaigns',
      meta: { className: 'tabular-nums' },
      cell: ({ row }) => (counted ? (usage.get(row.original.id)?.length ?? 0) : '…'),
    },
    {
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      meta: { className: 'whitespace-nowrap' },
      // A read-only key sees no row actions; the reason is said once above.
      cell: ({ row: { original: c } }) =>
        canManage && (
          <>
            <Button
              variant="ghost"
              onClick={() => onEdit(c)}
              aria-label={`Edit ${c.name}`}
              {...preloadForm}
            >
              Edit
            </Button>
            <DeleteConfigurationButton
              config={c}
              usedBy={counted ? (usage.get(c.id) ?? []) : null}
            />
          </>
        ),
    },
  ];
}

export function ConfigurationsPage() {
  const list = useQuery(configurationQueries.list());
  // The same answer, read for the items it had to leave out.
  const unshown = useQuery({ ...configurationQueries.list(), select: (data) => data.unshown });
  const rowsPending = useDeferredPending(list.isPending);
  const campaigns = useQuery(campaignQueries.everything());
  const permission = usePermission('campaigns:manage', 'add or edit configurations');
  const reasonId = useId();
  const [editing, setEditing] = useState<Configuration | 'new' | null>(null);
  const usage = useMemo(() => {
    const byConfiguration = new Map<string, Campaign[]>();
    for (const c of campaigns.data ?? []) {
      if (c.configuration_id)
        byConfiguration.set(c.configuration_id, [
          ...(byConfiguration.get(c.configuration_id) ?? []),
          c,
        ]);
    }
    return byConfiguration;
  }, [campaigns.data]);
  const counted = campaigns.data !== undefined;
  const columns = useMemo(
    () =>
      configurationColumns({ usage, counted, canManage: permission.allowed, onEdit: setEditing }),
    [usage, counted, permission.allowed],
  );

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
      <DataTable
        caption="Configurations"
        columns={columns}
        data={list.data ?? NONE}
        getRowId={(c) => c.id}
        loading={rowsPending || !list.data}
        answered={!list.isPending}
        failure={
          list.isError
            ? {
                title: 'Could not load configurations',
                error: list.error,
                onRetry: () => list.refetch(),
              }
            : null
        }
        empty={
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
            <p className="font-medium">No configurations yet</p>
            <p className="mt-1 text-sm text-slate-600">
              A configuration sets the agent, caller number, calling window and retries of the
              campaigns that use it.
            </p>
            {/* A read-only key has the reason beside the heading's button. */}
            {permission.allowed && (
              <Button
                variant="primary"
                className="mt-4"
                onClick={() => setEditing('new')}
                {...preloadForm}
              >
                Create your first configuration
              </Button>
            )}
          </div>
        }
      />
    </section>
  );
}
