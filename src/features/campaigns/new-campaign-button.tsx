import { lazy, Suspense, useId, useState } from 'react';
import { usePermission } from '../../api/session';
import { Button } from '../../components/button';

const NewCampaignDialog = lazy(() =>
  import('./new-campaign-dialog').then((m) => ({ default: m.NewCampaignDialog })),
);

/**
 * The page's one "New campaign" dialog, which any of its buttons opens. It lives with the
 * page, not with a button: the empty list's button goes away once the campaign it creates
 * is listed, half-way through the flow.
 */
export function useNewCampaign() {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  return {
    show: () => {
      setLoaded(true);
      setOpen(true);
    },
    dialog: loaded && (
      <Suspense fallback={null}>
        <NewCampaignDialog open={open} setOpen={setOpen} />
      </Suspense>
    ),
  };
}

export function NewCampaignButton({
  label = 'New campaign',
  onOpen,
}: {
  label?: string;
  onOpen: () => void;
}) {
  const permission = usePermission('campaigns:manage', 'create campaigns');
  const reasonId = useId();
  return (
    <div className="flex flex-col items-end">
      <Button
        variant="primary"
        disabled={!permission.allowed}
        aria-haspopup="dialog"
        aria-describedby={permission.reason ? reasonId : undefined}
        onClick={onOpen}
      >
        {label}
      </Button>
      {permission.reason && (
        <p id={reasonId} className="mt-1 max-w-xs text-right text-xs text-slate-600">
          {permission.reason}
        </p>
      )}
    </div>
  );
}
