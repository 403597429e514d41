import { useState } from 'react';
import { useDeleteContact } from '../../api/contacts';
import type { Contact } from '../../../contract/schemas';
import { usePermission } from '../../api/session';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';

function DeleteContactDialog({
  campaignId,
  contact,
  label,
  onClose,
}: {
  campaignId: string;
  contact: Contact;
  label: string;
  onClose: () => void;
}) {
  const remove = useDeleteContact(campaignId);
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
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
          onClick={() => remove.mutate(contact.id, { onSuccess: onClose })}
        >
          Delete contact
        </Button>
      </div>
    </Dialog>
  );
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
  // The tab's Import button asks the server up front; 200 rows just read the answer.
  const permission = usePermission('campaigns:manage');
  return (
    <>
      <Button
        variant="ghost"
        className="text-red-800"
        disabled={!permission.allowed}
        title={permission.reason ?? undefined}
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
        />
      )}
    </>
  );
}
