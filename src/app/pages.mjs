// Every page of the app, as plain data that the router, the app shell, the build (the static
// shell in index.html, the route preloads) and the budget check all read: adding a page is
// one entry here and its module's loader in routes.tsx.

// The first render and React DOM: the entry imports it at once, dynamically, so that the
// page's requests leave while it downloads; index.html preloads it. Part of every first screen.
export const VIEW_MODULE = 'src/app/render.tsx';

const CAMPAIGN_PAGE = 'src/features/campaign-shell/campaign-page.tsx';

/**
 * In the order of the main navigation. See pages.d.mts for what each field means.
 * @type {import('./pages.d.mts').Page[]}
 */
export const PAGES = [
  // `/` redirects to the campaign list, and the server preloads that with it.
  { path: '/', redirect: '/campaigns' },
  {
    path: '/campaigns',
    module: 'src/features/campaigns/campaigns-page.tsx',
    title: 'Campaigns',
    heading: 'Campaigns',
    access: 'campaigns:read',
    nav: 'Campaigns',
  },
  {
    path: '/campaigns/:id',
    module: CAMPAIGN_PAGE,
    title: 'Campaign',
    access: 'campaigns:read',
    tabs: [
      { path: '', module: 'src/features/overview/overview-tab.tsx', title: 'Overview' },
      { path: 'contacts', module: 'src/features/contacts/contacts-tab.tsx', title: 'Contacts' },
      {
        path: 'contacts/:contactId',
        module: 'src/features/contacts/contact-page.tsx',
        title: 'Contact',
      },
      { path: 'calls', module: 'src/features/calls/calls-tab.tsx', title: 'Calls' },
      { path: 'activity', module: 'src/features/activity/activity-tab.tsx', title: 'Activity' },
      {
        path: 'settings',
        module: 'src/features/campaigns/campaign-settings-tab.tsx',
        title: 'Settings',
      },
    ],
  },
  {
    path: '/contacts',
    module: 'src/features/adhoc-contacts/adhoc-contacts-page.tsx',
    title: 'Contacts without a campaign',
    access: 'campaigns:read',
  },
  {
    path: '/configurations',
    module: 'src/features/configurations/configurations-page.tsx',
    title: 'Configurations',
    heading: 'Configurations',
    access: 'campaigns:read',
    nav: 'Configurations',
  },
  {
    path: '/settings',
    module: 'src/features/settings/settings-page.tsx',
    title: 'Settings',
    // The org's activity (ext) is its own feature, rendered in the page's outlet.
    outlet: 'src/features/activity/org-activity.tsx',
    nav: 'Settings',
  },
  {
    path: '/plan',
    module: 'src/features/plan/plan-page.tsx',
    title: 'Plan',
    heading: 'Plan',
    access: 'campaigns:read',
    nav: 'Plan',
    // Listed last: its link appears once the session says the server plans, moving no other.
    extension: 'plan',
  },
  {
    path: '/alerts',
    module: 'src/features/alerts/alerts-page.tsx',
    title: 'Alerts',
    heading: 'Alerts',
    access: 'campaigns:read',
    nav: 'Alerts',
    // Last, like Plan: its link appears once the session lists alerts, moving no other.
    extension: 'alerts',
  },
];

/** The main navigation: label and target of each main page, in order. */
export const NAV = PAGES.flatMap((page) =>
  page.nav ? [{ to: page.path, label: page.nav, extension: page.extension }] : [],
);

/**
 * Each URL pattern's first screen: the modules it needs (a page and its default tab or outlet
 * load together), which the build turns into the chunks the server preloads with the page
 * (dist/.vite/route-preloads.json) and the budget check weighs; and its heading when it needs
 * no answer from the API, which the server puts into the page it sends and the app's pending
 * shell renders the same (pending-page.tsx), so a phone on a slow network sees what page it
 * opened before any script has run.
 * @type {{ path: string; modules: string[]; heading?: string }[]}
 */
export const FIRST_SCREENS = PAGES.flatMap((page) => {
  if (page.redirect) {
    const target = PAGES.find((p) => p.path === page.redirect);
    if (!target?.module) throw new Error(`${page.path} redirects to no page: ${page.redirect}`);
    return [{ path: page.path, modules: [target.module], heading: target.heading }];
  }
  if (page.tabs)
    return page.tabs.map((tab) => ({
      path: tab.path ? `${page.path}/${tab.path}` : page.path,
      modules: [page.module, tab.module],
    }));
  return [
    {
      path: page.path,
      modules: page.outlet ? [page.module, page.outlet] : [page.module],
      heading: page.heading,
    },
  ];
});
