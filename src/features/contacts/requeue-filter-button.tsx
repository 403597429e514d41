import { lazy, Suspense, useState } from 'react';
import type { ContactFilters } from '../../../contract/extensions';
import type { Campaign } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { useCanRequeue } from '../../components/redial-exhausted-button';

// The dialog, its counts and its mutation load when first asked for, not with the tab.
const RequeueFilterDialog = lazy(() =>
  import('./requeue-filter-dialog').then((m) => ({ default: m.RequeueFilterDialog })),
);

/** Requeues what the current contact filters match, after a confirmation with the count. */
export function RequeueFilterButton({
  campaign,
  filters,
}: {
  campaign: Campaign;
  filters: ContactFilters;
}) {
  const [open, setOpen] = useState(false);
  if (!useCanRequeue(campaign)) return null;
  return (
    <>
      <Button aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Redial matching…
      </Button>
      {open && (
        <Suspense fallback={null}>
          <RequeueFilterDialog
            campaign={campaign}
            filters={filters}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
