import { Navigate, type RouteObject } from 'react-router';
import { AppShell } from './app-shell';
import { campaignTab } from './campaign-tab';
import { NotFoundPage } from './not-found-page';

// Every page is a lazy route module, so the first screen ships only what it shows.
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    hydrateFallbackElement: <p className="p-6 text-slate-500">Loading…</p>,
    children: [
      { index: true, element: <Navigate to="/campaigns" replace /> },
      {
        path: 'campaigns',
        lazy: () =>
          import('../features/campaigns/campaigns-page').then((m) => ({
            Component: m.CampaignsPage,
          })),
      },
      {
        path: 'campaigns/:id',
        lazy: () =>
          import('../features/campaign-shell/campaign-page').then((m) => ({
            Component: m.CampaignPage,
          })),
        children: [
          {
            index: true,
            lazy: () =>
              import('../features/overview/overview-tab').then((m) => ({
                Component: campaignTab(m.OverviewTab, 'Overview'),
              })),
          },
          {
            path: 'contacts',
            lazy: () =>
              import('../features/contacts/contacts-tab').then((m) => ({
                Component: campaignTab(m.ContactsTab, 'Contacts'),
              })),
          },
          {
            path: 'contacts/:contactId',
            lazy: () =>
              import('../features/contacts/contact-page').then((m) => ({
                Component: campaignTab(m.ContactPage, 'Contact'),
              })),
          },
          {
            path: 'activity',
            lazy: () =>
              import('../features/activity/activity-tab').then((m) => ({
                Component: campaignTab(m.ActivityTab, 'Activity'),
              })),
          },
          {
            path: 'settings',
            lazy: () =>
              import('../features/campaigns/campaign-settings-tab').then((m) => ({
                Component: campaignTab(m.CampaignSettingsTab, 'Settings'),
              })),
          },
          { path: '*', element: <p>There is no such section of a campaign.</p> },
        ],
      },
      {
        path: 'contacts',
        lazy: () =>
          import('../features/adhoc-contacts/adhoc-contacts-page').then((m) => ({
            Component: m.AdhocContactsPage,
          })),
      },
      {
        path: 'configurations',
        lazy: () =>
          import('../features/configurations/configurations-page').then((m) => ({
            Component: m.ConfigurationsPage,
          })),
      },
      {
        path: 'settings',
        lazy: () =>
          import('../features/settings/settings-page').then((m) => ({ Component: m.SettingsPage })),
        // The org's activity (ext) is its own feature, rendered in the page's outlet.
        children: [
          {
            index: true,
            lazy: () =>
              import('../features/activity/org-activity').then((m) => ({
                Component: m.OrgActivity,
              })),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
