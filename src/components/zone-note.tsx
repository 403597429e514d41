import { unknownZoneNote } from '../lib/format';

/** Beside a timezone the browser does not know: its times are shown in UTC instead. */
export function ZoneNote({ zone, className = '' }: { zone: string; className?: string }) {
  const note = unknownZoneNote(zone);
  return note ? <p className={`text-xs text-amber-900 ${className}`}>{note}</p> : null;
}
