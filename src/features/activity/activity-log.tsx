import { useId } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { activityQueries } from '../../api/activity';
import {
  ACTIVITY_ACTIONS,
  type ActivityAction,
  type ActivityEvent,
} from '../../../contract/extensions';
import { Button } from '../../components/button';
import { ErrorState } from '../../components/error-state';
import { sumUnshown, UnshownItems } from '../../components/unshown-items';
import { ZonedTime } from '../../components/zoned-time';

const ACTION_LABELS: Record<ActivityAction, string> = {
  'campaign.created': 'Campaign created',
  'campaign.updated': 'Campaign updated',
  'campaign.started': 'Campaign started',
  'campaign.paused': 'Campaign paused',
  'campaign.closed': 'Campaign closed',
  'contacts.imported': 'Contacts imported',
  'contacts.deleted': 'Contact deleted',
  'contacts.requeued': 'Contacts requeued',
  'configuration.created': 'Configuration created',
  'configuration.updated': 'Configuration updated',
  'configuration.deleted': 'Configuration deleted',
  'concurrency.updated': 'Concurrency limit changed',
  'suppression.added': 'Numbers suppressed',
  'suppression.removed': 'Number released',
};

const isAction = (a: string): a is ActivityAction =>
  (ACTIVITY_ACTIONS as readonly string[]).includes(a);
// Actions this dashboard does not know yet are shown by name.
const actionLabel = (a: string) => (isAction(a) ? ACTION_LABELS[a] : a);

/** A before/after value as plain text: user-supplied, never markup. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function EventItem({ event, linkCampaign }: { event: ActivityEvent; linkCampaign: boolean }) {
  const changes = Object.entries(event.changes ?? {});
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="font-semibold">{actionLabel(event.action)}</span>
        <ZonedTime at={event.at} style="date-time" className="text-slate-600" />
        <span className="text-slate-700">
          by {event.actor.label} ({event.actor.kind})
        </span>
        {linkCampaign && event.campaign_id && (
          <Link
            to={`/campaigns/${encodeURIComponent(event.campaign_id)}`}
            className="text-indigo-700 underline"
          >
            Open campaign
          </Link>
        )}
      </div>
      <p className="mt-1 wrap-anywhere">{event.summary}</p>
      {changes.length > 0 && (
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[max-content_1fr]">
          {changes.map(([field, [before, after]]) => (
            <div key={field} className="contents">
              <dt className="font-mono text-slate-600">{field}</dt>
              <dd className="wrap-anywhere">
                {valueText(before)} → {valueText(after)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

/**
 * (ext) activity, newest first, a cursor page at a time; the action filter lives in the URL
 * (`?action=campaign.paused`) so a view is a link.
 */
export function ActivityLog({ campaignId }: { campaignId?: string }) {
  const [params, setParams] = useSearchParams();
  const actions = params.getAll('action').filter(isAction);
  const list = useInfiniteQuery(activityQueries.list({ campaignId, actions }));
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
              <EventItem key={e.id} event={e} linkCampaign={!campaignId} />
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
