import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useFiringAlerts } from '../entities/alert/firing-alerts';
import { notificationsWanted } from '../lib/alert-notifications';

/**
 * The header's bell: how many alerts fire now. While a tab is open, a new firing alert also
 * shows as a browser notification, once the person has asked for them on the Alerts page.
 */
export function AlertsBell() {
  const firing = useFiringAlerts();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!firing) return;
    const known = seen.current;
    seen.current = new Set(firing.map((e) => e.id));
    // The first answer is what was already firing: only what fires afterwards is news.
    if (!known || !notificationsWanted()) return;
    for (const e of firing)
      if (!known.has(e.id)) new Notification('Headroom alert', { body: e.message, tag: e.id });
  }, [firing]);
  if (!firing) return null;
  const n = firing.length;
  return (
    <Link
      to="/alerts"
      aria-label={n === 1 ? '1 alert firing' : `${n} alerts firing`}
      className={`flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium ${n > 0 ? 'bg-red-100 text-red-900' : 'text-slate-700 hover:bg-slate-100'}`}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
        <path d="M10 2a5 5 0 0 0-5 5v3.6L3.3 13.3A1 1 0 0 0 4.2 15h11.6a1 1 0 0 0 .9-1.7L15 10.6V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 10 18Z" />
      </svg>
      <span className="tabular-nums">{n}</span>
    </Link>
  );
}
