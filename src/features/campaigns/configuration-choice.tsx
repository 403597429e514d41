import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { configurationQueries } from '../../api/configurations';
import { MAX_ATTEMPTS, RETRY_INTERVAL, type Configuration } from '../../../contract/schemas';
import { ErrorState } from '../../components/error-state';
import { formatRetries, formatSchedule } from '../../lib/schedule';

/** What a configuration does to a campaign's calls; `null`: the contract's defaults. */
export function configurationFacts(c: Configuration | null): { term: string; value: string }[] {
  return [
    {
      term: 'Calling window',
      value: c?.schedule ? `${formatSchedule(c.schedule)} (${c.timezone})` : 'Any time',
    },
    {
      term: 'Retries',
      value: c
        ? formatRetries(c.max_attempts, c.retry_interval_minutes)
        : formatRetries(MAX_ATTEMPTS.default, RETRY_INTERVAL.default),
    },
    { term: 'Caller number', value: c?.from_phone_number ?? 'Not set' },
  ];
}

export function ConfigurationFacts({ config, id }: { config: Configuration | null; id?: string }) {
  return (
    <dl id={id} className="mt-1 grid gap-x-3 text-sm sm:grid-cols-[auto_1fr]">
      {configurationFacts(config).map(({ term, value }) => (
        <div key={term} className="contents">
          <dt className="text-slate-600">{term}</dt>
          <dd className="break-words text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Option({
  name,
  value,
  label,
  config,
  checked,
  onChange,
}: {
  name: string;
  value: string;
  label: string;
  config: Configuration | null;
  checked: boolean;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    // The label stretches over the card, so a click anywhere on it chooses it.
    <div
      className={`relative flex items-start gap-3 rounded-lg border p-3 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-600 ${checked ? 'border-indigo-600 bg-indigo-50' : 'border-slate-300 bg-white hover:bg-slate-50'}`}
    >
      <input
        id={id}
        type="radio"
        name={name}
        value={value}
        checked={checked}
        aria-describedby={`${id}-facts`}
        // Above the label's overlay, so a click on the radio itself reaches it.
        className="relative z-10 mt-1"
        onChange={() => onChange(value)}
      />
      <div className="min-w-0">
        <label
          htmlFor={id}
          className="font-medium break-words after:absolute after:inset-0 after:cursor-pointer"
        >
          {label}
        </label>
        <ConfigurationFacts config={config} id={`${id}-facts`} />
      </div>
    </div>
  );
}

/** The configurations to choose from, each with its window, retries and caller number. */
export function ConfigurationChoice({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (configurationId: string) => void;
  error?: string;
}) {
  const name = useId();
  const list = useQuery(configurationQueries.list());
  return (
    <fieldset aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium">Configuration</legend>
      <p className="text-xs text-slate-600">
        When the campaign calls, how often it tries a contact again, and from which number. You can
        change it later in the campaign&apos;s Settings.
      </p>
      {error && (
        <p id={`${name}-error`} role="alert" className="mt-1 text-sm text-red-800">
          {error}
        </p>
      )}
      {list.isPending ? (
        <p className="mt-2 text-sm text-slate-600">Loading configurations…</p>
      ) : list.isError ? (
        <ErrorState
          title="Could not load configurations"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : (
        <div className="mt-2 space-y-2">
          {list.data.map((c) => (
            <Option
              key={c.id}
              name={name}
              value={c.id}
              label={c.name}
              config={c}
              checked={value === c.id}
              onChange={onChange}
            />
          ))}
          <Option
            name={name}
            value=""
            label="No configuration (the defaults)"
            config={null}
            checked={value === ''}
            onChange={onChange}
          />
        </div>
      )}
    </fieldset>
  );
}
