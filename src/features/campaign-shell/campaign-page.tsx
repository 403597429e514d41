import { useQuery } from '@tanstack/react-query';
import { Link, NavLink, Outlet, useParams } from 'react-router';
import { campaignQueries } from '../../api/campaigns';
import { ApiError } from '../../api/client';
import { useExtension } from '../../api/session';
import { ErrorState } from '../../components/error-state';
import { CampaignHeader } from './campaign-header';
import { ImportContactsDialog } from '../../entities/contact/import-contacts-button';
import { PageHeading } from '../../components/page-heading';
import { PageSuspense } from '../../lib/first-paint';

function tabClass({ isActive }: { isActive: boolean }) {
  return `border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap max-sm:px-2 max-sm:py-3 ${
    isActive
      ? 'border-indigo-700 text-indigo-800'
      : 'border-transparent text-slate-600 hover:text-slate-900'
  }`;
}

/** `/campaigns/:id`, where `:id` is the UUID or the external_id a user pasted: header and tabs. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useQuery(campaignQueries.detail(id));
  const hasActivity = useExtension('activity');
  const hasCalls = useExtension('calls');
  if (campaign.isPending) {
    // A heading while waiting too, and why the wait is long when the server asked for one.
    return (
      <section className="space-y-2">
        <PageHeading title={['Campaign']}>Campaign</PageHeading>
        <p role="status" className="text-slate-500">
          {campaign.failureCount > 0
            ? 'The server did not answer this time; trying again…'
            : 'Loading campaign…'}
        </p>
      </section>
    );
  }
  if (campaign.isError) {
    if (campaign.error instanceof ApiError && campaign.error.status === 404) {
      return (
        <section className="mx-auto max-w-xl py-16 text-center">
          <PageHeading title={['Campaign not found']}>Campaign not found</PageHeading>
          <p className="mt-2 text-slate-600">
            No campaign of this organization has the ID or external ID “{id}”.
          </p>
          <Link to="/campaigns" className="mt-4 inline-block text-indigo-700 underline">
            Back to campaigns
          </Link>
        </section>
      );
    }
    // Still a page with a heading: a refused key or a failing server leaves the user somewhere.
    return (
      <section className="space-y-4">
        <PageHeading title={['Campaign']}>Campaign</PageHeading>
        <ErrorState
          title="Could not load the campaign"
          error={campaign.error}
          onRetry={() => campaign.refetch()}
        />
      </section>
    );
  }

  const c = campaign.data;
  const base = `/campaigns/${encodeURIComponent(id)}`;
  return (
    <div className="space-y-5">
      <CampaignHeader campaign={c} />
      <nav
        aria-label="Campaign sections"
        className="flex gap-2 overflow-x-auto border-b border-slate-200 whitespace-nowrap print:hidden"
      >
        <NavLink end to={base} className={tabClass}>
          Overview
        </NavLink>
        <NavLink to={`${base}/contacts`} className={tabClass}>
          Contacts
        </NavLink>
        {hasCalls && (
          <NavLink to={`${base}/calls`} className={tabClass}>
            Calls
          </NavLink>
        )}
        {hasActivity && (
          <NavLink to={`${base}/activity`} className={tabClass}>
            Activity
          </NavLink>
        )}
        <NavLink to={`${base}/settings`} className={tabClass}>
          Settings
        </NavLink>
      </nav>
      {/* The tabs are child routes (app/routes.tsx); each gets the resolved campaign. Their
          own boundary: the header shows once the campaign is in, not once the tab's code is. */}
      <PageSuspense fallback={<p className="text-slate-500">Loading…</p>}>
        <Outlet context={c} />
      </PageSuspense>
      <ImportContactsDialog campaign={c} />
    </div>
  );
}
