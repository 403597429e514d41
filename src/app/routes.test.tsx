import { describe, expect, it, vi } from 'vitest';
import { isValidElement } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { MemoryRouter, type RouteObject } from 'react-router';
import {
  API,
  makeCampaign,
  makeConfiguration,
  makeReport,
  makeSession,
  makeStats,
} from '../test/fixtures';
import { createTestQueryClient, renderRoute } from '../test/render';
import { server } from '../test/server';
import { FIRST_SCREENS, PAGES } from './pages.mjs';
import { createRoutes, PAGE_CODE } from './routes';
import { AppRoutes, startPageRequests } from '../lib/first-paint';

// The Configurations page's and the Overview's code arrive only when the test lets them, as
// on a slow network: no wait to guess (hoisted: vi.mock runs before the rest of the file).
const code = vi.hoisted(() => {
  const held = () => {
    let arrive = () => {};
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const load = async <T,>(original: () => Promise<T>) => {
      await arrived;
      return original();
    };
    return { arrive, load };
  };
  return { configurations: held(), overview: held() };
});
vi.mock('../features/configurations/configurations-page', (original) =>
  code.configurations.load(original),
);
vi.mock('../features/overview/overview-tab', (original) => code.overview.load(original));

const isLazyElement = (element: unknown): boolean =>
  isValidElement<{ children?: unknown }>(element) &&
  ((element.type as { $$typeof?: symbol }).$$typeof === Symbol.for('react.lazy') ||
    // A page behind an access check (app/require-access.tsx) is its wrapper's child.
    isLazyElement(element.props.children));
const isLazy = (route: RouteObject) => isLazyElement(route.element);

/** The URL pattern of every page that loads code of its own, as the table names it. */
function pagePatterns(routes: RouteObject[], parent = ''): string[] {
  return routes.flatMap((route) => {
    const path = route.path ? `${parent}/${route.path}` : parent;
    // A page with a default tab is one first screen: its index route's pattern.
    const hasIndex = route.children?.some((child) => child.index) ?? false;
    const own = isLazy(route) && !hasIndex ? [path || '/'] : [];
    return [...own, ...pagePatterns(route.children ?? [], path)];
  });
}

/** Answers the list pages' requests and records each as `name` puts it. */
function serveListPages(name: (url: URL) => string) {
  const asked: string[] = [];
  server.events.on('request:start', ({ request }) => {
    asked.push(name(new URL(request.url)));
  });
  server.use(
    http.get(`${API}/campaign/campaigns`, () =>
      HttpResponse.json({ campaigns: [makeCampaign()], next_cursor: null }),
    ),
    http.get(`${API}/campaign/configurations`, () => HttpResponse.json({ configurations: [] })),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 0 }),
    ),
  );
  return asked;
}

