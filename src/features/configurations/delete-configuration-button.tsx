import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useDeleteConfiguration } from '../../api/configurations';
import type { Campaign, Configuration } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { showToast } from '../../components/toaster';

export function DeleteConfigurationButton({
  config,
  usedBy,
}: {
  config: Configuration;
  usedBy: Campaign[];
}) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteConfiguration();
  const conflict = remove.error instanceof ApiError && remove.error.status === 409;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
      title={`Delete ${config.name}?`}
      description="Campaigns cannot use a deleted configuration. This cannot be undone."
      trigger={
        <Button variant="ghost" className="text-red-800" aria-label={`Delete ${config.name}`}>
          Delete
        </Button>
      }
    >
      {remove.isError && (
        <div role="alert" className="mb-3 text-sm text-red-800">
          <p>
            {conflict
              ? 'This configuration is in use, so it cannot be deleted.'
              : remove.error.message}
          </p>
          {conflict && (
            <>
              {/* The server's detail names campaigns by UUID; their names say it better. */}
              {usedBy.length === 0 && <p className="mt-1 text-slate-700">{remove.error.message}</p>}
              {usedBy.length > 0 && (
                <ul className="mt-2 list-disc pl-5">
                  {usedBy.map((c) => (
                    <li key={c.id}>
                      <Link
                        className="text-indigo-700 underline"
                        to={`/campaigns/${c.id}/settings`}
                      >
                        {c.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
              <p className="mt-2 text-slate-700">
                Move those campaigns to another configuration first.
              </p>
            </>
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
    </Dialog>
  );
}
