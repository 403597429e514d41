import { useQuery } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { contactQueries } from '../../api/contacts';
import { reportQueries } from '../../api/reports';
import { useExtension, useSessionPending } from '../../api/session';
import type { Campaign, Contact, ContactBucket } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { ErrorState } from '../../components/error-state';
import { UnshownItems } from '../../components/unshown-items';
import { RedialExhaustedButton } from '../../entities/contact/requeue-dialog';
import { hasContactFilters } from '../../lib/contact-filters';
import { formatNumber, formatRange } from '../../lib/format';
import { usePageVisible } from '../../lib/use-page-visibility';
import { ContactsFreshness } from './contacts-freshness';
import { ContactFilterBar } from './contact-filter-bar';
import { ContactsTable } from './contacts-table';
import { ExportContactsButton } from './export-contacts-button';
import { FilteredStats } from './filtered-stats';
import { ImportContactsButton } from './import-contacts-button';
import { RequeueFilterButton } from './requeue-filter-button';
import { contactListParams, PAGE_SIZES, useContactsParams } from './use-contacts-params';
import { useDeferredPending } from '../../lib/use-deferred-pending';

const CONTACTS_REFRESH_MS = 15_000;

const FILTERS: { status: ContactBucket | null; label: string }[] = [
  { status: null, label: 'All' },
  { status: 'pending', label: 'Pending' },
  { status: 'in_progress', label: 'In progress' },
  { status: 'completed', label: 'Completed' },
  { status: 'exhausted', label: 'Exhausted' },
];

// One empty page for every render while the first answer is pending, so the memoized table
// sees no change.
const NO_CONTACTS: Contact[] = [];

export function ContactsTab({ campaign }: { campaign: Campaign }) {
  const [params, setParams] = useContactsParams();
  const sessionPending = useSessionPending();
  const canFilter = useExtension('contact-filters');
  const hasReport = useExtension('report');
  // A URL's filters are honoured only by a server that lists them; never sent otherwise.
  const filters = canFilter ? params.filters : {};
  const filtered = hasContactFilters(filters);
  const stats = useQuery(campaignQueries.stats(campaign.id));
  // The unfiltered report offers the result values to filter by (shared with the Overview).
  const report = useQuery({
    ...reportQueries.campaign(campaign.id),
    enabled: canFilter && hasReport,
  });
  const { offset } = contactListParams(params, filters);
  const visible = usePageVisible();
  // Calls end while a manager reads the list: an active campaign's page refreshes itself,
  // slower than the Overview, and only while the tab is visible.
  const live = campaign.status === 'active' && visible;
  const list = useQuery({
    ...contactQueries.list(campaign.id, contactListParams(params, filters)),
    refetchInterval: live ? CONTACTS_REFRESH_MS : false,
  });
  const canDelete = campaign.status !== 'closed';
  const total = list.data?.total ?? 0;
  const lastPage = Math.max(1, Math.ceil(total / params.size));
  const count = (status: ContactBucket | null) =>
    stats.data ? (status ? stats.data.contacts[status] : stats.data.contacts.total) : null;

  // The filter bar (if the session lists it) and the counts on the status buttons change
  // the layout: the tab waits for both, so neither pushes the table down when it arrives.
  const pending = useDeferredPending(sessionPending || stats.isPending);
  const rowsPending = useDeferredPending(list.isPending);
  if (pending) {
    return (
      <section aria-label="Contacts" aria-busy="true">
        <p className="text-slate-500">Loading contacts…</p>
      </section>
    );
  }

  return (
    <section aria-label="Contacts" className="space-y-4">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <div className="mr-auto">
          <ContactsFreshness
            updatedAt={list.dataUpdatedAt}
            live={live}
            fetching={list.isFetching}
            onRefresh={() => void list.refetch()}
          />
        </div>
        {stats.data && (
          <RedialExhaustedButton campaign={campaign} exhausted={stats.data.contacts.exhausted} />
        )}
        {filtered && <RequeueFilterButton campaign={campaign} filters={filters} />}
        <ExportContactsButton campaign={campaign} status={params.status} filters={filters} />
        {/* A closed campaign takes no new contacts (the API answers 400). */}
        {campaign.status !== 'closed' && <ImportContactsButton campaign={campaign} />}
      </div>
      {canFilter && (
        <ContactFilterBar
          filters={params.filters}
          report={report.data}
          onChange={(next) => setParams({ filters: next })}
        />
      )}
      <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-2">
        {FILTERS.map((f) => {
          const n = count(f.status);
          const selected = params.status === f.status;
          return (
            <button
              key={f.label}
              type="button"
              aria-pressed={selected}
              onClick={() => setParams({ status: f.status })}
              className={`rounded-full border px-3 py-1 text-sm ${selected ? 'border-indigo-700 bg-indigo-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
            >
              {f.label}
              {n !== null && ' '}
              {n !== null && (
                <span className="ml-1 tabular-nums opacity-80">{formatNumber(n)}</span>
              )}
            </button>
          );
        })}
      </div>
      {filtered && hasReport && (
        <FilteredStats campaignId={campaign.id} status={params.status} filters={filters} />
      )}
      <UnshownItems unshown={list.data?.unshown} noun="contact" />
      {list.isError && !list.data ? (
        <ErrorState
          title="Could not load contacts"
          error={list.error}
          onRetry={() => list.refetch()}
        />
      ) : !list.isPending && total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">
          {filtered
            ? 'No contacts match these filters.'
            : params.status
              ? 'No contacts in this status.'
              : 'This campaign has no contacts yet.'}
        </p>
      ) : (
        <>
          <ContactsTable
            campaignId={campaign.id}
            contacts={list.data?.contacts ?? NO_CONTACTS}
            loading={rowsPending}
            canDelete={canDelete}
          />
          {/* Shown with the rows it counts: below a skeleton it would be pushed down. */}
          {list.data && (
            <nav aria-label="Pagination" className="flex flex-wrap items-center gap-3 text-sm">
              <span aria-live="polite">
                Showing{' '}
                {total === 0 ? '0' : formatRange(offset + 1, Math.min(offset + params.size, total))}{' '}
                of {formatNumber(total)}
              </span>
              <Button
                disabled={params.page <= 1}
                onClick={() => setParams({ page: params.page - 1 })}
              >
                Previous
              </Button>
              <Button
                disabled={params.page >= lastPage}
                onClick={() => setParams({ page: params.page + 1 })}
              >
                Next
              </Button>
              <label className="flex items-center gap-2">
                Page size
                <select
                  value={params.size}
                  onChange={(e) => setParams({ size: Number(e.target.value) })}
                  className="rounded-md border border-slate-300 px-2 py-1"
                >
                  {PAGE_SIZES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