describe('the route table', () => {
  it("has every lazy page of pages.mjs's first screens, which the server preloads and the budget weighs", () => {
    const pages = new Set(pagePatterns(createRoutes(createTestQueryClient())));
    expect([...pages].sort()).toEqual(
      FIRST_SCREENS.map((r) => r.path)
        .filter((p) => p !== '/')
        .sort(),
    );
    // `/` redirects to the campaign list and preloads it.
    expect(FIRST_SCREENS.find((r) => r.path === '/')?.modules).toEqual(
      FIRST_SCREENS.find((r) => r.path === '/campaigns')?.modules,
    );
  });

  it('names a pending heading only for pages of the table', () => {
    const paths = pagePatterns(createRoutes(createTestQueryClient()));
    for (const { path, heading } of FIRST_SCREENS)
      if (heading && path !== '/') expect(paths).toContain(path);
  });

  it('loads the code of every module pages.mjs names, and of no other', () => {
    const named = PAGES.flatMap((page) => [
      page.module,
      page.outlet,
      ...(page.tabs ?? []).map((tab) => tab.module),
    ]).filter((module) => module !== undefined);
    expect(Object.keys(PAGE_CODE).sort()).toEqual([...new Set(named)].sort());
  });

  it("sends a page's requests before the first render, and the routes then send none again", async () => {
    const asked = serveListPages((url) => url.pathname + url.search);
    const queryClient = createTestQueryClient();
    const routes = createRoutes(queryClient);
    startPageRequests(routes, new URL('http://localhost/campaigns?status=active'));
    await waitFor(() => expect(asked).toHaveLength(4));
    const sent = [...asked];
    expect(sent.sort()).toEqual([
      '/campaign/campaigns?limit=50&status=active',
      '/campaign/concurrency-settings',
      '/campaign/configurations',
      '/campaign/session',
    ]);
    render(
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={['/campaigns?status=active']}>
          <AppRoutes routes={routes} firstStarted />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(asked).toHaveLength(sent.length);
  });

  it("starts a new page's requests while its code loads, and not again what the app asks once", async () => {
    const asked = serveListPages((url) => url.pathname);
    // Every answer stale at once: only `once` keeps the header's from being asked again.
    const queryClient = createTestQueryClient();
    queryClient.setDefaultOptions({
      queries: { ...queryClient.getDefaultOptions().queries, staleTime: 0 },
    });
    renderRoute('/nowhere', { queryClient });
    await screen.findByRole('heading', { name: 'Page not found' });
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(asked.sort()).toEqual(['/campaign/concurrency-settings', '/campaign/session']);

    await userEvent.click(screen.getByRole('link', { name: 'Configurations' }));
    // The page's requests leave while its code is still loading (the mock above holds it).
    await waitFor(() => expect(asked).toContain('/campaign/configurations'));
    expect(asked).toContain('/campaign/campaigns');
    expect(screen.queryByRole('heading', { name: 'Configurations' })).not.toBeInTheDocument();
    code.configurations.arrive();
    expect(await screen.findByRole('heading', { name: 'Configurations' })).toBeInTheDocument();
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(asked.filter((path) => path === '/campaign/session')).toHaveLength(1);
    expect(asked.filter((path) => path === '/campaign/concurrency-settings')).toHaveLength(1);
  });

  it.each([
    ['offers them', ['session', 'report', 'timeline'], ['report', 'stats', 'timeline']],
    ['does not offer them', ['session'], ['stats']],
  ])(
    "asks for the Overview's report and timeline with its counts when the session %s",
    async (_, extensions, expected) => {
      const campaign = makeCampaign({ external_id: 'spring', configuration_id: null });
      const asked: string[] = [];
      server.events.on('request:start', ({ request }) => {
        const [, rest] = new URL(request.url).pathname.split(`/campaign/campaigns/${campaign.id}/`);
        if (rest) asked.push(rest);
      });
      server.use(
        http.get(`${API}/campaign/session`, () => HttpResponse.json(makeSession({ extensions }))),
        http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
        http.get(`${API}/campaign/campaigns/:id/stats`, () =>
          HttpResponse.json(makeStats(campaign.id)),
        ),
        http.get(`${API}/campaign/campaigns/:id/report`, () =>
          HttpResponse.json(makeReport(campaign.id)),
        ),
        http.get(`${API}/campaign/campaigns/:id/timeline`, ({ request }) =>
          HttpResponse.json({
            campaign_id: campaign.id,
            bucket_seconds: Number(new URL(request.url).searchParams.get('bucket_seconds')),
            points: [],
            forecast: null,
          }),
        ),
        http.get(`${API}/campaign/concurrency-settings`, () =>
          HttpResponse.json({ concurrency_limit: 10, active_calls: 0 }),
        ),
      );
      const queryClient = createTestQueryClient();
      renderRoute('/campaigns/spring', { queryClient });
      expect(await screen.findByRole('heading', { name: campaign.name })).toBeInTheDocument();
      // All of it asked by the UUID while the Overview's code is still on its way (held until
      // the next test): the page's request start asked, not the tab.
      await waitFor(() => expect(queryClient.isFetching()).toBe(0));
      expect(screen.queryByRole('region', { name: 'Contacts' })).not.toBeInTheDocument();
      expect(asked.sort()).toEqual(expected);
    },
  );

  it("shows a campaign's header while its tab's code is still loading", async () => {
    const campaign = makeCampaign({ name: 'Spring outreach', configuration_id: 'cfg' });
    server.use(
      http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
      http.get(`${API}/campaign/campaigns/:id/stats`, () =>
        HttpResponse.json(makeStats(campaign.id)),
      ),
      http.get(`${API}/campaign/configurations/:id`, () =>
        HttpResponse.json(makeConfiguration({ id: 'cfg' })),
      ),
      http.get(`${API}/campaign/concurrency-settings`, () =>
        HttpResponse.json({ concurrency_limit: 10, active_calls: 0 }),
      ),
    );
    renderRoute(`/campaigns/${campaign.id}`);
    expect(await screen.findByRole('heading', { name: 'Spring outreach' })).toBeInTheDocument();
    // The Overview's code is still on its way (the mock above holds it).
    expect(screen.queryByRole('region', { name: 'Contacts' })).not.toBeInTheDocument();
    code.overview.arrive();
    expect(await screen.findByRole('region', { name: 'Contacts' })).toBeInTheDocument();
  });
});
