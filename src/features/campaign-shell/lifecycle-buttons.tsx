import { useId, useState } from 'react';
import { useCampaignTransition, type CampaignTransition } from '../../api/campaigns';
import type { Campaign } from '../../../contract/schemas';
import { usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { showToast } from '../../components/toaster';
import { SkippedSummary } from '../../entities/contact/skipped-summary';

const DONE: Record<CampaignTransition, string> = {
  start: 'started',
  pause: 'paused',
  close: 'closed',
};

/** Start or Pause, and Close, each shown only where the transition is legal. */
export function LifecycleButtons({ campaign }: { campaign: Campaign }) {
  const transition = useCampaignTransition(campaign.id);
  const permission = usePermission('campaigns:manage', 'start, pause or close');
  const reasonId = useId();
  const skippedId = useId();
  const [confirmClose, setConfirmClose] = useState(false);
  const run = (action: CampaignTransition) =>
    transition.mutate(action, {
      onSuccess: () => {
        setConfirmClose(false);
        showToast(`${campaign.name} ${DONE[action]}.`, 'success');
      },
    });
  const disabled = !permission.allowed || transition.isPending;

  if (campaign.status === 'closed') return null;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap items-center justify-end gap-2">
        {/* One element for Start and Pause, so focus stays on it when it turns into the other. */}
        <Button
          variant={campaign.status === 'paused' ? 'primary' : 'secondary'}
          disabled={disabled}
          aria-describedby={
            permission.reason ? reasonId : campaign.status === 'paused' ? skippedId : undefined
          }
          onClick={() => run(campaign.status === 'paused' ? 'start' : 'pause')}
        >
          {campaign.status === 'paused' ? 'Start' : 'Pause'}
        </Button>
        {/* Permanent, so apart from Start and Pause and not the main button. */}
        <div className="ml-2 border-l border-slate-200 pl-4">
          <Dialog
            open={confirmClose}
            onOpenChange={setConfirmClose}
            title="Close this campaign?"
            description="Closing is permanent: the campaign will never dial again and cannot be reopened. Calls in flight finish."
            trigger={
              <Button
                variant="danger-secondary"
                disabled={disabled}
                aria-describedby={permission.reason ? reasonId : undefined}
              >
                Close campaign
              </Button>
            }
          >
            <div className="flex justify-end gap-2">
              <Button onClick={() => setConfirmClose(false)}>Keep it open</Button>
              <Button variant="danger" disabled={transition.isPending} onClick={() => run('close')}>
                Close campaign for good
              </Button>
            </div>
          </Dialog>
        </div>
      </div>
      {campaign.status === 'paused' && (
        <div id={skippedId}>
          <SkippedSummary campaignId={campaign.id} />
        </div>
      )}
      {permission.reason && (
        <p id={reasonId} className="max-w-xs text-right text-xs text-slate-600">
          {permission.reason}
        </p>
      )}
      {transition.isError && !permission.reason && (
        <p role="alert" className="max-w-xs text-right text-sm text-red-800">
          {transition.error.message}
        </p>
      )}
    </div>
  );
}
