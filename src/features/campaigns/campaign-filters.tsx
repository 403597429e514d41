import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../../contract/schemas';
import { humanize } from '../../lib/humanize';
import type { CampaignListFilters } from '../../api/campaigns';
import { useDebouncedParam } from '../../lib/use-debounced-param';

export function CampaignFilters({
  filters,
  onChange,
  finishedOffered,
  finishedPending,
}: {
  filters: CampaignListFilters;
  onChange: (next: Partial<CampaignListFilters>) => void;
  /** (ext) finished: the server can tell finished campaigns apart. */
  finishedOffered: boolean;
  /** The session is on its way: the filter's place is kept so the list does not jump down. */
  finishedPending: boolean;
}) {
  // The URL gets the name 300 ms after the last key, merged into the URL of that moment.
  const [name, type] = useDebouncedParam('q');

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
          onChange={(e) => type(e.target.value)}
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
      {(finishedOffered || finishedPending) && (
        <label
          className={`text-sm font-medium ${finishedOffered ? '' : 'invisible'}`}
          // Until the session says, its place is kept (the list below would jump down); inert
          // keeps it from keyboard and screen readers meanwhile.
          inert={!finishedOffered}
        >
          Finished
          <select
            className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm"
            value={filters.finished === undefined ? '' : String(filters.finished)}
            onChange={(e) =>
              onChange({ finished: e.target.value === '' ? undefined : e.target.value === 'true' })
            }
          >
            <option value="">Any</option>
            <option value="true">Finished: nothing left to call</option>
            <option value="false">Not finished</option>
          </select>
        </label>
      )}
    </div>
  );
}
