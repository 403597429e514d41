import type { Contact } from '../../../contract/schemas';

/** A display name from the contact's free-form data (`name`, else `first_name last_name`). */
export function contactName(contact: Contact): string | null {
  const d = contact.data;
  const pick = (k: string) => (typeof d[k] === 'string' ? (d[k] as string).trim() : '');
  const full = pick('name') || [pick('first_name'), pick('last_name')].filter(Boolean).join(' ');
  return full || null;
}

/**
 * What one line calls a contact: its external_id or its name, then its first number, then its
 * id. `first`: in a row, actions are named as the row's link (its external_id) reads; a
 * contact's own page is headed with the person's name.
 */
export function contactLabel(contact: Contact, first: 'external_id' | 'name' = 'external_id') {
  const name = contactName(contact);
  const lead = first === 'name' ? (name ?? contact.external_id) : (contact.external_id ?? name);
  return lead ?? contact.phone_numbers[0] ?? contact.id;
}
