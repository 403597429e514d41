import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { campaignQueries } from '../../api/campaigns';
import { concurrencyQueries } from '../../api/concurrency';
import { usePermission } from '../../api/session';
import { ConcurrencySection } from './concurrency-section';
import { ConnectionSection } from './connection-section';
import { ACTIVE_CAMPAIGNS } from './prefetch-settings';

export function SettingsPage() {
  // The concurrency panel's height depends on what it is waiting for: the sections appear
  // together once that is in, so the Connection section is never pushed down the page.
  const settings = useQuery(concurrencyQueries.settings());
  const active = useInfiniteQuery(campaignQueries.list(ACTIVE_CAMPAIGNS));
  const { checking } = usePermission('concurrency:manage');
  const ready = !settings.isPending && !active.isPending && !checking;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      {ready ? (
        <>
          <ConcurrencySection />
          <ConnectionSection />
        </>
      ) : (
        <p className="text-slate-500">Loading settings…</p>
      )}
    </div>
  );
}
