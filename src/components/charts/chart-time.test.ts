import { afterEach, describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { setViewerZone } from '../../lib/viewer-zone';
import { useTimeAxis } from './chart-time';

// Friday 4 December 2026, 03:30:07 UTC: Thursday evening in Chicago, Friday noon in Tokyo.
const at = Date.parse('2026-12-04T03:30:07Z');
const points = [{ at: at - 60_000 }, { at }];

afterEach(() => setViewerZone(null));

describe('a chart’s time axis', () => {
  it('is in the viewer’s zone, named in its title, the tooltip saying what the tick says', () => {
    setViewerZone('America/Chicago');
    const { result } = renderHook(() =>
      useTimeAxis(points, { spanSeconds: 6 * 3600, withSeconds: false, timeZone: undefined }),
    );
    const { axis, tooltipLabel } = result.current;
    expect(axis.label.value).toBe('Time (CST)');
    expect(axis.tickFormatter(at)).toBe('21:30');
    expect(tooltipLabel(String(at))).toBe('21:30');
  });

  it('is in the zone given whoever looks, with weekdays beyond a day and seconds for polls', () => {
    setViewerZone('Europe/Berlin');
    const week = renderHook(() =>
      useTimeAxis(points, { spanSeconds: 7 * 86_400, withSeconds: false, timeZone: 'Asia/Tokyo' }),
    ).result.current;
    expect(week.axis.label.value).toBe('Time (GMT+9)');
    expect(week.axis.tickFormatter(at)).toBe('Fri 12:30');
    const visit = renderHook(() =>
      useTimeAxis(points, { spanSeconds: 0, withSeconds: true, timeZone: 'Asia/Tokyo' }),
    ).result.current;
    expect(visit.axis.tickFormatter(at)).toBe('12:30:07');
  });
});
