// The first render and React DOM: the entry imports it at once, dynamically, so that the
// page's requests leave while it downloads; index.html preloads it. Part of every first screen.
export const VIEW_MODULE = 'src/app/render.tsx';

// The modules each route's first screen needs, by URL pattern: the build turns them into
// the chunks the server preloads with the page (dist/.vite/route-preloads.json), and the
// budget check weighs every one. src/app/routes.test.tsx keeps this in step with the routes.
export const SPA_ROUTES = [
  { path: '/', modules: ['src/features/campaigns/campaigns-page.tsx'] },
  { path: '/campaigns', modules: ['src/features/campaigns/campaigns-page.tsx'] },
  {
    path: '/campaigns/:id',
    modules: [
      'src/features/campaign-shell/campaign-page.tsx',
      'src/features/overview/overview-tab.tsx',
    ],
  },
  {
    path: '/campaigns/:id/contacts',
    modules: [
      'src/features/campaign-shell/campaign-page.tsx',
      'src/features/contacts/contacts-tab.tsx',
    ],
  },
  {
    path: '/campaigns/:id/contacts/:contactId',
    modules: [
      'src/features/campaign-shell/campaign-page.tsx',
      'src/features/contacts/contact-page.tsx',
    ],
  },
  {
    path: '/campaigns/:id/activity',
    modules: [
      'src/features/campaign-shell/campaign-page.tsx',
      'src/features/activity/activity-tab.tsx',
    ],
  },
  {
    path: '/campaigns/:id/settings',
    modules: [
      'src/features/campaign-shell/campaign-page.tsx',
      'src/features/campaigns/campaign-settings-tab.tsx',
    ],
  },
  { path: '/contacts', modules: ['src/features/adhoc-contacts/adhoc-contacts-page.tsx'] },
  { path: '/configurations', modules: ['src/features/configurations/configurations-page.tsx'] },
  {
    path: '/settings',
    modules: ['src/features/settings/settings-page.tsx', 'src/features/activity/org-activity.tsx'],
  },
];

// The heading of each page whose heading needs no answer from the API: the server puts it
// into the page it sends, and the app's pending shell renders the same (pending-page.tsx),
// so a phone on a slow network sees what page it opened before any script has run.
export const PENDING_HEADINGS = {
  '/': 'Campaigns',
  '/campaigns': 'Campaigns',
  '/configurations': 'Configurations',
};
