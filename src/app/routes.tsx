import { useState } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import {
  matchRoutes,
  Navigate,
  useLocation,
  useRoutes,
  type Params,
  type RouteObject,
} from 'react-router';
import { campaignQueries } from '../api/campaigns';
import { concurrencyQueries } from '../api/concurrency';
import { configurationQueries } from '../api/configurations';
import { canRequest, getConnection } from '../api/connection';
import { sessionQueries } from '../api/session';
import { prefetchCampaignPage } from '../features/campaign-shell/prefetch-campaign-page';
import { prefetchCampaigns } from '../features/campaigns/prefetch-campaigns';
import { prefetchContacts } from '../features/contacts/prefetch-contacts';
import { prefetchSettings } from '../features/settings/prefetch-settings';
import { AppShell } from './app-shell';
import { campaignTab } from './campaign-tab';
import { lazyPage } from '../lib/lazy-page';
import { NotFoundPage } from './not-found-page';
import { RequireCampaignsRead } from './require-access';
import { yieldToMain } from '../lib/yield-to-main';

/** What a page's requests depend on: the route's params and the URL's query. */
type Page = { params: Params; search: URLSearchParams };
/**
 * A route's first requests, started before its code has loaded, as a data router's loader
 * would. `firstLoadOnly`: not again on later navigations (what the app asks once).
 */
type RouteRequests = { start: (page: Page) => void; firstLoadOnly?: boolean };

const requests = (start: RouteRequests['start'], firstLoadOnly = false): RouteRequests => ({
  start,
  firstLoadOnly,
});
const requestsOf = (route: RouteObject) => route.handle as RouteRequests | undefined;

/**
 * Sends the requests of the page at `url` before the first render, whose first task is a long
 * one on a slow phone; the app's routes then find them in flight in the query cache. Each
 * route's requests leave in a task of their own: sending a handful at once is itself a long
 * task on a phone.
 */
export async function startPageRequests(routes: RouteObject[], url: URL) {
  for (const start of routeRequests(routes, url, true)) {
    await yieldToMain();
    if (canRequest()) start();
  }
}

/** The requests of the routes that match `location`, each ready to start. */
function routeRequests(
  routes: RouteObject[],
  location: { pathname: string; search: string },
  firstLoad: boolean,
) {
  const search = new URLSearchParams(location.search);
  return (matchRoutes(routes, location.pathname) ?? []).flatMap(({ route, params }) => {
    const page = requestsOf(route);
    return page && (firstLoad || !page.firstLoadOnly) ? [() => page.start({ params, search })] : [];
  });
}

/**
 * The route table at the current location. A location's requests start as it first renders,
 * before its lazy code has loaded: a navigation is a transition, which commits only once that
 * code is in, so an effect would wait for it. Renders come and go while a transition is
 * pending, hence the set of history entries already started. `firstStarted`: main.tsx sent
 * the first location's requests already.
 */
export function AppRoutes({
  routes,
  firstStarted = false,
}: {
  routes: RouteObject[];
  firstStarted?: boolean;
}) {
  const location = useLocation();
  const [firstKey] = useState(location.key);
  const [started] = useState(() => new Set(firstStarted ? [firstKey] : []));
  if (!started.has(location.key)) {
    started.add(location.key);
    if (canRequest())
      routeRequests(routes, location, location.key === firstKey).forEach((s) => s());
  }
  return useRoutes(routes, location);
}

