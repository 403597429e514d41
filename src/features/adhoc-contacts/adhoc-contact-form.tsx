import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useUpsertContacts } from '../../api/contacts';
import { Button } from '../../components/button';
import { Field, inputClass } from '../../components/field';
import { showToast } from '../../components/toaster';

const splitNumbers = (text: string) =>
  text
    .split(/[,;\n]+/)
    .map((n) => n.trim())
    .filter(Boolean);

/**
 * Adds an ad-hoc contact, or updates the one with this external ID. The API takes only
 * +<country><number> here (no campaign, so no calling code): a national number is read as the
 * contract's default, +1, before sending, as the importer reads one with its campaign's code.
 */
export function AdhocContactForm() {
  const upsert = useUpsertContacts('default');
  const [externalId, setExternalId] = useState('');
  const [name, setName] = useState('');
  const [phones, setPhones] = useState('');
  const [phoneError, setPhoneError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = splitNumbers(phones);
    if (typed.length === 0) return setPhoneError('Enter at least one phone number.');
    // The phone library loads only here, not with the page.
    const { normalizePhone } = await import('../../../contract/phone');
    const read = typed.map((n) => ({ typed: n, as: normalizePhone(n, null) }));
    const bad = read.filter((n) => !n.as.ok).map((n) => n.typed);
    if (bad.length > 0) {
      return setPhoneError(
        `Could not read ${bad.join(', ')} as a phone number. Outside the US and Canada, start with + and the country code, like +44 20 7946 0000.`,
      );
    }
    setPhoneError(null);
    upsert.mutate(
      [
        {
          phone_numbers: read.map((n) => (n.as.ok ? n.as.e164 : n.typed)),
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
      onSubmit={(event) => void submit(event)}
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
        hint="Like +14155550199, or (415) 555-0199 for a US or Canadian number; separate several with commas."
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
