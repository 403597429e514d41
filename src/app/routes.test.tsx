import { describe, expect, it } from 'vitest';
import type { RouteObject } from 'react-router';
import { SPA_ROUTES } from '../../scripts/spa-routes.mjs';
import { createTestQueryClient } from '../test/render';
import { createRoutes } from './routes';

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
});
