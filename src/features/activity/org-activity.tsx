import { useExtension } from '../../api/session';
import { Panel } from '../../components/panel';
import { ActivityLog } from './activity-log';

/** The org's activity on the Settings page, when the server keeps one (ext). */
export function OrgActivity() {
  const offered = useExtension('activity');
  if (!offered) return null;
  return (
    <Panel title="Activity" size="lg">
      <p className="mt-1 mb-3 text-sm text-slate-600">
        Every change to campaigns, contacts, configurations and the concurrency limit, newest first.
      </p>
      <ActivityLog />
    </Panel>
  );
}
