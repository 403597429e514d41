import { useRef, useState } from 'react';
import { useDeleteContact } from '../../api/contacts';
import type { Contact } from '../../../contract/schemas';
import { usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { showToast } from '../../components/toaster';
import { contactLabel } from './contact-label';

function DeleteContactDialog({
  campaignId,
  contact,
  description,
  onClose,
  nextFocus,
}: {
  campaignId: string;
  contact: Contact;
  description: string;
  onClose: () => void;
  nextFocus: () => HTMLElement | null;
}) {
  const remove = useDeleteContact(campaignId);
  const label = contactLabel(contact);
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
      description={description}
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
          onClick={() => {
            const target = nextFocus();
            // The promise, not mutate's callbacks: the refetched list may remove this row (and
            // this dialog) before they would run.
            remove.mutateAsync(contact.id).then(
              () => {
                next.current = target;
                showToast(`Deleted ${label}.`, 'success');
                onClose();
              },
              () => undefined, // shown from remove.error while the dialog is open
            );
          }}
        >
          Delete contact
        </Button>
      </div>
    </Dialog>
  );
}

/** The `target` of the row after `button`'s (or before it, for the last row). */
function rowFocusTarget(button: HTMLElement | null, target: string): HTMLElement | null {
  const row = button?.closest('tr');
  if (!row?.parentElement) return null;
  const rows = [...row.parentElement.querySelectorAll('tr')].filter(
    (r) => r !== row && r.querySelector(target),
  );
  const after = rows.find((r) => row.compareDocumentPosition(r) & Node.DOCUMENT_POSITION_FOLLOWING);
  return (after ?? rows.at(-1))?.querySelector<HTMLElement>(target) ?? null;
}

/**
 * A contact row's Delete, confirmed in a dialog; once deleted, focus moves to `rowTarget` (a
 * selector) in the next row. The dialog and its mutation mount only when asked for: a page
 * can hold 200 of these.
 */
export function DeleteContactButton({
  campaignId,
  contact,
  description,
  rowTarget,
}: {
  campaignId: string;
  contact: Contact;
  description: string;
  rowTarget: string;
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
        aria-label={`Delete ${contactLabel(contact)}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Delete
      </Button>
      {open && (
        <DeleteContactDialog
          campaignId={campaignId}
          contact={contact}
          description={description}
          onClose={() => setOpen(false)}
          nextFocus={() => rowFocusTarget(button.current, rowTarget)}
        />
      )}
    </>
  );
}
