import { useQueries, useQuery } from '@tanstack/react-query';
import { callableQueries } from '../../api/callable';
import { campaignQueries } from '../../api/campaigns';
import { formatNumber } from '../../lib/format';

/** The campaigns whose zones the preview asks for: enough to show, few enough to ask at once. */
const PREVIEWED = 5;

/**
 * (ext) contact-timezones: "Call in each contact's own hours", with the zones of the pending
 * contacts of the campaigns this configuration dials (the first few of them).
 */
export function WindowBasisField({
  configId,
  checked,
  onChange,
}: {
  configId: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const campaigns = useQuery({ ...campaignQueries.everything(), enabled: !!configId });
  const using = (campaigns.data ?? [])
    .filter((c) => c.configuration_id === configId && c.status !== 'closed')
    .slice(0, PREVIEWED);
  const answers = useQueries({
    queries: using.map((c) => callableQueries.campaign(c.id)),
  });
  const zones = new Map<string, number>();
  let none = 0;
  for (const a of answers) {
    if (!a.data) continue;
    none += a.data.no_timezone;
    for (const l of a.data.later) zones.set(l.timezone, (zones.get(l.timezone) ?? 0) + l.contacts);
  }
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        Call in each contact’s own hours
      </label>
      <p className="text-xs text-slate-600">
        The days and hours above then apply in each contact’s time zone (from its data or its
        number); a contact without one is not called.
      </p>
      {using.length > 0 && (
        <p className="text-xs text-slate-700" aria-label="Zones in its campaigns">
          {zones.size > 0 || none > 0
            ? [
                ...[...zones].map(([z, n]) => `${z}: ${formatNumber(n)} waiting`),
                ...(none > 0 ? [`no time zone: ${formatNumber(none)}`] : []),
              ].join(' · ')
            : 'Its campaigns’ contacts left are all in zones open now.'}
        </p>
      )}
    </div>
  );
}
