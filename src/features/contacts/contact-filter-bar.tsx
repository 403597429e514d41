import {
  CALL_STATUS_FILTERS,
  type ContactFilters,
  type Report,
} from '../../../contract/extensions';
import { Button } from '../../components/button';
import { PhoneDisclosure } from '../../components/phone-disclosure';
import { humanize } from '../../lib/humanize';
import { hasContactFilters } from '../../lib/contact-filters';
import { splitResultKey } from '../../lib/result-keys';
import { useDebouncedParam } from '../../lib/use-debounced-param';
import { useExtension } from '../../api/session';

const callStatusLabel = (s: string) => (s === 'none' ? 'Never called' : humanize(s));

/** "qualification.interested:true" → "Interested: Yes". */
function resultLabel(filter: string): string {
  const colon = filter.indexOf(':');
  const value = filter.slice(colon + 1);
  const shown = value === 'true' ? 'Yes' : value === 'false' ? 'No' : humanize(value);
  return `${humanize(splitResultKey(filter.slice(0, colon))[1])}: ${shown}`;
}

/** Values of the report's roll-up that a manager can filter by. */
function resultOptions(report: Report | undefined): string[] {
  return (report?.results ?? []).flatMap((r) =>
    r.type === 'boolean'
      ? [`${r.key}:true`, `${r.key}:false`]
      : r.type === 'string'
        ? r.values.map((v) => `${r.key}:${v.value}`)
        : [],
  );
}

/** A menu of checkboxes, one per option, its button counting the ones ticked. */
function CheckboxMenu<T extends string | number>({
  label,
  legend,
  options,
  selected,
  optionLabel,
  onChange,
}: {
  label: string;
  legend: string;
  options: readonly T[];
  selected: readonly T[];
  optionLabel: (value: T) => string;
  onChange: (next: T[]) => void;
}) {
  return (
    <details className="relative">
      <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
        {label}
        {selected.length > 0 && <span className="ml-1 text-indigo-800">({selected.length})</span>}
      </summary>
      <fieldset className="absolute z-10 mt-1 max-h-72 w-64 overflow-y-auto rounded-md border border-slate-200 bg-white p-3 shadow-lg">
        <legend className="sr-only">{legend}</legend>
        {options.map((option) => (
          <label key={String(option)} className="flex items-center gap-2 py-0.5 text-sm">
            <input
              type="checkbox"
              checked={selected.includes(option)}
              onChange={() =>
                onChange(
                  selected.includes(option)
                    ? selected.filter((s) => s !== option)
                    : [...selected, option],
                )
              }
            />
            {optionLabel(option)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

const ATTEMPT_COUNTS = Array.from({ length: 10 }, (_, i) => i);

/**
 * (ext) contact-filters: search, last and first call status, attempt count and evaluation
 * result, combined with AND; each list is OR within itself. Every change lands in the URL.
 */
export function ContactFilterBar({
  filters,
  report,
  onChange,
}: {
  filters: ContactFilters;
  report: Report | undefined;
  onChange: (next: ContactFilters) => void;
}) {
  const set = <K extends keyof ContactFilters>(key: K, value: ContactFilters[K]) => {
    const next = { ...filters };
    if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    onChange(next);
  };

  const zones = useExtension('contact-timezones');
  // The URL gets the search 300 ms after the last key, merged into the URL of that moment.
  const [search, type] = useDebouncedParam('search', { clear: ['page'] });

  const results = [...new Set([...resultOptions(report), ...(filters.result ?? [])])];
  const chips: { label: string; clear: () => void }[] = [
    ...(filters.last_status ?? []).map((s) => ({
      label: `Last call: ${callStatusLabel(s)}`,
      clear: () =>
        set(
          'last_status',
          filters.last_status!.filter((x) => x !== s),
        ),
    })),
    ...(filters.first_status ?? []).map((s) => ({
      label: `First call: ${callStatusLabel(s)}`,
      clear: () =>
        set(
          'first_status',
          filters.first_status!.filter((x) => x !== s),
        ),
    })),
    ...(filters.attempts ?? []).map((n) => ({
      label: `${n} attempt${n === 1 ? '' : 's'}`,
      clear: () =>
        set(
          'attempts',
          filters.attempts!.filter((x) => x !== n),
        ),
    })),
    ...(filters.result ?? []).map((r) => ({
      label: resultLabel(r),
      clear: () =>
        set(
          'result',
          filters.result!.filter((x) => x !== r),
        ),
    })),
    ...(filters.timezone ?? []).map((z) => ({
      label: z === 'none' ? 'No time zone' : `Time zone: ${z}`,
      clear: () =>
        set(
          'timezone',
          filters.timezone!.filter((x) => x !== z),
        ),
    })),
    ...(filters.callable
      ? [{ label: 'Callable now', clear: () => set('callable', undefined) }]
      : []),
    ...(filters.suppressed
      ? [
          {
            label: filters.suppressed === 'true' ? 'Suppressed' : 'Not suppressed',
            clear: () => set('suppressed', undefined),
          },
        ]
      : []),
  ];

  return (
    <div role="search" aria-label="Filter contacts" className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm font-medium max-sm:min-w-0 max-sm:flex-1">
          <span className="max-sm:sr-only">Search</span>
          <input
            type="search"
            value={search}
            onChange={(e) => type(e.target.value)}
            placeholder="Phone, name or ID"
            maxLength={200}
            className="mt-1 block w-64 max-w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm max-sm:mt-0 max-sm:min-h-11 max-sm:w-full"
          />
        </label>
        {/* On a phone the search stays and the rest open from one button. */}
        <PhoneDisclosure label="Filters" count={chips.length}>
          <CheckboxMenu
            label="Last call"
            legend="Status of the last call"
            options={CALL_STATUS_FILTERS}
            selected={filters.last_status ?? []}
            optionLabel={callStatusLabel}
            onChange={(next) => set('last_status', next)}
          />
          <CheckboxMenu
            label="First call"
            legend="Status of the first call"
            options={CALL_STATUS_FILTERS}
            selected={filters.first_status ?? []}
            optionLabel={callStatusLabel}
            onChange={(next) => set('first_status', next)}
          />
          <CheckboxMenu
            label="Attempts"
            legend="Number of attempts"
            options={ATTEMPT_COUNTS}
            selected={filters.attempts ?? []}
            optionLabel={(n) => `${n} attempt${n === 1 ? '' : 's'}`}
            onChange={(next) => set('attempts', next)}
          />
          {zones && (
            <label className="flex items-center gap-2 self-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
              <input
                type="checkbox"
                checked={filters.callable === 'now'}
                onChange={(e) => set('callable', e.target.checked ? 'now' : undefined)}
              />
              Callable now
            </label>
          )}
          {results.length > 0 && (
            <CheckboxMenu
              label="Result"
              legend="Latest evaluation result"
              options={results}
              selected={filters.result ?? []}
              optionLabel={resultLabel}
              onChange={(next) => set('result', next)}
            />
          )}
        </PhoneDisclosure>
      </div>
      {hasContactFilters(filters) && (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
          {chips.map((chip) => (
            <li key={chip.label}>
              <Button
                variant="ghost"
                className="rounded-full border border-indigo-200 bg-indigo-50 px-2 py-0.5 text-xs text-indigo-900"
                aria-label={`Remove filter ${chip.label}`}
                onClick={chip.clear}
              >
                {chip.label} <span aria-hidden="true">×</span>
              </Button>
            </li>
          ))}
          <li>
            <Button variant="ghost" className="text-xs" onClick={() => onChange({})}>
              Clear all filters
            </Button>
          </li>
        </ul>
      )}
    </div>
  );
}
