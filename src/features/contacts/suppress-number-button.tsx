import { useState } from 'react';
import { useAddSuppressions } from '../../api/suppressions';
import type { Contact } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { Field, inputClass } from '../../components/field';
import { showToast } from '../../components/toaster';

/**
 * (ext) suppression: puts one of the contact's numbers on the org's do-not-call list, with a
 * reason; the contact (and any other holding the number) is never called again.
 */
export function SuppressNumberButton({ contact }: { contact: Contact }) {
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState(contact.phone_numbers[0] ?? '');
  const [reason, setReason] = useState('');
  const add = useAddSuppressions();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) add.reset();
      }}
      title="Do not call this number"
      description="The number goes on the org's suppression list: no contact holding it is called again, in any campaign."
      trigger={<Button variant="danger">Suppress number</Button>}
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { entries: [{ phone_number: phone, reason: reason.trim(), source: 'manual' }] },
            {
              onSuccess: () => {
                showToast(`${phone} will not be called again.`, 'success');
                setOpen(false);
              },
            },
          );
        }}
      >
        {contact.phone_numbers.length > 1 ? (
          <Field label="Number">
            <select className={inputClass} value={phone} onChange={(e) => setPhone(e.target.value)}>
              {contact.phone_numbers.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </Field>
        ) : (
          <p className="text-sm">
            Number: <span className="font-mono">{phone}</span>
          </p>
        )}
        <Field label="Reason" hint="Kept with the number, e.g. “asked by email on 3 Dec”.">
          <input
            className={inputClass}
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
          />
        </Field>
        {add.isError && (
          <p role="alert" className="text-sm text-red-800">
            {add.error.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button type="button" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={add.isPending}>
            Suppress {phone}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
