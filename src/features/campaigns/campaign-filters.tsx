import { useEffect, useState } from 'react';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../../contract/schemas';
import { humanize } from '../../components/status-badge';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import type { CampaignListFilters } from '../../api/campaigns';

export function CampaignFilters({
  filters,
  onChange,
}: {
  filters: CampaignListFilters;
  onChange: (next: Partial<CampaignListFilters>) => void;
}) {
  const [name, setName] = useState(filters.name);
  const debounced = useDebouncedValue(name, 300);

  useEffect(() => {
    if (debounced !== filters.name) onChange({ name: debounced });
    // Only the debounced text drives the URL; the URL drives the input on back/forward below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  useEffect(() => {
    setName(filters.name);
  }, [filters.name]);

  function toggle(status: CampaignStatus) {
    const next = filters.status.includes(status)
      ? filters.status.filter((s) => s !== status)
      : [...filters.status, status];
    onChange({ status: next });
  }

  return (
    <div className="flex flex-wrap items-end gap-4">
      <label className="text-sm font-medium">
        Search by name
        <input
          type="search"
          value={name}
          onChange={(e) => setName(e.target.value)}
          className="mt-1 block w-64 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          placeholder="e.g. spring"
        />
      </label>
      <fieldset className="flex items-center gap-3 text-sm">
        <legend className="sr-only">Status</legend>
        <span className="font-medium" aria-hidden="true">
          Status:
        </span>
        {CAMPAIGN_STATUSES.map((status) => (
          <label key={status} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={filters.status.includes(status)}
              onChange={() => toggle(status)}
            />
            {humanize(status)}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
