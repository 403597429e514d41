import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { alertQueries } from '../../api/alerts';
import { useExtension, usePermission } from '../../api/session';
import type { AlertEvent } from '../../../contract/alerts';

/**
 * The alerts firing now (one polled query for the bell, the board and the Overview), or none
 * where the server offers no alerts or the key may not read them.
 */
export function useFiringAlerts(): AlertEvent[] | undefined {
  const offered = useExtension('alerts');
  const { allowed } = usePermission('campaigns:read');
  const query = useQuery({ ...alertQueries.firing(), enabled: offered && allowed });
  return offered && allowed ? query.data?.events : undefined;
}

/** The firing alerts by campaign id, for a table of campaigns (one query, not one per row). */
export function useFiringByCampaign(): ReadonlyMap<string, AlertEvent[]> {
  const firing = useFiringAlerts();
  return useMemo(() => {
    const out = new Map<string, AlertEvent[]>();
    for (const e of firing ?? [])
      if (e.campaign_id) out.set(e.campaign_id, [...(out.get(e.campaign_id) ?? []), e]);
    return out;
  }, [firing]);
}

/** "1 alert firing" beside a campaign's name on the board. */
export function FiringAlertBadge({ firing = [] }: { firing?: readonly AlertEvent[] }) {
  if (firing.length === 0) return null;
  return (
    <Link
      to="/alerts"
      title={firing.map((e) => e.message).join('\n')}
      className="mt-1 inline-block rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900 hover:bg-red-200"
    >
      {firing.length === 1 ? '1 alert firing' : `${firing.length} alerts firing`}
    </Link>
  );
}

/** The campaign's firing alerts on its Overview, each as the server said it. */
export function FiringAlertList({ campaignId }: { campaignId: string }) {
  const firing = useFiringAlerts()?.filter((e) => e.campaign_id === campaignId) ?? [];
  if (firing.length === 0) return null;
  return (
    <section
      aria-label="Alerts firing"
      className="mb-4 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-950"
    >
      <h2 className="font-semibold">
        {firing.length === 1 ? 'An alert is firing' : `${firing.length} alerts are firing`}
      </h2>
      <ul className="mt-1 list-disc pl-5">
        {firing.map((e) => (
          <li key={e.id}>{e.message}</li>
        ))}
      </ul>
      <Link to="/alerts" className="mt-2 inline-block text-red-900 underline">
        See alerts
      </Link>
    </section>
  );
}
