import { usePermission } from '../../api/session';
import type { Contact } from '../../../contract/schemas';
import { StatusBadge } from '../../components/status-badge';
import { DeleteContactButton } from '../../entities/contact/delete-contact-button';

export function AdhocContactsTable({ contacts }: { contacts: Contact[] }) {
  const canDelete = usePermission('campaigns:manage').allowed;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Contacts without a campaign</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Contact
            </th>
            <th scope="col" className="px-3 py-2">
              Phone numbers
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Attempts
            </th>
            {canDelete && (
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {contacts.map((c) => (
            <tr key={c.id} className="align-top">
              <td className="px-3 py-2">
                <div className="font-mono text-xs">{c.external_id ?? '—'}</div>
                {typeof c.data.name === 'string' && <div>{c.data.name}</div>}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{c.phone_numbers.join(', ')}</td>
              <td className="px-3 py-2">
                <StatusBadge status={c.status} />
              </td>
              <td className="px-3 py-2">{c.attempts.length}</td>
              {canDelete && (
                <td className="px-3 py-2">
                  <DeleteContactButton
                    campaignId="default"
                    contact={c}
                    description="The contact and its attempts are removed. This cannot be undone."
                    rowTarget='button[aria-haspopup="dialog"]'
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
