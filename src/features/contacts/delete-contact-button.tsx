import { useRef, useState } from 'react';
import { useDeleteContact } from '../../api/contacts';
import type { Contact } from '../../../contract/schemas';
import { usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { showToast } from '../../components/toaster';

function DeleteContactDialog({
  campaignId,
  contact,
  label,
  onClose,
  nextFocus,
}: {
  campaignId: string;
  contact: Contact;
  label: string;
  onClose: () => void;
  nextFocus: () => HTMLElement | null;
}) {
  const remove = useDeleteContact(campaignId);
  // Found while the row is still there: the list may refetch it away before the dialog's
  // focus return runs.
  const next = useRef<HTMLElement | null>(null);
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      // Deleted, its row is about to go: the next row (or the one before) takes focus.
      returnFocus={() => next.current}
      title={`Delete ${label}?`}
      description="The contact and its attempts are removed from this campaign. This cannot be undone."
    >
      {remove.isError && (
        <p role="alert" className="mb-3 text-sm text-red-800">
          {remove.error.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="danger"
          disabled={remove.isPending}
          onClick={() =>
            remove.mutate(contact.id, {
              onSuccess: () => {
                next.current = nextFocus();
                showToast(`Deleted ${label}.`, 'success');
                onClose();
              },
            })
          }
        >
          Delete contact
        </Button>
      </div>
    </Dialog>
  );
}

/** The expand button of the contact row after `button`'s (or before it, for the last row). */
function rowFocusTarget(button: HTMLElement | null): HTMLElement | null {
  const row = button?.closest('tr');
  if (!row?.parentElement) return null;
  const rows = [...row.parentElement.querySelectorAll('tr')].filter(
    (r) => r !== row && r.querySelector('button[aria-expanded]'),
  );
  const after = rows.find((r) => row.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING);
  return (after ?? rows.at(-1))?.querySelector<HTMLElement>('button[aria-expanded]') ?? null;
}

/** The dialog and its mutation mount only when asked for: a page can hold 200 of these. */
export function DeleteContactButton({
  campaignId,
  contact,
  label,
}: {
  campaignId: string;
  contact: Contact;
  label: string;
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // The tab says once why a read-only key cannot delete; 200 rows just read the answer.
  const permission = usePermission('campaigns:manage');
  if (!permission.allowed) return null;
  return (
    <>
      <Button
        ref={button}
        variant="ghost"
        className="text-red-800"
        aria-label={`Delete ${label}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Delete
      </Button>
      {open && (
        <DeleteContactDialog
          campaignId={campaignId}
          contact={contact}
          label={label}
          onClose={() => setOpen(false)}
          nextFocus={() => rowFocusTarget(button.current)}
        />
      )}
    </>
  );
}
