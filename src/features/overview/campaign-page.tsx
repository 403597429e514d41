import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, NavLink, Route, Routes, useParams } from 'react-router';
import { campaignQueries } from '../../api/campaigns';
import { ApiError } from '../../api/client';
import { ErrorState } from '../../components/error-state';
import { CampaignHeader } from './campaign-header';
import { OverviewTab } from './overview-tab';

const ContactsTab = lazy(() =>
  import('../contacts/contacts-tab').then((m) => ({ default: m.ContactsTab })),
);
const CampaignSettingsTab = lazy(() =>
  import('../configurations/campaign-settings-tab').then((m) => ({
    default: m.CampaignSettingsTab,
  })),
);

function tabClass({ isActive }: { isActive: boolean }) {
  return `border-b-2 px-3 py-2 text-sm font-medium ${
    isActive
      ? 'border-indigo-700 text-indigo-800'
      : 'border-transparent text-slate-600 hover:text-slate-900'
  }`;
}

/** `/campaigns/:id/*`, where `:id` is the UUID or the external_id a user pasted. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useQuery(campaignQueries.detail(id));

  if (campaign.isPending) return <p className="text-slate-500">Loading campaign…</p>;
  if (campaign.isError) {
    if (campaign.error instanceof ApiError && campaign.error.status === 404) {
      return (
        <section className="mx-auto max-w-xl py-16 text-center">
          <h1 className="text-2xl font-semibold">Campaign not found</h1>
          <p className="mt-2 text-slate-600">
            No campaign of this organization has the ID or external ID “{id}”.
          </p>
          <Link to="/campaigns" className="mt-4 inline-block text-indigo-700 underline">
            Back to campaigns
          </Link>
        </section>
      );
    }
    return (
      <ErrorState
        title="Could not load the campaign"
        error={campaign.error}
        onRetry={() => campaign.refetch()}
      />
    );
  }

  const c = campaign.data;
  const base = `/campaigns/${encodeURIComponent(id)}`;
  return (
    <div className="space-y-5">
      <CampaignHeader campaign={c} />
      <nav aria-label="Campaign sections" className="flex gap-2 border-b border-slate-200">
        <NavLink end to={base} className={tabClass}>
          Overview
        </NavLink>
        <NavLink to={`${base}/contacts`} className={tabClass}>
          Contacts
        </NavLink>
        <NavLink to={`${base}/settings`} className={tabClass}>
          Settings
        </NavLink>
      </nav>
      <Suspense fallback={<p className="text-slate-500">Loading…</p>}>
        <Routes>
          <Route index element={<OverviewTab campaign={c} />} />
          <Route path="contacts" element={<ContactsTab campaign={c} />} />
          <Route path="settings" element={<CampaignSettingsTab campaign={c} />} />
          <Route path="*" element={<p>There is no such section of a campaign.</p>} />
        </Routes>
      </Suspense>
    </div>
  );
}
