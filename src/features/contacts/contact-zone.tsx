import type { Contact } from '../../../contract/schemas';
import { formatInZone, shownZone, unknownZoneNote } from '../../lib/format';
import { useNow } from '../../lib/use-now';

const SOURCES = { data: 'from its data', phone: 'from its number' } as const;

/** (ext) contact-timezones: the contact's zone, where it came from, and its local time now. */
export function ContactZone({ contact }: { contact: Contact }) {
  const now = useNow(30_000);
  if (!contact.timezone) {
    return <span>No time zone: not called when calls follow each contact’s own hours</span>;
  }
  const note = unknownZoneNote(contact.timezone);
  return (
    <span>
      {contact.timezone}
      {contact.timezone_source && ` (${SOURCES[contact.timezone_source]})`}, local time{' '}
      <time>{formatInZone(now, shownZone(contact.timezone), 'weekday-clock')}</time>
      {note && <span className="block text-xs text-slate-600">{note}</span>}
    </span>
  );
}
