import type { QueryClient } from '@tanstack/react-query';
import {
  matchRoutes,
  Navigate,
  type LoaderFunctionArgs,
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
import { NotFoundPage } from './not-found-page';
import { yieldToMain } from '../lib/yield-to-main';

/** What a page's requests depend on: the route's params and the URL's query. */
type Page = { params: Params; search: URLSearchParams };
const starts = new WeakMap<object, (page: Page) => void>();

/**
 * A loader that starts a page's first requests while its code loads, and returns at once:
 * the page shows its own loading state, so no navigation waits for data.
 */
function prefetching(start: (page: Page) => void) {
  const loader = ({ params, request }: LoaderFunctionArgs): null => {
    if (canRequest()) start({ params, search: new URL(request.url).searchParams });
    return null;
  };
  starts.set(loader, start);
  return loader;
}

/**
 * Sends the requests of the page at `url` before the router exists, whose creation is a long
 * task on a slow phone: matchRoutes is the router's own matching, and its loaders then find
 * the same requests in flight in the query cache. Each route's requests leave in a task of
 * their own: sending a handful at once is itself a long task on a phone.
 */
export async function startPageRequests(routes: RouteObject[], url: URL) {
  for (const { route, params } of matchRoutes(routes, url.pathname) ?? []) {
    const start = typeof route.loader === 'function' ? starts.get(route.loader) : undefined;
    if (!start) continue;
    await yieldToMain();
    if (canRequest()) start({ params, search: url.searchParams });
  }
}

// Every page is a lazy route module, so the first screen ships only what it shows.
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      element: <AppShell />,
      hydrateFallbackElement: <AppShell pending />,
      // What the credential may do decides what every page shows: asked once, at start. The
      // header's headroom too, rather than after the first render.
      loader: prefetching(() => {
        void queryClient.prefetchQuery(sessionQueries.current(getConnection()));
        void queryClient.prefetchQuery(concurrencyQueries.settings());
      }),
      shouldRevalidate: () => false,
      children: [
        { index: true, element: <Navigate to="/campaigns" replace /> },
        {
          path: 'campaigns',
          loader: prefetching(({ search }) => prefetchCampaigns(queryClient, search)),
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
              loader: prefetching(({ params }) =>
                prefetchCampaignPage(queryClient, params.id ?? '', (id) => {
                  void queryClient.prefetchQuery(campaignQueries.stats(id));
                }),
              ),
              lazy: () =>
                import('../features/overview/overview-tab').then((m) => ({
                  Component: campaignTab(m.OverviewTab, 'Overview'),
                })),
            },
            {
              path: 'contacts',
              loader: prefetching(({ params, search }) =>
                prefetchCampaignPage(queryClient, params.id ?? '', (id) =>
                  prefetchContacts(queryClient, id, search),
                ),
              ),
              lazy: () =>
                import('../features/contacts/contacts-tab').then((m) => ({
                  Component: campaignTab(m.ContactsTab, 'Contacts'),
                })),
            },
            {
              path: 'contacts/:contactId',
              loader: prefetching(({ params }) =>
                prefetchCampaignPage(queryClient, params.id ?? '', () => {}),
              ),
              lazy: () =>
                import('../features/contacts/contact-page').then((m) => ({
                  Component: campaignTab(m.ContactPage, 'Contact'),
                })),
            },
            {
              path: 'activity',
              loader: prefetching(({ params }) =>
                prefetchCampaignPage(queryClient, params.id ?? '', () => {}),
              ),
              lazy: () =>
                import('../features/activity/activity-tab').then((m) => ({
                  Component: campaignTab(m.ActivityTab, 'Activity'),
                })),
            },
            {
              path: 'settings',
              loader: prefetching(({ params }) =>
                prefetchCampaignPage(queryClient, params.id ?? '', () => {}),
              ),
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
          loader: prefetching(() => {
            void queryClient.prefetchQuery(configurationQueries.list());
            void queryClient.prefetchQuery(campaignQueries.everything());
          }),
          lazy: () =>
            import('../features/configurations/configurations-page').then((m) => ({
              Component: m.ConfigurationsPage,
            })),
        },
        {
          path: 'settings',
          loader: prefetching(() => prefetchSettings(queryClient)),
          lazy: () =>
            import('../features/settings/settings-page').then((m) => ({
              Component: m.SettingsPage,
            })),
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
}
