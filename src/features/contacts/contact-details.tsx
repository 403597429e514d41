import type { Contact } from '../../../contract/schemas';
import { AttemptsList } from './attempts-list';
import { asText, truncate } from '../../entities/contact/contact-display';

function DataPreview({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data).filter(
    ([k]) => !['first_name', 'last_name', 'name'].includes(k),
  );
  if (entries.length === 0) return null;
  return (
    <dl className="mb-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
      {entries.map(([key, value]) => {
        const full = asText(value);
        const { text, truncated } = truncate(full, 120);
        return (
          <div key={key} className="flex min-w-0 gap-2">
            <dt className="max-w-[40%] shrink-0 text-slate-600 wrap-anywhere">{key}</dt>
            <dd title={truncated ? full : undefined} className="min-w-0 wrap-anywhere">
              {text}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** What an expanded row shows: the contact's data and every attempt. */
export default function ContactDetails({ contact }: { contact: Contact }) {
  return (
    <>
      <DataPreview data={contact.data} />
      <AttemptsList attempts={contact.attempts} />
    </>
  );
}
