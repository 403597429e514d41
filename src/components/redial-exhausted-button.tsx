import { lazy, Suspense, useState } from 'react';
import { usePermission, useExtension } from '../api/session';
import type { Campaign } from '../../contract/schemas';
import { formatNumber } from '../lib/format';
import { Button } from './button';

// The confirmation and its mutation load when first asked for, not with the tab.
const RequeueDialog = lazy(() =>
  import('./requeue-dialog').then((m) => ({ default: m.RequeueDialog })),
);

/**
 * Whether this campaign's contacts may be requeued here: the server offers (ext) requeue,
 * the credential may change contacts, and the campaign is not closed (the API answers 400).
 */
export function useCanRequeue(campaign: Campaign): boolean {
  const offered = useExtension('requeue');
  const permission = usePermission('campaigns:manage');
  return offered && permission.allowed && campaign.status !== 'closed';
}

/** "Redial exhausted (N)": every exhausted contact of the campaign, after a confirmation. */
export function RedialExhaustedButton({
  campaign,
  exhausted,
}: {
  campaign: Campaign;
  exhausted: number;
}) {
  const [open, setOpen] = useState(false);
  if (!useCanRequeue(campaign) || exhausted === 0) return null;
  return (
    <>
      <Button aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Redial exhausted ({formatNumber(exhausted)})
      </Button>
      {open && (
        <Suspense fallback={null}>
          <RequeueDialog
            campaign={campaign}
            request={{ status: ['exhausted'] }}
            count={exhausted}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
