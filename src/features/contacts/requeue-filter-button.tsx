import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { contactQueries } from '../../api/contacts';
import { REQUEUE_STATUSES, type ContactFilters } from '../../../contract/extensions';
import type { Campaign } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { RequeueDialog, useCanRequeue } from '../../entities/contact/requeue-dialog';
import { formatNumber } from '../../lib/format';

type RequeueStatus = (typeof REQUEUE_STATUSES)[number];
const LABELS: Record<RequeueStatus, string> = { exhausted: 'Exhausted', completed: 'Completed' };

function RequeueFilterDialog({
  campaign,
  filters,
  onClose,
}: {
  campaign: Campaign;
  filters: ContactFilters;
  onClose: () => void;
}) {
  const [chosen, setChosen] = useState<RequeueStatus[]>(['exhausted']);
  // How many of each status the filter matches: the totals of one-row pages.
  const counts = useQueries({
    queries: REQUEUE_STATUSES.map((status) =>
      contactQueries.list(campaign.id, { limit: 1, offset: 0, status, filters }),
    ),
  });
  const countOf = (status: RequeueStatus) => counts[REQUEUE_STATUSES.indexOf(status)]?.data?.total;
  const known = chosen.every((s) => countOf(s) !== undefined);
  const count = known ? chosen.reduce((sum, s) => sum + (countOf(s) ?? 0), 0) : null;
  return (
    <RequeueDialog
      campaign={campaign}
      request={{ status: chosen.length ? chosen : ['exhausted'], ...filters }}
      count={chosen.length ? count : 0}
      onClose={onClose}
    >
      <fieldset className="mb-4">
        <legend className="mb-1 text-sm font-medium">
          Contacts of the current filter that are
        </legend>
        {REQUEUE_STATUSES.map((status) => {
          const n = countOf(status);
          return (
            <label key={status} className="mr-4 inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={chosen.includes(status)}
                onChange={(e) =>
                  setChosen((prev) =>
                    e.target.checked ? [...prev, status] : prev.filter((s) => s !== status),
                  )
                }
              />
              {LABELS[status]}
              {n !== undefined && ` (${formatNumber(n)})`}
            </label>
          );
        })}
      </fieldset>
    </RequeueDialog>
  );
}

/** Calls again what the current contact filters match, after a confirmation with the count. */
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
        Call matching contacts again…
      </Button>
      {open && (
        <RequeueFilterDialog campaign={campaign} filters={filters} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
