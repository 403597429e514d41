import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { campaignQueries, useCampaignTransition } from '../../api/campaigns';
import { configurationQueries } from '../../api/configurations';
import type { Campaign } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { showToast } from '../../components/toaster';
import { formatCount } from '../../lib/format';
import { ConfigurationFacts } from './configuration-choice';

function Term({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-[10rem_1fr] sm:gap-3">
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="min-w-0 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** The last step: what was made, then Start calling or Keep paused (it is paused until then). */
export function NewCampaignReview({
  campaign,
  goal,
  back,
  onDone,
}: {
  campaign: Campaign;
  /** The goal as typed, if any ((ext) goal). */
  goal: string;
  back: ReactNode;
  onDone: () => void;
}) {
  const stats = useQuery(campaignQueries.stats(campaign.id));
  const configurations = useQuery(configurationQueries.list());
  const config = configurations.data?.find((c) => c.id === campaign.configuration_id);
  const start = useCampaignTransition(campaign.id);
  const contacts = stats.data
    ? stats.data.contacts.total === 0
      ? 'None yet: you can import them later from the campaign’s Contacts tab.'
      : `${formatCount(stats.data.contacts.total, 'contact')} imported`
    : stats.isError
      ? `Could not count them: ${stats.error.message}`
      : '…';
  return (
    <div className="space-y-4">
      <dl className="divide-y divide-slate-200">
        <Term term="Name">{campaign.name}</Term>
        <Term term="External ID">{campaign.external_id ?? 'None'}</Term>
        {goal.trim() && <Term term="Goal">{goal}</Term>}
        <Term term="Configuration">
          {campaign.configuration_id === null ? (
            <>
              No configuration (the defaults)
              <ConfigurationFacts config={null} />
            </>
          ) : config ? (
            <>
              {config.name}
              <ConfigurationFacts config={config} />
            </>
          ) : configurations.isPending ? (
            '…'
          ) : (
            'Chosen, but not in the list of configurations any more'
          )}
        </Term>
        <Term term="Contacts">{contacts}</Term>
      </dl>
      <p className="text-sm text-slate-700">
        The campaign is paused. <strong>Start calling</strong> dials its contacts whenever its
        calling window is open; <strong>Keep paused</strong> leaves it for you to start from its
        page.
      </p>
      {start.isError && (
        <p role="alert" className="text-sm text-red-800">
          Could not start the campaign: {start.error.message}
        </p>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <div className="mr-auto">{back}</div>
        <Button onClick={onDone}>Keep paused</Button>
        <Button
          variant="primary"
          disabled={start.isPending}
          onClick={() =>
            start.mutate('start', {
              onSuccess: () => {
                showToast(`${campaign.name} started.`, 'success');
                onDone();
              },
            })
          }
        >
          {start.isPending ? 'Starting…' : 'Start calling'}
        </Button>
      </div>
    </div>
  );
}
