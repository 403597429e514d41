import { Fragment, lazy, memo, Suspense, useDeferredValue, useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Contact } from '../../../contract/schemas';
import { SkeletonRows } from '../../components/skeleton-rows';
import { StatusBadge } from '../../components/status-badge';
import { formatRelative } from '../../lib/format';
import { contactLabel, contactName } from '../../entities/contact/contact-label';
import { DeleteContactButton } from '../../entities/contact/delete-contact-button';
import type { ContactLinkState } from './contact-page';
import { lastResult, truncate } from './contact-display';
import { EvaluationGlance } from './evaluation-results';

// A row's data and attempts load with the first row expanded, not with the table.
const ContactDetails = lazy(() => import('./contact-details'));

type Column = {
  id: string;
  header: ReactNode;
  cell: (contact: Contact, campaignId: string) => ReactNode;
};

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

const COLUMNS: Column[] = [
  {
    id: 'contact',
    header: 'Contact',
    cell: (c, campaignId) => {
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
    cell: (c) => <span className="font-mono text-xs">{c.phone_numbers.join(', ')}</span>,
  },
  { id: 'status', header: 'Status', cell: (c) => <StatusBadge status={c.status} /> },
  { id: 'attempts', header: 'Attempts', cell: (c) => c.attempts.length },
  {
    id: 'last',
    header: 'Last attempt',
    cell: (c) => {
      const last = c.attempts.at(-1);
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
    cell: (c) => <EvaluationGlance result={lastResult(c)} />,
  },
];

/** No row is shorter than this: a screen holds at most innerHeight / MIN_ROW_PX of them. */
const MIN_ROW_PX = 40;

/** Expanded rows: `true` after "Expand all", which holds for the rows of every page. */
type Expanded = true | ReadonlySet<string>;

/**
 * A page of contacts. Memoized: the tab around it re-renders for answers the rows do not show
 * (the report, the stats, the refresh line), and a page of rows is a long task on a phone.
 */
export const ContactsTable = memo(function ContactsTable({
  campaignId,
  contacts,
  loading,
  canDelete,
}: {
  campaignId: string;
  contacts: Contact[];
  loading: boolean;
  canDelete: boolean;
}) {
  const [expanded, setExpanded] = useState<Expanded>(() => new Set());
  // Rows arriving where none were shown render a screenful first and the rest in a second,
  // interruptible pass, so a phone's main thread is not held for a whole page of rows at once.
  // Later pages and refreshes keep the rows on screen until the new ones are ready.
  const settled = useDeferredValue(contacts);
  const rows =
    settled.length === 0 ? contacts.slice(0, Math.ceil(window.innerHeight / MIN_ROW_PX)) : settled;
  const isExpanded = (id: string) => expanded === true || expanded.has(id);
  const allExpanded =
    expanded === true || (expanded.size > 0 && contacts.every((c) => expanded.has(c.id)));
  const toggle = (id: string) =>
    setExpanded((old) => {
      const next = new Set(old === true ? contacts.map((c) => c.id) : old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const columnCount = COLUMNS.length + (canDelete ? 2 : 1);

  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table
        className="min-w-full divide-y divide-slate-200 text-sm"
        aria-busy={loading || undefined}
      >
        <caption className="sr-only">Contacts</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              <button
                type="button"
                aria-expanded={allExpanded}
                aria-label={allExpanded ? 'Collapse all rows' : 'Expand all rows'}
                onClick={() => setExpanded(allExpanded ? new Set() : true)}
                className="rounded px-1.5 text-slate-600 normal-case hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                <span aria-hidden="true">{allExpanded ? '▾' : '▸'}</span>
              </button>
            </th>
            {COLUMNS.map((column) => (
              <th key={column.id} scope="col" className="px-3 py-2">
                {column.header}
              </th>
            ))}
            {canDelete && (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {loading ? (
            <SkeletonRows columns={columnCount} />
          ) : (
            rows.map((contact) => {
              const open = isExpanded(contact.id);
              return (
                <Fragment key={contact.id}>
                  <tr className="align-top hover:bg-slate-50">
                    <td className="px-3 py-2">
                      <button
                        type="button"
                        aria-expanded={open}
                        aria-label={`${open ? 'Hide' : 'Show'} attempts for ${contactLabel(contact)}`}
                        onClick={() => toggle(contact.id)}
                        className="rounded px-1.5 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
                      >
                        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                      </button>
                    </td>
                    {COLUMNS.map((column) => (
                      <td key={column.id} className="px-3 py-2">
                        {column.cell(contact, campaignId)}
                      </td>
                    ))}
                    {canDelete && (
                      <td className="px-3 py-2">
                        <DeleteContactButton
                          campaignId={campaignId}
                          contact={contact}
                          description="The contact and its attempts are removed from this campaign. This cannot be undone."
                          rowTarget="button[aria-expanded]"
                        />
                      </td>
                    )}
                  </tr>
                  {open && (
                    <tr>
                      <td colSpan={columnCount} className="bg-slate-50 px-6 py-4">
                        <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
                          <ContactDetails contact={contact} />
                        </Suspense>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })
          )}
        </tbody>
      </table>
    </div>
  );
});
