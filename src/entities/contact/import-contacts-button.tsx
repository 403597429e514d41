import { lazy, Suspense, useId, useState } from 'react';
import type { Campaign } from '../../../contract/schemas';
import { usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';

// The CSV parser and the wizard load only when someone imports.
const ImportWizard = lazy(() => import('./import/import-wizard'));

export function ImportContactsButton({
  campaign,
  primary = false,
}: {
  campaign: Campaign;
  /** The next thing to do (an empty campaign's), rather than one action among others. */
  primary?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const permission = usePermission('campaigns:manage');
  const reasonId = useId();
  return (
    <>
      {/* Said once for the tab: rows of a read-only key show no Delete at all. */}
      {permission.reason && (
        <p id={reasonId} className="text-xs text-slate-600">
          {permission.reason} Contacts are read-only.
        </p>
      )}
      <Dialog
        open={open}
        onOpenChange={setOpen}
        wide
        title="Import contacts"
        description="Contacts are matched by external ID: rows already in the campaign are updated, new ones are added. At most 1,000 are sent per request."
        trigger={
          <Button
            variant={primary ? 'primary' : 'secondary'}
            disabled={!permission.allowed}
            aria-describedby={permission.reason ? reasonId : undefined}
          >
            Import contacts
          </Button>
        }
      >
        <Suspense fallback={<p className="text-sm text-slate-600">Loading the importer…</p>}>
          <ImportWizard campaign={campaign} onClose={() => setOpen(false)} />
        </Suspense>
      </Dialog>
    </>
  );
}
