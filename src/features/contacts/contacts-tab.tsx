import type { Campaign } from '../../api/contract';

// Replaced by the Contacts tab issue (#6).
export function ContactsTab({ campaign }: { campaign: Campaign }) {
  return <h2 className="text-lg font-semibold">Contacts of {campaign.name}</h2>;
}
