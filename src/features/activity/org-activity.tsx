import { useExtension, usePermission } from '../../api/session';
import { Panel } from '../../components/panel';
import { ActivityLog } from './activity-log';

/** The org's activity on the Settings page, when the server keeps one (ext). */
export function OrgActivity() {
  const offered = useExtension('activity');
  const { allowed } = usePermission('campaigns:read');
  if (!offered) return null;
  return (
    <Panel title="Activity" size="lg">
      {allowed ? (
        <>
          <p className="mt-1 mb-3 text-sm text-slate-600">
            Every change to campaigns, contacts, configurations and the concurrency limit, newest
            first.
          </p>
          <ActivityLog />
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-700">
          This key can't read the activity log. Ask an admin for a key with campaign access.
        </p>
      )}
    </Panel>
  );
}
