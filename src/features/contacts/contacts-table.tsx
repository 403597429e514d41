import { Fragment, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ExpandedState,
} from '@tanstack/react-table';
import type { Contact } from '../../../contract/schemas';
import { SkeletonRows } from '../../components/skeleton-rows';
import { StatusBadge } from '../../components/status-badge';
import { formatRelative } from '../../lib/format';
import { AttemptsList } from './attempts-list';
import type { ContactLinkState } from './contact-page';
import { asText, contactName, lastResult, truncate } from './contact-display';
import { DeleteContactButton } from './delete-contact-button';
import { EvaluationGlance } from './evaluation-results';

const column = createColumnHelper<Contact>();

const label = (c: Contact) => c.external_id ?? contactName(c) ?? c.id;

function DataPreview({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data).filter(
    ([k]) => !['first_name', 'last_name', 'name'].includes(k),
  );
  if (entries.length === 0) return null;
  return (
    <dl className="mb-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
      {entries.map(([key, value]) => {
        const full = asText(value);
        const { text, truncated } = truncate(full, 120);
        return (
          <div key={key} className="flex gap-2">
            <dt className="text-slate-600">{key}</dt>
            <dd title={truncated ? full : undefined} className="break-words">
              {text}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function ContactsTable({
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
  const [expanded, setExpanded] = useState<ExpandedState>({});
  const { search } = useLocation();
  const columns = useMemo(
    () => [
      column.display({
        id: 'expand',
        header: ({ table }) => {
          const all = table.getIsAllRowsExpanded();
          return (
            <button
              type="button"
              aria-expanded={all}
              aria-label={all ? 'Collapse all rows' : 'Expand all rows'}
              onClick={table.getToggleAllRowsExpandedHandler()}
              className="rounded px-1.5 text-slate-600 normal-case hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              <span aria-hidden="true">{all ? '▾' : '▸'}</span>
            </button>
          );
        },
        cell: ({ row }) => (
          <button
            type="button"
            aria-expanded={row.getIsExpanded()}
            aria-label={`${row.getIsExpanded() ? 'Hide' : 'Show'} attempts for ${label(row.original)}`}
            onClick={row.getToggleExpandedHandler()}
            className="rounded px-1.5 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            <span aria-hidden="true">{row.getIsExpanded() ? '▾' : '▸'}</span>
          </button>
        ),
      }),
      column.display({
        id: 'contact',
        header: 'Contact',
        cell: ({ row }) => {
          const name = contactName(row.original);
          const shown = truncate(name ?? '', 40);
          return (
            <div>
              {/* The contact's page; Back there returns to this filter and page. */}
              <Link
                to={`/campaigns/${encodeURIComponent(campaignId)}/contacts/${encodeURIComponent(row.original.id)}`}
                state={{ from: search } satisfies ContactLinkState}
                className="font-mono text-xs text-indigo-700 underline"
              >
                {row.original.external_id ?? 'Open contact'}
              </Link>
              {name && <div title={shown.truncated ? name : undefined}>{shown.text}</div>}
            </div>
          );
        },
      }),
      column.accessor('phone_numbers', {
        header: 'Phone numbers',
        cell: (info) => <span className="font-mono text-xs">{info.getValue().join(', ')}</span>,
      }),
      column.accessor('status', {
        header: 'Status',
        cell: (info) => <StatusBadge status={info.getValue()} />,
      }),
      column.accessor((c) => c.attempts.length, { id: 'attempts', header: 'Attempts' }),
      column.display({
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
      }),
      column.display({
        id: 'evaluation',
        header: 'Last evaluation',
        cell: ({ row }) => <EvaluationGlance result={lastResult(row.original)} />,
      }),
      ...(canDelete
        ? [
            column.display({
              id: 'actions',
              header: () => <span className="sr-only">Actions</span>,
              cell: ({ row }) => (
                <DeleteContactButton
                  campaignId={campaignId}
                  contact={row.original}
                  label={label(row.original)}
                />
              ),
            }),
          ]
        : []),
    ],
    [campaignId, canDelete, search],
  );
  const table = useReactTable({
    data: contacts,
    columns,
    state: { expanded },
    onExpandedChange: setExpanded,
    getRowCanExpand: () => true,
    getRowId: (c) => c.id,
    getCoreRowModel: getCoreRowModel(),
  });

  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table
        className="min-w-full divide-y divide-slate-200 text-sm"
        aria-busy={loading || undefined}
      >
        <caption className="sr-only">Contacts</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-3 py-2">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {loading ? (
            <SkeletonRows columns={columns.length} />
          ) : (
            table.getRowModel().rows.map((row) => (
              <Fragment key={row.id}>
                <tr className="align-top hover:bg-slate-50">
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
                {row.getIsExpanded() && (
                  <tr>
                    <td colSpan={columns.length} className="bg-slate-50 px-6 py-4">
                      <DataPreview data={row.original.data} />
                      <AttemptsList attempts={row.original.attempts} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
