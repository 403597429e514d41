import { useQueryClient } from '@tanstack/react-query';
import type { Campaign, ContactBucket } from '../../../contract/schemas';
import type { ContactFilters } from '../../../contract/extensions';
import { hasContactFilters } from '../../lib/contact-filters';
import { ExportButton } from '../../components/export-button';
import { formatCount } from '../../lib/format';

export function ExportContactsButton({
  campaign,
  status,
  filters,
}: {
  campaign: Campaign;
  status: ContactBucket | null;
  filters: ContactFilters;
}) {
  const queryClient = useQueryClient();
  const filtered = hasContactFilters(filters);
  return (
    <ExportButton
      label={filtered ? 'Export filtered CSV' : 'Export CSV'}
      run={async (opts) => {
        // The CSV code loads only when someone exports.
        const { exportContacts } = await import('./export-contacts');
        const outcome = await exportContacts(queryClient, campaign, status, filters, opts);
        if (outcome === 'cancelled') return outcome;
        const which = filtered ? ' matching the filters' : '';
        return {
          file: outcome.file,
          message: `Exported ${formatCount(outcome.count, 'contact')}${which} to ${outcome.file}.`,
        };
      }}
    />
  );
}
