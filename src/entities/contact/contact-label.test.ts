import { describe, expect, it } from 'vitest';
import { makeContact } from '../../test/fixtures';
import { contactLabel, contactName } from './contact-label';

describe("a contact's label", () => {
  it('takes the name from `name`, else first and last name, trimmed', () => {
    expect(contactName(makeContact('c', { data: { name: '  Ada King ', first_name: 'X' } }))).toBe(
      'Ada King',
    );
    expect(contactName(makeContact('c', { data: { first_name: 'Ada', last_name: '' } }))).toBe(
      'Ada',
    );
    expect(contactName(makeContact('c', { data: { name: '   ', first_name: 7 } }))).toBeNull();
  });

  it('leads with the external_id in a row and with the name on its own page', () => {
    const contact = makeContact('c', { external_id: 'lead-7', data: { name: 'Ada' } });
    expect(contactLabel(contact)).toBe('lead-7');
    expect(contactLabel(contact, 'name')).toBe('Ada');
  });

  it('falls back to the other, then the first number, then the id', () => {
    const named = makeContact('c', { external_id: null, data: { name: 'Ada' } });
    expect(contactLabel(named)).toBe('Ada');
    const bare = makeContact('c', { external_id: null, data: {}, phone_numbers: ['+1415', '+1'] });
    expect(contactLabel(bare)).toBe('+1415');
    expect(contactLabel(makeContact('c', { external_id: 'lead-1', data: {} }), 'name')).toBe(
      'lead-1',
    );
    const none = makeContact('c', { external_id: null, data: {}, phone_numbers: [] });
    expect(contactLabel(none, 'name')).toBe(none.id);
  });
});
