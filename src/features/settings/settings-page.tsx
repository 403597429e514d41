import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Outlet } from 'react-router';
import { campaignQueries } from '../../api/campaigns';
import { concurrencyQueries } from '../../api/concurrency';
import { usePermission } from '../../api/session';
import { PageHeading } from '../../components/page-heading';
import { useDeferredPending } from '../../lib/first-paint';
import { ConcurrencySection } from './concurrency-section';
import { ConnectionSection } from './connection-section';
import { DisplaySection } from './display-section';
import { ACTIVE_CAMPAIGNS } from './prefetch-settings';

export function SettingsPage() {
  // The concurrency panel's height depends on what it is waiting for: the sections appear
  // together once that has settled (answered or failed), so the Connection section is never
  // pushed down the page. Campaigns are waited for only where the key may read them.
  const settings = useQuery(concurrencyQueries.settings());
  // While the session is on its way the request waits for it (api/session.ts) rather than
  // this observer for `checking`: enabling it later would ask again for a list that failed.
  const campaigns = usePermission('campaigns:read');
  const active = useInfiniteQuery({
    ...campaignQueries.list(ACTIVE_CAMPAIGNS),
    enabled: campaigns.allowed,
  });
  const { checking } = usePermission('concurrency:manage');
  const ready = !useDeferredPending(
    settings.isPending || (campaigns.allowed && active.isPending) || checking,
  );
  return (
    <div className="space-y-6">
      <PageHeading title={['Settings']}>Settings</PageHeading>
      {ready ? (
        <>
          <ConcurrencySection />
          <ConnectionSection />
          <DisplaySection />
          {/* The org's activity log (app/routes.tsx), from its own feature. */}
          <Outlet />
        </>
      ) : (
        <p className="text-slate-500">Loading settings…</p>
      )}
    </div>
  );
}
