import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { callableQueries } from '../../api/callable';
import { useExtension } from '../../api/session';
import { contactsHref } from '../../lib/contact-filters';
import { formatCount, formatNumber } from '../../lib/format';

/**
 * (ext) contact-timezones and suppression: "X of Y contacts will be skipped: N suppressed, M
 * with no time zone", each part a link to those contacts; nothing when none will be.
 */
export function SkippedSummary({ campaignId }: { campaignId: string }) {
  const zones = useExtension('contact-timezones');
  const callable = useQuery({ ...callableQueries.campaign(campaignId), enabled: zones });
  const c = callable.data;
  if (!c) return null;
  const pending = c.now + c.later.reduce((n, l) => n + l.contacts, 0) + c.no_timezone;
  const skipped = c.suppressed + c.no_timezone;
  if (skipped === 0) return null;
  return (
    <p className="max-w-sm text-right text-xs text-amber-950">
      {formatNumber(skipped)} of {formatCount(pending + c.suppressed, 'contact')} will be skipped:{' '}
      <Link
        to={contactsHref(campaignId, { suppressed: 'true' })}
        className="text-indigo-700 underline"
      >
        {formatNumber(c.suppressed)} suppressed
      </Link>
      ,{' '}
      <Link
        to={contactsHref(campaignId, { timezone: ['none'] })}
        className="text-indigo-700 underline"
      >
        {formatNumber(c.no_timezone)} with no time zone
      </Link>
    </p>
  );
}