const CampaignsPage = lazyPage(() =>
  import('../features/campaigns/campaigns-page').then((m) => m.CampaignsPage),
);
const CampaignPage = lazyPage(() =>
  import('../features/campaign-shell/campaign-page').then((m) => m.CampaignPage),
);
const OverviewTab = lazyPage(() =>
  import('../features/overview/overview-tab').then((m) => campaignTab(m.OverviewTab, 'Overview')),
);
const ContactsTab = lazyPage(() =>
  import('../features/contacts/contacts-tab').then((m) => campaignTab(m.ContactsTab, 'Contacts')),
);
const ContactPage = lazyPage(() =>
  import('../features/contacts/contact-page').then((m) => campaignTab(m.ContactPage, 'Contact')),
);
const ActivityTab = lazyPage(() =>
  import('../features/activity/activity-tab').then((m) => campaignTab(m.ActivityTab, 'Activity')),
);
const CampaignSettingsTab = lazyPage(() =>
  import('../features/campaigns/campaign-settings-tab').then((m) =>
    campaignTab(m.CampaignSettingsTab, 'Settings'),
  ),
);
const AdhocContactsPage = lazyPage(() =>
  import('../features/adhoc-contacts/adhoc-contacts-page').then((m) => m.AdhocContactsPage),
);
const ConfigurationsPage = lazyPage(() =>
  import('../features/configurations/configurations-page').then((m) => m.ConfigurationsPage),
);
const SettingsPage = lazyPage(() =>
  import('../features/settings/settings-page').then((m) => m.SettingsPage),
);
const OrgActivity = lazyPage(() =>
  import('../features/activity/org-activity').then((m) => m.OrgActivity),
);

// Every page is a lazy module (above), so the first screen ships only what it shows.
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  // The Overview's and the Contacts tab's bucket counts, by the campaign's UUID.
  const prefetchStats = (campaignId: string) =>
    void queryClient.prefetchQuery(campaignQueries.stats(campaignId));
  return [
    {
      element: <AppShell />,
      // What the credential may do decides what every page shows: asked once, at start. The
      // header's headroom too, rather than after the first render.
      handle: requests(() => {
        void queryClient.prefetchQuery(sessionQueries.current(getConnection()));
        void queryClient.prefetchQuery(concurrencyQueries.settings());
      }, true),
      children: [
        { index: true, element: <Navigate to="/campaigns" replace /> },
        {
          path: 'campaigns',
          handle: requests(({ search }) => prefetchCampaigns(queryClient, search)),
          element: (
            <RequireCampaignsRead title="Campaigns">
              <CampaignsPage />
            </RequireCampaignsRead>
          ),
        },
        {
          path: 'campaigns/:id',
          element: (
            <RequireCampaignsRead title="Campaign">
              <CampaignPage />
            </RequireCampaignsRead>
          ),
          children: [
            {
              index: true,
              handle: requests(({ params }) =>
                prefetchCampaignPage(queryClient, params.id ?? '', prefetchStats),
              ),
              element: <OverviewTab />,
            },
            {
              path: 'contacts',
              handle: requests(({ params, search }) => {
                const ref = params.id ?? '';
                const campaign = prefetchCampaignPage(queryClient, ref, prefetchStats);
                prefetchContacts(queryClient, ref, campaign, search);
              }),
              element: <ContactsTab />,
            },
            {
              path: 'contacts/:contactId',
              handle: requests(({ params }) =>
                prefetchCampaignPage(queryClient, params.id ?? '', () => {}),
              ),
              element: <ContactPage />,
            },
            {
              path: 'activity',
              handle: requests(({ params }) =>
                prefetchCampaignPage(queryClient, params.id ?? '', () => {}),
              ),
              element: <ActivityTab />,
            },
            {
              path: 'settings',
              handle: requests(({ params }) =>
                prefetchCampaignPage(queryClient, params.id ?? '', () => {}),
              ),
              element: <CampaignSettingsTab />,
            },
            { path: '*', element: <p>There is no such section of a campaign.</p> },
          ],
        },
        {
          path: 'contacts',
          element: (
            <RequireCampaignsRead title="Contacts without a campaign">
              <AdhocContactsPage />
            </RequireCampaignsRead>
          ),
        },
        {
          path: 'configurations',
          handle: requests(() => {
            void queryClient.prefetchQuery(configurationQueries.list());
            void queryClient.prefetchQuery(campaignQueries.everything());
          }),
          element: (
            <RequireCampaignsRead title="Configurations">
              <ConfigurationsPage />
            </RequireCampaignsRead>
          ),
        },
        {
          path: 'settings',
          handle: requests(() => prefetchSettings(queryClient)),
          element: <SettingsPage />,
          // The org's activity (ext) is its own feature, rendered in the page's outlet.
          children: [{ index: true, element: <OrgActivity /> }],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
