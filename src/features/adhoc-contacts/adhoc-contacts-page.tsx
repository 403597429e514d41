import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { contactQueries } from '../../api/contacts';
import { usePermission } from '../../api/session';
import { CONTACT_BUCKETS, type ContactBucket } from '../../../contract/schemas';
import { PageHeading } from '../../components/page-heading';
import { AdhocContactForm } from './adhoc-contact-form';
import { AdhocContactsTable } from './adhoc-contacts-table';

const PAGE_SIZE = 50;
const CHIPS: { status: ContactBucket | null; label: string }[] = [
  { status: null, label: 'All' },
  { status: 'pending', label: 'Pending' },
  { status: 'in_progress', label: 'In progress' },
  { status: 'completed', label: 'Completed' },
  { status: 'exhausted', label: 'Exhausted' },
];

const isBucket = (s: string | null): s is ContactBucket =>
  (CONTACT_BUCKETS as readonly (string | null)[]).includes(s);

/** `/contacts`: the ad-hoc contacts of the `default` pseudo-campaign; status and page in the URL. */
export function AdhocContactsPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isBucket(raw) ? raw : null;
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const canManage = usePermission('campaigns:manage').allowed;
  const list = useQuery(
    contactQueries.list('default', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, status }),
  );
  const total = list.data?.total ?? 0;
  const go = (next: { status?: ContactBucket | null; page?: number }) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      const s = next.status === undefined ? status : next.status;
      if (s) out.set('status', s);
      else out.delete('status');
      // A new status starts at the first page.
      const p = next.page ?? 1;
      if (p > 1) out.set('page', String(p));
      else out.delete('page');
      return out;
    });

  return (
    <section className="space-y-5">
      <PageHeading title={['Contacts without a campaign']}>Contacts without a campaign</PageHeading>
      <p className="text-sm text-slate-700">
        Ad-hoc contacts belong to no campaign, so no campaign dials them.
      </p>
      {canManage && <AdhocContactForm />}
      <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-2">
        {CHIPS.map((chip) => (
          <button
            key={chip.label}
            type="button"
            aria-pressed={status === chip.status}
            onClick={() => go({ status: chip.status })}
            className={`rounded-full border px-3 py-1 text-sm ${status === chip.status ? 'border-indigo-700 bg-indigo-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
          >
            {chip.label}
          </button>
        ))}
      </div>
      {list.isPending ? (
        <p className="text-slate-500">Loading contacts…</p>
      ) : (
        <AdhocContactsTable
          contacts={list.data?.contacts ?? []}
          failure={
            list.isError && !list.data
              ? {
                  title: 'Could not load contacts',
                  error: list.error,
                  onRetry: () => list.refetch(),
                }
              : null
          }
          empty={
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-700">
              {status ? 'No contacts in this status.' : 'There are no contacts without a campaign.'}
            </p>
          }
          pagination={{ page, size: PAGE_SIZE, total, onPage: (p) => go({ page: p }) }}
        />
      )}
    </section>
  );
}
