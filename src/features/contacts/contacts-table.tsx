import { lazy, Suspense, useDeferredValue, useMemo, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Contact } from '../../../contract/schemas';
import {
  DataTable,
  type ColumnDef,
  type DataTableProps,
} from '../../components/data-table/data-table';
import { expandColumn } from '../../components/data-table/expand-column';
import type { PaginationProps } from '../../components/data-table/pagination';
import { StatusBadge } from '../../components/status-badge';
import { formatInZone, formatRelative, shownZone } from '../../lib/format';
import { useExtension } from '../../api/session';
import { contactLabel, contactName } from '../../entities/contact/contact-label';
import { DeleteContactButton } from '../../entities/contact/delete-contact-button';
import type { ContactLinkState } from './contact-page';
import { lastResult, truncate } from '../../entities/contact/contact-display';
import { EvaluationGlance } from '../../entities/conversation/evaluation-results';

// A row's data and attempts load with the first row expanded, not with the table.
const ContactDetails = lazy(() => import('./contact-details'));

const details = (contact: Contact) => (
  <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
    <ContactDetails contact={contact} />
  </Suspense>
);

/** The contact's page; Back there returns to this filter and page. */
function ContactLink({ contact, campaignId }: { contact: Contact; campaignId: string }) {
  const { search } = useLocation();
  return (
    <Link
      to={`/campaigns/${encodeURIComponent(campaignId)}/contacts/${encodeURIComponent(contact.id)}`}
      state={{ from: search } satisfies ContactLinkState}
      title={contact.external_id ?? undefined}
      className="inline-block max-w-[14rem] truncate align-bottom font-mono text-xs text-indigo-700 underline"
    >
      {contact.external_id ?? 'Open contact'}
    </Link>
  );
}

/** (ext) contact-timezones: the zone and its wall clock as the page was drawn. */
const zoneColumn: ColumnDef<Contact> = {
  id: 'timezone',
  header: 'Time zone',
  cell: ({ row: { original: c } }) =>
    c.timezone ? (
      <span className="text-xs">
        {c.timezone}
        <span className="block text-slate-600">
          {formatInZone(Date.now(), shownZone(c.timezone), 'weekday-clock')} there
        </span>
      </span>
    ) : (
      <span className="text-xs text-slate-600">None</span>
    ),
};

function contactColumns(
  campaignId: string,
  canDelete: boolean,
  zones: boolean,
): ColumnDef<Contact>[] {
  return [
    expandColumn((c) => `attempts for ${contactLabel(c)}`),
    {
      id: 'contact',
      header: 'Contact',
      cell: ({ row: { original: c } }) => {
        const name = contactName(c);
        const shown = truncate(name ?? '', 40);
        return (
          <div>
            <ContactLink contact={c} campaignId={campaignId} />
            {name && <div title={shown.truncated ? name : undefined}>{shown.text}</div>}
          </div>
        );
      },
    },
    {
      id: 'phone_numbers',
      header: 'Phone numbers',
      cell: ({ row }) => (
        <span className="font-mono text-xs">{row.original.phone_numbers.join(', ')}</span>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      cell: ({ row }) => (
        <span className="flex flex-wrap items-center gap-1">
          <StatusBadge status={row.original.status} />
          {row.original.suppressed && (
            <span className="rounded bg-red-50 px-1.5 text-xs font-medium text-red-800">
              Suppressed
            </span>
          )}
        </span>
      ),
    },
    ...(zones ? [zoneColumn] : []),
    { id: 'attempts', header: 'Attempts', cell: ({ row }) => row.original.attempts.length },
    {
      id: 'last',
      header: 'Last attempt',
      cell: ({ row }) => {
        const last = row.original.attempts.at(-1);
        if (!last) return <span className="text-slate-500">—</span>;
        return (
          <span className="flex items-center gap-2">
            <StatusBadge status={last.status} />
            <time dateTime={last.started_at} className="text-xs text-slate-600">
              {formatRelative(last.ended_at ?? last.started_at)}
            </time>
          </span>
        );
      },
    },
    {
      id: 'evaluation',
      header: 'Last evaluation',
      cell: ({ row }) => <EvaluationGlance result={lastResult(row.original)} />,
    },
    ...(canDelete
      ? [
          {
            id: 'actions',
            header: () => <span className="sr-only">Actions</span>,
            cell: ({ row: { original: c } }) => (
              <DeleteContactButton
                campaignId={campaignId}
                contact={c}
                description="The contact and its attempts are removed from this campaign. This cannot be undone."
                rowTarget="button[aria-expanded]"
              />
            ),
          } satisfies ColumnDef<Contact>,
        ]
      : []),
  ];
}

/** No row is shorter than this: a screen holds at most innerHeight / MIN_ROW_PX of them. */
const MIN_ROW_PX = 40;

/**
 * A page of contacts, rows expandable to their attempts. Its rows are memoized: the tab around
 * it re-renders for answers they do not show (the report, the stats, the refresh line), and a
 * page of rows is a long task on a phone.
 */
export function ContactsTable({
  campaignId,
  contacts,
  loading,
  canDelete,
  answered,
  empty,
  failure,
  pagination,
}: {
  campaignId: string;
  contacts: Contact[];
  loading: boolean;
  canDelete: boolean;
  answered: boolean;
  empty: ReactNode;
  failure: DataTableProps<Contact>['failure'];
  pagination?: PaginationProps;
}) {
  // Rows arriving where none were shown render a screenful first and the rest in a second,
  // interruptible pass, so a phone's main thread is not held for a whole page of rows at once.
  // Later pages and refreshes keep the rows on screen until the new ones are ready.
  const settled = useDeferredValue(contacts);
  const rows =
    settled.length === 0 ? contacts.slice(0, Math.ceil(window.innerHeight / MIN_ROW_PX)) : settled;
  const zones = useExtension('contact-timezones');
  const columns = useMemo(
    () => contactColumns(campaignId, canDelete, zones),
    [campaignId, canDelete, zones],
  );
  return (
    <DataTable
      caption="Contacts"
      columns={columns}
      data={rows}
      getRowId={(c) => c.id}
      loading={loading}
      answered={answered}
      empty={empty}
      failure={failure}
      pagination={pagination}
      renderDetails={details}
      rowClassName="align-top hover:bg-slate-50"
    />
  );
}
