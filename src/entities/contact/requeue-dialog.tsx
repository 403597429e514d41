import { useState, type ReactNode } from 'react';
import { useRequeueContacts } from '../../api/contacts';
import { usePermission, useExtension } from '../../api/session';
import type { RequeueRequest } from '../../../contract/extensions';
import type { Campaign } from '../../../contract/schemas';
import { formatNumber } from '../../lib/format';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { showToast } from '../../components/toaster';

const contacts = (n: number) => `${formatNumber(n)} contact${n === 1 ? '' : 's'}`;

/**
 * Whether this campaign's contacts may be requeued here: the server offers (ext) requeue,
 * the credential may change contacts, and the campaign is not closed (the API answers 400).
 */
export function useCanRequeue(campaign: Campaign): boolean {
  const offered = useExtension('requeue');
  const permission = usePermission('campaigns:manage');
  return offered && permission.allowed && campaign.status !== 'closed';
}

/**
 * The confirmation of a requeue: it says how many contacts will be called again before
 * anything is sent. `count` is null while unknown; `children` may choose what is requeued.
 */
export function RequeueDialog({
  campaign,
  request,
  count,
  onClose,
  children,
}: {
  campaign: Campaign;
  request: RequeueRequest;
  count: number | null;
  onClose: () => void;
  children?: ReactNode;
}) {
  const requeue = useRequeueContacts(campaign.id);
  const ready = count !== null && count > 0 && !requeue.isPending;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={count === null ? 'Call contacts again?' : `Call ${contacts(count)} again?`}
      description={`They go back to pending in “${campaign.name}” with a fresh budget of attempts; their past attempts and results are kept.`}
    >
      {children}
      {count === 0 && <p className="mb-3 text-sm text-slate-700">No contact matches.</p>}
      {requeue.isError && (
        <p role="alert" className="mb-3 text-sm text-red-800">
          {requeue.error.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="primary"
          disabled={!ready}
          onClick={() =>
            // The promise, not mutate's callbacks: the refreshed stats may unmount the button
            // (nothing exhausted any more) before the confirmation is announced.
            requeue.mutateAsync(request).then(
              ({ requeued }) => {
                showToast(`${contacts(requeued)} will be called again.`, 'success');
                onClose();
              },
              () => undefined, // shown from requeue.error while the dialog is open
            )
          }
        >
          {count === null ? 'Call again' : `Call ${contacts(count)} again`}
        </Button>
      </div>
    </Dialog>
  );
}

/** "Call exhausted contacts again (N)": every exhausted contact, after a confirmation. */
export function CallExhaustedAgainButton({
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
        Call exhausted contacts again ({formatNumber(exhausted)})
      </Button>
      {open && (
        <RequeueDialog
          campaign={campaign}
          request={{ status: ['exhausted'] }}
          count={exhausted}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
