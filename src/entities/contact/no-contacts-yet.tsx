import type { Campaign } from '../../../contract/schemas';
import { usePermission } from '../../api/session';
import { ImportContactsButton } from './import-contacts-button';

/** A campaign without contacts: says so, and offers the import to a key that may make one. */
export function NoContactsYet({ campaign }: { campaign: Campaign }) {
  const permission = usePermission('campaigns:manage');
  const canImport = permission.allowed && campaign.status !== 'closed';
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="text-slate-700">This campaign has no contacts yet.</p>
      {canImport && (
        <>
          <p className="mt-1 text-sm text-slate-600">
            {campaign.status === 'paused'
              ? 'Import them from a CSV file: none is called until you press Start.'
              : 'Import them from a CSV file: they are called whenever the calling window is open.'}
          </p>
          <div className="mt-4">
            <ImportContactsButton campaign={campaign} primary />
          </div>
        </>
      )}
    </div>
  );
}
