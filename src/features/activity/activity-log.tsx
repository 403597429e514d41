import { useId, useMemo } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { activityQueries } from '../../api/activity';
import { campaignQueries } from '../../api/campaigns';
import { configurationQueries } from '../../api/configurations';
import type { Campaign } from '../../../contract/schemas';
import {
  ACTIVITY_ACTIONS,
  type ActivityAction,
  type ActivityEvent,
} from '../../../contract/extensions';
import { Button } from '../../components/button';
import { ErrorState } from '../../components/error-state';
import { sumUnshown, UnshownItems } from '../../components/unshown-items';
import { ZonedTime } from '../../components/zoned-time';
import { ChangeList, eventSentence, type Names } from './event-sentence';

const ACTION_LABELS: Record<ActivityAction, string> = {
  'campaign.created': 'Campaign created',
  'campaign.updated': 'Campaign changed',
  'campaign.started': 'Campaign started',
  'campaign.paused': 'Campaign paused',
  'campaign.closed': 'Campaign closed',
  'contacts.imported': 'Contacts imported',
  'contacts.deleted': 'Contact deleted',
  'contacts.requeued': 'Contacts called again',
  'configuration.created': 'Configuration created',
  'configuration.updated': 'Configuration changed',
  'configuration.deleted': 'Configuration deleted',
  'concurrency.updated': 'Concurrency limit changed',
  'suppression.added': 'Numbers suppressed',
  'suppression.removed': 'Number released',
};

const isAction = (a: string): a is ActivityAction =>
  (ACTIVITY_ACTIONS as readonly string[]).includes(a);

function EventItem({ event, names }: { event: ActivityEvent; names: Names }) {
  const sentence = eventSentence(event, names);
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3 text-sm">
      <p>
        {sentence.text}{' '}
        <ZonedTime at={event.at} style="date-time" className="text-xs text-slate-600" />
      </p>
      {sentence.detail && <p className="mt-1 text-slate-700 wrap-anywhere">{event.summary}</p>}
      {sentence.list && <ChangeList changes={sentence.list} names={names} />}
    </li>
  );
}

/** Names for the ids events carry: the campaign's own, or the org's campaigns; configurations. */
function useNames(campaign: Campaign | undefined): Names {
  const campaigns = useQuery({ ...campaignQueries.everything(), enabled: !campaign });
  const configurations = useQuery(configurationQueries.list());
  return useMemo(() => {
    const campaignNames = new Map((campaigns.data ?? []).map((c) => [c.id, c.name]));
    if (campaign) campaignNames.set(campaign.id, campaign.name);
    const configurationNames = new Map((configurations.data ?? []).map((c) => [c.id, c.name]));
    return {
      campaign: (id) => campaignNames.get(id),
      configuration: (id) => configurationNames.get(id),
      configurationsKnown: configurations.isSuccess,
      linkCampaigns: !campaign,
    };
  }, [campaign, campaigns.data, configurations.data, configurations.isSuccess]);
}

/**
 * (ext) activity, newest first, a cursor page at a time; the action filter lives in the URL
 * (`?action=campaign.paused`) so a view is a link.
 */
export function ActivityLog({ campaign }: { campaign?: Campaign }) {
  const [params, setParams] = useSearchParams();
  const actions = params.getAll('action').filter(isAction);
  const list = useInfiniteQuery(activityQueries.list({ campaignId: campaign?.id, actions }));
  const names = useNames(campaign);
  const events = list.data?.pages.flatMap((p) => p.events) ?? [];
  const selectId = useId();
  return (
    <div className="space-y-3">
      {/* A label beside the select, not around it: its text is "Action", not every option. */}
      <div className="flex items-center gap-2 text-sm">
        <label htmlFor={selectId}>Action</label>
        <select
          id={selectId}
          value={actions[0] ?? ''}
          onChange={(e) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              next.delete('action');
              if (e.target.value) next.set('action', e.target.value);
              return next;
            })
          }
          className="rounded-md border border-slate-300 px-2 py-1"
        >
          <option value="">All actions</option>
          {ACTIVITY_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABELS[a]}
            </option>
          ))}
        </select>
      </div>
      <UnshownItems unshown={sumUnshown(list.data?.pages)} noun="event" />
      {list.isPending ? (
        <p className="text-slate-500">Loading activity…</p>
      ) : list.isError && !list.data ? (
        <ErrorState
          title="Could not load the activity"
          error={list.error}
          onRetry={() => list.refetch()}
        />
      ) : events.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
          {actions.length ? 'No activity of this kind.' : 'No activity yet.'}
        </p>
      ) : (
        <>
          <ol aria-label="Activity events" className="space-y-2">
            {events.map((e) => (
              <EventItem key={e.id} event={e} names={names} />
            ))}
          </ol>
          {list.hasNextPage && (
            <Button disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? 'Loading…' : 'Show older'}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
