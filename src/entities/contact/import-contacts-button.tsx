import { lazy, Suspense, useEffect, useId } from 'react';
import type { Campaign } from '../../../contract/schemas';
import { usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Dialog, loadDialogs } from '../../components/dialog';
import { createStore, useStore } from '../../lib/store';

// The CSV parser and the wizard load only when someone imports.
const ImportWizard = lazy(() => import('./import/import-wizard'));
const loadWizard = () => void Promise.all([loadDialogs(), import('./import/import-wizard')]);

/** The campaign whose import is open: its buttons open it, the campaign page shows it. */
const importing = createStore<string | null>(null);

/**
 * The campaign page's one Import contacts dialog. It outlives the buttons that open it: an
 * empty campaign's button goes once its first contacts are counted, mid-import.
 */
export function ImportContactsDialog({ campaign }: { campaign: Campaign }) {
  const open = useStore(importing) === campaign.id;
  const setOpen = (next: boolean) => importing.set(next ? campaign.id : null);
  useEffect(() => () => importing.set(null), []);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      wide
      title="Import contacts"
      description="Contacts are matched by external ID: rows already in the campaign are updated, new ones are added. Long lists are sent 1,000 contacts at a time, and the report says which rows were saved."
    >
      <Suspense fallback={<p className="text-sm text-slate-600">Loading the importer…</p>}>
        <ImportWizard campaign={campaign} onClose={() => setOpen(false)} />
      </Suspense>
    </Dialog>
  );
}

export function ImportContactsButton({
  campaign,
  primary = false,
}: {
  campaign: Campaign;
  /** The next thing to do (an empty campaign's), rather than one action among others. */
  primary?: boolean;
}) {
  const permission = usePermission('campaigns:manage', 'import or delete contacts');
  const reasonId = useId();
  return (
    <>
      {/* Said once for the tab: rows of a read-only key show no Delete at all. */}
      {permission.reason && (
        <p id={reasonId} className="text-xs text-slate-600">
          {permission.reason} Contacts are read-only.
        </p>
      )}
      <Button
        variant={primary ? 'primary' : 'secondary'}
        disabled={!permission.allowed}
        aria-haspopup="dialog"
        aria-describedby={permission.reason ? reasonId : undefined}
        onFocus={loadWizard}
        onPointerEnter={loadWizard}
        onClick={() => importing.set(campaign.id)}
      >
        Import contacts
      </Button>
    </>
  );
}
