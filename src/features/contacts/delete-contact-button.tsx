import { useState } from 'react';
import { useDeleteContact } from '../../api/contacts';
import type { Contact } from '../../api/contract';
import { usePermission } from '../../api/permissions';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';

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
  const remove = useDeleteContact(campaignId);
  const permission = usePermission('campaigns:manage');
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
      title={`Delete ${label}?`}
      description="The contact and its attempts are removed from this campaign. This cannot be undone."
      trigger={
        <Button
          variant="ghost"
          className="text-red-800"
          disabled={!permission.allowed}
          title={permission.reason ?? undefined}
          aria-label={`Delete ${label}`}
        >
          Delete
        </Button>
      }
    >
      {remove.isError && (
        <p role="alert" className="mb-3 text-sm text-red-800">
          {remove.error.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={() => setOpen(false)}>Cancel</Button>
        <Button
          variant="danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate(contact.id, { onSuccess: () => setOpen(false) })}
        >
          Delete contact
        </Button>
      </div>
    </Dialog>
  );
}
