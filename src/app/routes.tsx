import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { Navigate, type RouteObject } from 'react-router';
import { campaignQueries } from '../api/campaigns';
import { concurrencyQueries } from '../api/concurrency';
import { configurationQueries } from '../api/configurations';
import { getConnection } from '../api/connection';
import { sessionQueries } from '../api/session';
import type { Campaign } from '../../contract/schemas';
import { prefetchCampaignPage } from '../features/campaign-shell/prefetch-campaign-page';
import { prefetchCampaigns } from '../features/campaigns/prefetch-campaigns';
import { prefetchContacts } from '../features/contacts/prefetch-contacts';
import { prefetchOverview } from '../features/overview/prefetch-overview';
import { prefetchSettings } from '../features/settings/prefetch-settings';
import { AppShell } from './app-shell';
import { campaignTab } from './campaign-tab';
import { PAGES, type Page as PageEntry } from './pages.mjs';
import { lazyPage, requests, type RouteRequests } from '../lib/first-paint';
import { NotFoundPage } from './not-found-page';
import { RequireCampaignsRead } from './require-access';

/**
 * The code of each page module that pages.mjs names, loaded when the page is first visited,
 * so the first screen ships only what it shows. Vite needs each import written out.
 */
export const PAGE_CODE: Record<string, () => Promise<ComponentType<never>>> = {
  'src/features/campaigns/campaigns-page.tsx': () =>
    import('../features/campaigns/campaigns-page').then((m) => m.CampaignsPage),
  'src/features/campaign-shell/campaign-page.tsx': () =>
    import('../features/campaign-shell/campaign-page').then((m) => m.CampaignPage),
  'src/features/overview/overview-tab.tsx': () =>
    import('../features/overview/overview-tab').then((m) => m.OverviewTab),
  'src/features/contacts/contacts-tab.tsx': () =>
    import('../features/contacts/contacts-tab').then((m) => m.ContactsTab),
  'src/features/contacts/contact-page.tsx': () =>
    import('../features/contacts/contact-page').then((m) => m.ContactPage),
  'src/features/calls/calls-tab.tsx': () =>
    import('../features/calls/calls-tab').then((m) => m.CallsTab),
  'src/features/activity/activity-tab.tsx': () =>
    import('../features/activity/activity-tab').then((m) => m.ActivityTab),
  'src/features/campaigns/campaign-settings-tab.tsx': () =>
    import('../features/campaigns/campaign-settings-tab').then((m) => m.CampaignSettingsTab),
  'src/features/adhoc-contacts/adhoc-contacts-page.tsx': () =>
    import('../features/adhoc-contacts/adhoc-contacts-page').then((m) => m.AdhocContactsPage),
  'src/features/configurations/configurations-page.tsx': () =>
    import('../features/configurations/configurations-page').then((m) => m.ConfigurationsPage),
  'src/features/alerts/alerts-page.tsx': () =>
    import('../features/alerts/alerts-page').then((m) => m.AlertsPage),
  'src/features/settings/settings-page.tsx': () =>
    import('../features/settings/settings-page').then((m) => m.SettingsPage),
  'src/features/activity/org-activity.tsx': () =>
    import('../features/activity/org-activity').then((m) => m.OrgActivity),
  'src/features/plan/plan-page.tsx': () =>
    import('../features/plan/plan-page').then((m) => m.PlanPage),
  'src/features/suppression/suppression-page.tsx': () =>
    import('../features/suppression/suppression-page').then((m) => m.SuppressionPage),
};

function codeOf(module: string | undefined) {
  const load = module ? PAGE_CODE[module] : undefined;
  if (!load) throw new Error(`routes.tsx has no loader for the page module ${module}`);
  return load as () => Promise<ComponentType>;
}

// One lazy component per module, made once: each renders its page when its code is in.
const lazyPages = new Map<string, ComponentType>();
for (const page of PAGES) {
  if (page.redirect) continue;
  for (const module of [page.module, page.outlet]) {
    if (module) lazyPages.set(module, lazyPage(codeOf(module)));
  }
  for (const tab of page.tabs ?? []) {
    const load = codeOf(tab.module) as () => Promise<ComponentType<{ campaign: Campaign }>>;
    lazyPages.set(
      tab.module,
      lazyPage(() => load().then((Tab) => campaignTab(Tab, tab.title))),
    );
  }
}
const elementOf = (module: string) => {
  const Lazy = lazyPages.get(module)!;
  return <Lazy />;
};

/**
 * The requests each page (by its pattern in pages.mjs) starts as soon as it is visited, before
 * its code has loaded; a tab's before its campaign page's, as the table lists them.
 */
function pageRequests(queryClient: QueryClient): Record<string, RouteRequests> {
  // The Overview's and the Contacts tab's bucket counts, by the campaign's UUID.
  const prefetchStats = (campaignId: string) =>
    void queryClient.prefetchQuery(campaignQueries.stats(campaignId));
  const campaignPage = requests(({ params }) =>
    prefetchCampaignPage(queryClient, params.id ?? '', () => {}),
  );
  return {
    '/campaigns': requests(({ search }) => prefetchCampaigns(queryClient, search)),
    '/campaigns/:id': requests(({ params, search }) =>
      prefetchCampaignPage(queryClient, params.id ?? '', prefetchOverview(queryClient, search)),
    ),
    '/campaigns/:id/contacts': requests(({ params, search }) => {
      const ref = params.id ?? '';
      const campaign = prefetchCampaignPage(queryClient, ref, prefetchStats);
      prefetchContacts(queryClient, ref, campaign, search);
    }),
    '/campaigns/:id/contacts/:contactId': campaignPage,
    '/campaigns/:id/calls': campaignPage,
    '/campaigns/:id/activity': campaignPage,
    '/campaigns/:id/settings': campaignPage,
    '/configurations': requests(() => {
      void queryClient.prefetchQuery(configurationQueries.list());
      void queryClient.prefetchQuery(campaignQueries.everything());
    }),
    '/settings': requests(() => prefetchSettings(queryClient)),
  };
}

/** The route of one entry of pages.mjs, below the app shell. */
function pageRoute(page: PageEntry, handles: Record<string, RouteRequests>): RouteObject {
  const path = page.path.slice(1);
  if (page.redirect) {
    return path
      ? { path, element: <Navigate to={page.redirect} replace /> }
      : { index: true, element: <Navigate to={page.redirect} replace /> };
  }
  const element = elementOf(page.module!);
  const route: RouteObject = {
    path,
    element:
      page.access === 'campaigns:read' ? (
        <RequireCampaignsRead title={page.title!}>{element}</RequireCampaignsRead>
      ) : (
        element
      ),
  };
  if (page.tabs) {
    route.children = [
      ...page.tabs.map((tab): RouteObject => {
        const handle = handles[tab.path ? `${page.path}/${tab.path}` : page.path];
        const child = { element: elementOf(tab.module), ...(handle && { handle }) };
        return tab.path ? { path: tab.path, ...child } : { index: true, ...child };
      }),
      { path: '*', element: <p>There is no such section of a campaign.</p> },
    ];
  } else {
    const handle = handles[page.path];
    if (handle) route.handle = handle;
    if (page.outlet) route.children = [{ index: true, element: elementOf(page.outlet) }];
  }
  return route;
}

export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const handles = pageRequests(queryClient);
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
        ...PAGES.map((page) => pageRoute(page, handles)),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
