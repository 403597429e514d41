import type { XAxisProps } from 'recharts';
import { formatInZone, zoneAbbreviation } from '../../lib/format';
import { useViewerZone } from '../../lib/viewer-zone';
import { AXIS, AXIS_TITLE, TICK } from './chart-style';

/**
 * Axis labels for a time series in `zone`: the clock for a day or less, the weekday too beyond
 * it; seconds only for the visit's 5-second polls.
 */
function timeTick(spanSeconds: number, withSeconds: boolean, zone: string): (at: number) => string {
  return (at) => {
    const clock = formatInZone(at, zone, 'clock');
    const seconds = withSeconds ? `:${String(new Date(at).getUTCSeconds()).padStart(2, '0')}` : '';
    return spanSeconds > 86_400
      ? `${formatInZone(at, zone, 'weekday-clock')}${seconds}`
      : `${clock}${seconds}`;
  };
}

/** The time axis's title: "Time (CST)", the zone as it was at the series' end. */
function timeAxisTitle(points: { at: number }[], zone: string): string {
  const last = points.at(-1)?.at ?? Date.now();
  return `Time (${zoneAbbreviation(last, zone)})`;
}

/**
 * The time axis of a chart whose points have `at`, in the viewer's zone unless given one: the
 * XAxis's props (ticks, and a title naming the zone) and the same label for the tooltip.
 */
export function useTimeAxis(
  points: { at: number }[],
  {
    spanSeconds,
    withSeconds,
    timeZone,
  }: { spanSeconds: number; withSeconds: boolean; timeZone: string | undefined },
) {
  const viewer = useViewerZone();
  const zone = timeZone ?? viewer;
  const tick = timeTick(spanSeconds, withSeconds, zone);
  const axis = {
    dataKey: 'at',
    tickFormatter: tick,
    tick: TICK,
    ...AXIS,
    minTickGap: 40,
    height: 44,
    label: { value: timeAxisTitle(points, zone), position: 'insideBottom', ...AXIS_TITLE },
  } satisfies XAxisProps;
  return { axis, tooltipLabel: (at: unknown) => tick(Number(at)) };
}
