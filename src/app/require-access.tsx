import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePermission } from '../api/session';
import { PageHeading } from '../components/page-heading';

/**
 * A page that reads campaigns (their contacts and configurations too), or in its place, for a
 * key the session says may not, a plain sentence and the way to another key: no request that
 * would be refused, no spinner that never ends.
 */
export function RequireCampaignsRead({ title, children }: { title: string; children: ReactNode }) {
  const { allowed, reason } = usePermission('campaigns:read');
  if (allowed) return children;
  return (
    <section className="space-y-3">
      <PageHeading title={[title]}>{title}</PageHeading>
      <p className="text-slate-800">
        This key can't read campaigns. Ask an admin for a key with campaign access.
      </p>
      {/* The scopes it lacks, or the server's own words when a refusal taught it. */}
      <p className="text-sm text-slate-700">{reason}</p>
      <p className="text-sm text-slate-700">
        To use another key, go to{' '}
        <Link to="/settings" className="text-indigo-700 underline">
          Settings
        </Link>
        .
      </p>
    </section>
  );
}
