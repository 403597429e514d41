import { lazy, Suspense, useId, useState } from 'react';
import { usePermission } from '../../api/session';
import { Button } from '../../components/button';

const NewCampaignDialog = lazy(() =>
  import('./new-campaign-dialog').then((m) => ({ default: m.NewCampaignDialog })),
);

export function NewCampaignButton({ label = 'New campaign' }: { label?: string }) {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const permission = usePermission('campaigns:manage', 'create campaigns');
  const reasonId = useId();
  return (
    <div className="flex flex-col items-end">
      <Button
        variant="primary"
        disabled={!permission.allowed}
        aria-haspopup="dialog"
        aria-describedby={permission.reason ? reasonId : undefined}
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      {loaded && (
        <Suspense fallback={null}>
          <NewCampaignDialog open={open} setOpen={setOpen} />
        </Suspense>
      )}
      {permission.reason && (
        <p id={reasonId} className="mt-1 max-w-xs text-right text-xs text-slate-600">
          {permission.reason}
        </p>
      )}
    </div>
  );
}
