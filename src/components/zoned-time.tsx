import { zonedParts, type ZonedStyle } from '../lib/format';
import { useViewerZone } from '../lib/viewer-zone';

/**
 * An absolute time with its zone's short name ("Nov 20, 14:20:05 CST"); the zone's full name
 * on hover and, in place of the short one, for screen readers. In the viewer's zone unless
 * given one (a campaign's, for its calling window and what is forecast against it).
 */
export function ZonedTime({
  at,
  zone,
  style,
  now,
  className = '',
}: {
  at: string | number;
  zone?: string;
  style: ZonedStyle;
  now?: number;
  className?: string;
}) {
  const viewer = useViewerZone();
  const parts = zonedParts(at, zone ?? viewer, style, now);
  if (!parts) return <>{String(at)}</>;
  return (
    // Relative: the screen readers' zone (absolute) stays inside whatever scrolls the time, so
    // a time in a table that scrolls sideways cannot widen the page.
    <time
      dateTime={typeof at === 'string' ? at : new Date(at).toISOString()}
      title={parts.zone}
      className={`relative whitespace-nowrap ${className}`}
    >
      {parts.text} <span aria-hidden="true">{parts.abbreviation}</span>
      <span className="sr-only">{parts.zone}</span>
    </time>
  );
}
