import { useDeferredValue } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { callableQueries } from '../../api/callable';
import { useExtension } from '../../api/session';
import type { Callable, ContactFilters } from '../../../contract/extensions';
import type { Campaign } from '../../../contract/schemas';
import { Panel } from '../../components/panel';
import { contactsHref } from '../../lib/contact-filters';
import { formatInZone, formatNumber, shownZone } from '../../lib/format';

// The counts move with the clock (windows open) and with the calls: polled while live.
const POLL_MS = 30_000;
const DAY_MS = 86_400_000;

/** "09:00", or "Mon 09:00" when it is a day or more away, on the zone's own clock. */
function opensAt(iso: string, zone: string, generatedAt: string): string {
  const at = Date.parse(iso);
  const far = at - Date.parse(generatedAt) >= DAY_MS;
  return formatInZone(at, shownZone(zone), far ? 'weekday-clock' : 'clock');
}

type Part = { key: string; label: string; count: number; filters: ContactFilters };

function parts(c: Callable, suppression: boolean): Part[] {
  return [
    { key: 'now', label: 'Callable now', count: c.now, filters: { callable: 'now' } },
    ...c.later.map((l) => ({
      key: `later-${l.timezone}`,
      label: `opens ${opensAt(l.opens_at, l.timezone, c.generated_at)} ${l.timezone}`,
      count: l.contacts,
      filters: { timezone: [l.timezone] } as ContactFilters,
    })),
    ...(c.no_timezone > 0
      ? [
          {
            key: 'none',
            label: 'no time zone',
            count: c.no_timezone,
            filters: { timezone: ['none'] } as ContactFilters,
          },
        ]
      : []),
    ...(suppression
      ? [
          {
            key: 'suppressed',
            label: 'suppressed',
            count: c.suppressed,
            filters: { suppressed: 'true' } as ContactFilters,
          },
        ]
      : []),
  ];
}

/**
 * (ext) contact-timezones: who of the pending contacts can be called now, when the others'
 * windows open, and who never is (no zone, suppressed); each count links to those contacts.
 */
export default function CallablePanel({ campaign, live }: { campaign: Campaign; live: boolean }) {
  const suppression = useExtension('suppression');
  const query = useQuery({
    ...callableQueries.campaign(campaign.id),
    refetchInterval: live ? POLL_MS : false,
  });
  // An answer re-renders synchronously; its list renders in the background pass (see OverviewTab).
  const data = useDeferredValue(query.data);
  if (!data) return null;
  return (
    <Panel title="Who can be called" className="lg:col-span-2">
      <ul aria-label="Callable contacts" className="mt-2 flex flex-wrap gap-x-2 gap-y-1 text-sm">
        {parts(data, suppression).map((p, i) => (
          <li key={p.key}>
            {i > 0 && (
              <span aria-hidden="true" className="mr-2 text-slate-400">
                ·
              </span>
            )}
            <Link to={contactsHref(campaign.id, p.filters)} className="text-indigo-700 underline">
              {p.label}: {formatNumber(p.count)}
            </Link>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
