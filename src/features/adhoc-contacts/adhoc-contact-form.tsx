import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useUpsertContacts } from '../../api/contacts';
import { E164 } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { Field, inputClass } from '../../components/field';
import { showToast } from '../../components/toaster';

const splitNumbers = (text: string) =>
  text
    .split(/[,;\n]+/)
    .map((n) => n.trim())
    .filter(Boolean);

/**
 * Adds an ad-hoc contact, or updates the one with this external ID. Without a campaign there
 * is no calling code to read a national number with: numbers must already be E.164.
 */
export function AdhocContactForm() {
  const upsert = useUpsertContacts('default');
  const [externalId, setExternalId] = useState('');
  const [name, setName] = useState('');
  const [phones, setPhones] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const numbers = splitNumbers(phones);
    const bad = numbers.filter((n) => !E164.test(n));
    if (numbers.length === 0) return setPhoneError('Enter at least one phone number.');
    if (bad.length > 0) {
      return setPhoneError(
        `Not E.164: ${bad.join(', ')}. Contacts without a campaign need +<country><number>, like +14155550123.`,
      );
    }
    setPhoneError(null);
    upsert.mutate(
      [
        {
          phone_numbers: numbers,
          ...(externalId.trim() && { external_id: externalId.trim() }),
          ...(name.trim() && { data: { name: name.trim() } }),
        },
      ],
      {
        onSuccess: (result) => {
          if (result.failed.length > 0) return;
          showToast(result.inserted ? 'Contact added.' : 'Contact updated.', 'success');
          setExternalId('');
          setName('');
          setPhones('');
        },
      },
    );
  }

  const failed = upsert.data?.failed ?? [];
  return (
    <form
      onSubmit={submit}
      aria-label="Add or update a contact"
      noValidate
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
    >
      <Field label="External ID" hint="An existing external ID updates that contact.">
        <input
          className={inputClass}
          value={externalId}
          onChange={(e) => setExternalId(e.target.value)}
        />
      </Field>
      <Field label="Name">
        <input className={inputClass} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field
        label="Phone numbers"
        error={phoneError}
        hint="E.164 only, like +14155550123; separate several with commas."
      >
        <input
          className={inputClass}
          value={phones}
          inputMode="tel"
          onChange={(e) => setPhones(e.target.value)}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
        <Button type="submit" variant="primary" disabled={upsert.isPending}>
          Save contact
        </Button>
        {upsert.isError && (
          <p role="alert" className="text-sm text-red-800">
            {upsert.error instanceof ApiError ? upsert.error.message : 'Could not save.'}
          </p>
        )}
        {failed.length > 0 && (
          <p role="alert" className="text-sm text-red-800">
            Not saved: {failed.map((f) => f.reason).join('; ')}
          </p>
        )}
      </div>
    </form>
  );
}
