import { useQuery } from '@tanstack/react-query';
import { configurationQueries } from '../../api/configurations';
import type { Campaign } from '../../../contract/schemas';
import { StatusBadge } from '../../components/status-badge';
import { ZoneNote } from '../../components/zone-note';
import { formatRetries, formatSchedule } from '../../lib/schedule';
import { LifecycleButtons } from './lifecycle-buttons';
import { PageHeading } from '../../components/page-heading';
import { CampaignPausedBy } from '../../entities/campaign/paused-by';
import { PhoneDisclosure } from '../../components/phone-disclosure';

const TERMS = ['Configuration', 'Agent', 'Caller number', 'Calling window', 'Retries'];

function ConfigurationSummary({ configurationId }: { configurationId: string | null }) {
  const config = useQuery({
    ...configurationQueries.detail(configurationId ?? ''),
    enabled: configurationId !== null,
  });
  if (configurationId === null) {
    return (
      <p>No configuration: defaults apply (up to 3 calls, 1 hour apart, any time, +1 numbers).</p>
    );
  }
  if (config.isError) return <p>Configuration unavailable: {config.error.message}</p>;
  const c = config.data;
  // While it loads, the same terms hold the place the values will take.
  const values = c
    ? [
        c.name,
        // No agents endpoint gives it a name: the id, as secondary text.
        <span className="font-mono text-xs text-slate-600">{c.agent_id ?? '—'}</span>,
        c.from_phone_number ?? '—',
        `${formatSchedule(c.schedule)} (${c.timezone})`,
        formatRetries(c.max_attempts, c.retry_interval_minutes),
      ]
    : TERMS.map(() => '…');
  return (
    <>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-3 lg:grid-cols-5" aria-busy={!c}>
        {TERMS.map((term, i) => (
          <div key={term}>
            <dt className="text-xs text-slate-500 uppercase">{term}</dt>
            <dd className="text-sm text-slate-800">{values[i]}</dd>
          </div>
        ))}
      </dl>
      {c && <ZoneNote zone={c.timezone} className="mt-1" />}
    </>
  );
}

export function CampaignHeader({ campaign }: { campaign: Campaign }) {
  return (
    <header className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 max-sm:p-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex min-w-0 items-center gap-3">
            {/* A box of its own lets a long unbroken name wrap instead of widening the row. */}
            <div className="min-w-0">
              <PageHeading title={null}>{campaign.name}</PageHeading>
            </div>
            <StatusBadge status={campaign.status} />
          </div>
          {campaign.status === 'paused' && <CampaignPausedBy campaignId={campaign.id} />}
          <p className="mt-1 text-sm text-slate-600">
            External ID: <span className="font-mono">{campaign.external_id ?? 'none'}</span>
          </p>
        </div>
        <LifecycleButtons campaign={campaign} />
      </div>
      {/* On a phone behind one button, so the tab's first numbers are in the first screen. */}
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <PhoneDisclosure label="Configuration">
          <div className="w-full">
            <ConfigurationSummary configurationId={campaign.configuration_id} />
          </div>
        </PhoneDisclosure>
      </div>
    </header>
  );
}
