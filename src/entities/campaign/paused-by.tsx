import { useMemo } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { activityQueries } from '../../api/activity';
import { useExtension } from '../../api/session';
import type { ActivityEvent } from '../../../contract/extensions';
import { zonedFormatter } from '../../../contract/zoned-formatter';
import { viewerZone } from '../../lib/format';
import { useNow } from '../../lib/use-now';

/** The contract's largest activity page: the board's one request reaches that many pauses back. */
const PAUSES_PAGE = 200;

/**
 * (ext) activity: each campaign's latest `campaign.paused` event, from one request (the org's
 * pause events, or one campaign's, newest first; the first page only). Empty without the
 * extension or while `wanted` is false (nothing paused on screen): it never holds up a row.
 */
export function useLatestPauses(
  wanted: boolean,
  campaignId?: string,
): ReadonlyMap<string, ActivityEvent> {
  const offered = useExtension('activity');
  const query = useInfiniteQuery({
    ...activityQueries.list({ campaignId, actions: ['campaign.paused'], limit: PAUSES_PAGE }),
    enabled: offered && wanted,
  });
  const first = query.data?.pages[0];
  return useMemo(() => {
    const out = new Map<string, ActivityEvent>();
    if (!offered) return out;
    for (const e of first?.events ?? [])
      if (e.campaign_id && !out.has(e.campaign_id)) out.set(e.campaign_id, e);
    return out;
  }, [first, offered]);
}

const WEEK_MS = 6 * 86_400_000;
const CLOCK = {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
} as const;

/** "Fri 14:02 CST" within the past week, "Nov 20 14:02 CST" before; the viewer's zone, named. */
function pausedAt(at: number, now: number): string {
  const options =
    now - at < WEEK_MS
      ? { weekday: 'short', ...CLOCK }
      : { month: 'short', day: 'numeric', ...CLOCK };
  return zonedFormatter(viewerZone(), options as Intl.DateTimeFormatOptions)
    .format(at)
    .replaceAll(',', '');
}

/** "Paused by Demo manager key · Fri 14:02 CST": who paused a campaign and when. */
export function PausedBy({
  event,
  now,
  className = 'text-xs',
}: {
  event: ActivityEvent | undefined;
  now: number;
  className?: string;
}) {
  const at = event ? Date.parse(event.at) : NaN;
  if (!event || !Number.isFinite(at)) return null;
  return (
    <span className={`block text-slate-600 ${className}`}>
      Paused by{' '}
      <span title={event.actor.label} className="inline-block max-w-[14rem] truncate align-bottom">
        {event.actor.label}
      </span>{' '}
      · <time dateTime={event.at}>{pausedAt(at, now)}</time>
    </span>
  );
}

/** Who paused one (paused) campaign and when, from its own latest pause: the page header's. */
export function CampaignPausedBy({ campaignId }: { campaignId: string }) {
  const pauses = useLatestPauses(true, campaignId);
  const now = useNow(60_000);
  return <PausedBy event={pauses.get(campaignId)} now={now} className="mt-1 text-sm" />;
}
