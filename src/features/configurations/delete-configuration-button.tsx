import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useDeleteConfiguration } from '../../api/configurations';
import type { Campaign, Configuration } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { showToast } from '../../components/toaster';
import { formatCount } from '../../lib/format';

function CampaignLinks({ campaigns }: { campaigns: Campaign[] }) {
  return (
    <ul className="mt-2 list-disc pl-5">
      {campaigns.map((c) => (
        <li key={c.id}>
          <Link className="text-indigo-700 underline" to={`/campaigns/${c.id}/settings`}>
            {c.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Delete, asked first. A configuration the campaign list shows in use is not offered for
 * deletion at all (the API would refuse it): the dialog names the campaigns instead.
 */
export function DeleteConfigurationButton({
  config,
  usedBy,
}: {
  config: Configuration;
  /** The campaigns using it; null until the campaign list has answered. */
  usedBy: Campaign[] | null;
}) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteConfiguration();
  const conflict = remove.error instanceof ApiError && remove.error.status === 409;
  const inUse = usedBy !== null && usedBy.length > 0;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
      title={inUse ? `${config.name} is in use` : `Delete ${config.name}?`}
      description={
        inUse
          ? `It is used by ${formatCount(usedBy.length, 'campaign')}, so it cannot be deleted. Move them to another configuration in their Settings first.`
          : 'Campaigns cannot use a deleted configuration. This cannot be undone.'
      }
      trigger={
        <Button variant="ghost" className="text-red-800" aria-label={`Delete ${config.name}`}>
          Delete
        </Button>
      }
    >
      {inUse ? (
        <>
          <CampaignLinks campaigns={usedBy} />
          <div className="mt-4 flex justify-end">
            <Button onClick={() => setOpen(false)}>OK</Button>
          </div>
        </>
      ) : (
        <>
          {remove.isError && (
            // A campaign the list did not show yet (made meanwhile, or by another key).
            <div role="alert" className="mb-3 text-sm text-red-800">
              <p>
                {conflict
                  ? 'This configuration is in use, so it cannot be deleted.'
                  : remove.error.message}
              </p>
              {conflict && (
                <p className="mt-1 text-slate-700">
                  {remove.error.message} Move those campaigns to another configuration first.
                </p>
              )}
            </div>
          )}
          <div className="flex justify-end gap-2">
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button
              variant="danger"
              disabled={remove.isPending || conflict}
              onClick={() =>
                remove.mutate(config.id, {
                  onSuccess: () => {
                    setOpen(false);
                    showToast(`Deleted ${config.name}.`, 'success');
                  },
                })
              }
            >
              Delete configuration
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
