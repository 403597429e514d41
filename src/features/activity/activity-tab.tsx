import { useExtension } from '../../api/session';
import type { Campaign } from '../../../contract/schemas';
import { ActivityLog } from './activity-log';

/** A campaign's Activity tab: who changed it, its contacts and its lifecycle, and when. */
export function ActivityTab({ campaign }: { campaign: Campaign }) {
  const offered = useExtension('activity');
  // A link from a server that keeps a log, opened against one that does not.
  if (!offered) return <p className="text-slate-700">This server keeps no activity log.</p>;
  return (
    <section aria-label="Activity" className="space-y-3">
      <ActivityLog campaign={campaign} />
    </section>
  );
}
