import { useMemo, type ReactNode } from 'react';
import { usePermission } from '../../api/session';
import type { Contact } from '../../../contract/schemas';
import {
  DataTable,
  type ColumnDef,
  type DataTableProps,
} from '../../components/data-table/data-table';
import type { PaginationProps } from '../../components/data-table/pagination';
import { StatusBadge } from '../../components/status-badge';
import { DeleteContactButton } from '../../entities/contact/delete-contact-button';

const COLUMNS: ColumnDef<Contact>[] = [
  {
    id: 'contact',
    header: 'Contact',
    cell: ({ row: { original: c } }) => (
      <>
        <div className="font-mono text-xs">{c.external_id ?? '—'}</div>
        {typeof c.data.name === 'string' && <div>{c.data.name}</div>}
      </>
    ),
  },
  {
    id: 'phone_numbers',
    header: 'Phone numbers',
    meta: { className: 'font-mono text-xs' },
    cell: ({ row }) => row.original.phone_numbers.join(', '),
  },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
  },
  { id: 'attempts', header: 'Attempts', cell: ({ row }) => row.original.attempts.length },
];

const ACTIONS: ColumnDef<Contact> = {
  id: 'actions',
  header: () => <span className="sr-only">Actions</span>,
  cell: ({ row: { original: c } }) => (
    <DeleteContactButton
      campaignId="default"
      contact={c}
      description="The contact and its attempts are removed. This cannot be undone."
      rowTarget='button[aria-haspopup="dialog"]'
    />
  ),
};

export function AdhocContactsTable({
  contacts,
  failure,
  empty,
  pagination,
}: {
  contacts: Contact[];
  failure: DataTableProps<Contact>['failure'];
  empty: ReactNode;
  pagination: PaginationProps;
}) {
  const canDelete = usePermission('campaigns:manage').allowed;
  const columns = useMemo(() => (canDelete ? [...COLUMNS, ACTIONS] : COLUMNS), [canDelete]);
  return (
    <DataTable
      caption="Contacts without a campaign"
      columns={columns}
      data={contacts}
      getRowId={(c) => c.id}
      failure={failure}
      empty={empty}
      pagination={pagination}
      rowClassName="align-top"
    />
  );
}
