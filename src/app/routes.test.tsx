import { describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { createMemoryRouter, type RouteObject } from 'react-router';
import { PENDING_HEADINGS, SPA_ROUTES } from '../../scripts/spa-routes.mjs';
import { API, makeCampaign } from '../test/fixtures';
import { createTestQueryClient } from '../test/render';
import { server } from '../test/server';
import { createRoutes, startPageRequests } from './routes';

/** The URL pattern of every page that loads code of its own, as the table names it. */
function pagePatterns(routes: RouteObject[], parent = ''): string[] {
  return routes.flatMap((route) => {
    const path = route.path ? `${parent}/${route.path}` : parent;
    // A page with a default tab is one first screen: its index route's pattern.
    const hasIndex = route.children?.some((child) => child.index) ?? false;
    const own = route.lazy && !hasIndex ? [path || '/'] : [];
    return [...own, ...pagePatterns(route.children ?? [], path)];
  });
}

describe('the route table', () => {
  it('has every lazy page in scripts/spa-routes.mjs, which the server preloads and the budget weighs', () => {
    const pages = new Set(pagePatterns(createRoutes(createTestQueryClient())));
    expect([...pages].sort()).toEqual(
      SPA_ROUTES.map((r) => r.path)
        .filter((p) => p !== '/')
        .sort(),
    );
    // `/` redirects to the campaign list and preloads it.
    expect(SPA_ROUTES.find((r) => r.path === '/')?.modules).toEqual(
      SPA_ROUTES.find((r) => r.path === '/campaigns')?.modules,
    );
  });

  it('names a pending heading only for pages of the table', () => {
    const paths = SPA_ROUTES.map((r) => r.path);
    for (const path of Object.keys(PENDING_HEADINGS)) expect(paths).toContain(path);
  });

  it("sends a page's requests before the router exists, and its loaders then send none again", async () => {
    const asked: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      asked.push(url.pathname + url.search);
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
    const queryClient = createTestQueryClient();
    const routes = createRoutes(queryClient);
    await startPageRequests(routes, new URL('http://localhost/campaigns?status=active'));
    const sent = [...asked];
    expect(sent.sort()).toEqual([
      '/campaign/campaigns?limit=50&status=active',
      '/campaign/concurrency-settings',
      '/campaign/configurations',
      '/campaign/session',
    ]);
    const router = createMemoryRouter(routes, { initialEntries: ['/campaigns?status=active'] });
    await waitFor(() => expect(router.state.initialized).toBe(true));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(asked).toHaveLength(sent.length);
    server.events.removeAllListeners();
  });
});
