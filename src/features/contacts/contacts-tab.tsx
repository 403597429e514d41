import { useQuery } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { contactQueries } from '../../api/contacts';
import { reportQueries } from '../../api/reports';
import { useExtension, usePermission, useSessionPending } from '../../api/session';
import type { Campaign, Contact, ContactBucket } from '../../../contract/schemas';
import { PhoneDisclosure } from '../../components/phone-disclosure';
import { UnshownItems } from '../../components/unshown-items';
import { CallExhaustedAgainButton } from '../../entities/contact/requeue-dialog';
import { hasContactFilters } from '../../lib/contact-filters';
import { formatNumber } from '../../lib/format';
import { usePageVisible } from '../../lib/use-page-visibility';
import { ContactsFreshness } from './contacts-freshness';
import { ContactFilterBar } from './contact-filter-bar';
import { ContactsTable } from './contacts-table';
import { ExportContactsButton } from './export-contacts-button';
import { FilteredStats } from './filtered-stats';
import { ImportContactsButton } from '../../entities/contact/import-contacts-button';
import { NoContactsYet } from '../../entities/contact/no-contacts-yet';
import { RequeueFilterButton } from './requeue-filter-button';
import { contactListParams, PAGE_SIZES, useContactsParams } from './use-contacts-params';
import { useDeferredPending } from '../../lib/first-paint';

const CONTACTS_REFRESH_MS = 15_000;

const FILTERS: { status: ContactBucket | null; label: string }[] = [
  { status: null, label: 'All' },
  { status: 'pending', label: 'Pending' },
  { status: 'in_progress', label: 'In progress' },
  { status: 'completed', label: 'Completed' },
  { status: 'exhausted', label: 'Exhausted' },
];

// One empty page for every render while the first answer is pending, so the table's deferred
// rows see no change.
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
  const noContacts = stats.data?.contacts.total === 0;
  const canManage = usePermission('campaigns:manage').allowed;
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
        <PhoneDisclosure label="Actions">
          {stats.data && (
            <CallExhaustedAgainButton
              campaign={campaign}
              exhausted={stats.data.contacts.exhausted}
            />
          )}
          {filtered && <RequeueFilterButton campaign={campaign} filters={filters} />}
          <ExportContactsButton campaign={campaign} status={params.status} filters={filters} />
          {/* A closed campaign takes no new contacts (the API answers 400). An empty one offers
              the import in the table's place instead. */}
          {campaign.status !== 'closed' && !(noContacts && canManage) && (
            <ImportContactsButton campaign={campaign} />
          )}
        </PhoneDisclosure>
      </div>
      {canFilter && (
        <ContactFilterBar
          filters={params.filters}
          report={report.data}
          onChange={(next) => setParams({ filters: next })}
        />
      )}
      {/* One line on a phone, scrolled sideways inside itself. */}
      <div
        role="group"
        aria-label="Filter by status"
        className="flex flex-wrap gap-2 max-sm:flex-nowrap max-sm:overflow-x-auto"
      >
        {FILTERS.map((f) => {
          const n = count(f.status);
          const selected = params.status === f.status;
          return (
            <button
              key={f.label}
              type="button"
              aria-pressed={selected}
              onClick={() => setParams({ status: f.status })}
              className={`shrink-0 rounded-full border px-3 py-1 text-sm whitespace-nowrap ${selected ? 'border-indigo-700 bg-indigo-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
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
      <ContactsTable
        campaignId={campaign.id}
        contacts={list.data?.contacts ?? NO_CONTACTS}
        loading={rowsPending}
        canDelete={canDelete}
        answered={!list.isPending}
        failure={
          list.isError && !list.data
            ? { title: 'Could not load contacts', error: list.error, onRetry: () => list.refetch() }
            : null
        }
        empty={
          noContacts ? (
            <NoContactsYet campaign={campaign} />
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">
              {filtered
                ? 'No contacts match these filters.'
                : params.status
                  ? 'No contacts in this status.'
                  : 'This campaign has no contacts yet.'}
            </p>
          )
        }
        // Shown with the rows it counts: below a skeleton it would be pushed down.
        pagination={
          list.data && {
            page: params.page,
            size: params.size,
            total,
            onPage: (page) => setParams({ page }),
            sizes: PAGE_SIZES,
            onSize: (size) => setParams({ size }),
          }
        }
      />
    </section>
  );
}
