import { formatInZone, zoneAbbreviation } from '../../lib/format';

/**
 * Axis labels for a time series in `zone`: the clock for a day or less, the weekday too beyond
 * it; seconds only for the visit's 5-second polls.
 */
export function timeTick(
  spanSeconds: number,
  withSeconds: boolean,
  zone: string,
): (at: number) => string {
  return (at) => {
    const clock = formatInZone(at, zone, 'clock');
    const seconds = withSeconds ? `:${String(new Date(at).getUTCSeconds()).padStart(2, '0')}` : '';
    return spanSeconds > 86_400
      ? `${formatInZone(at, zone, 'weekday-clock')}${seconds}`
      : `${clock}${seconds}`;
  };
}

/** The time axis's title: "Time (CST)", the zone as it was at the series' end. */
export function timeAxisTitle(points: { at: number }[], zone: string): string {
  const last = points.at(-1)?.at ?? Date.now();
  return `Time (${zoneAbbreviation(last, zone)})`;
}
