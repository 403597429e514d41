import { expect, test } from './fixtures';

test('the built app opens on the campaign list, already connected to the demo org', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/campaigns$/);
  await expect(page.getByText('Headroom', { exact: true })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Campaigns', 'Configurations', 'Settings']) {
    await expect(nav.getByRole('link', { name })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Campaigns' })).toBeVisible();
  await expect(page.getByText(/\d+ \/ \d+ calls in flight/)).toBeVisible();
});

test('config.json carries the runtime configuration and the demo credential', async ({
  request,
}) => {
  const res = await request.get('/config.json');
  expect(res.ok()).toBe(true);
  const config = await res.json();
  expect(config).toMatchObject({ apiBaseUrl: '', demoCredentials: { token: 'ak_demo_manage' } });
});

test('client-side routes load on reload and unknown ones say not found', async ({ page }) => {
  await page.goto('/configurations');
  await expect(page.getByRole('link', { name: 'Configurations' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('a first visit gets compressed files, its config and styles in the page and its route code preloaded', async ({
  page,
}) => {
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      ((window as { blocked?: string[] }).blocked ??= []).push(e.violatedDirective),
    ),
  );
  const asked: string[] = [];
  const encodings = new Map<string, string | undefined>();
  page.on('request', (req) => asked.push(new URL(req.url()).pathname));
  page.on('response', async (res) => {
    encodings.set(new URL(res.url()).pathname, (await res.allHeaders())['content-encoding']);
  });
  await page.goto('/campaigns/spring-outreach/contacts');
  await expect(page.getByRole('button', { name: /^Show attempts for/ }).first()).toBeVisible();
  expect(asked).not.toContain('/config.json');
  // The stylesheet came inside the page, and the CSP let it (and the Intl warm-up worker) run.
  expect(asked.filter((path) => path.endsWith('.css'))).toEqual([]);
  expect(
    await page.getByRole('banner').evaluate((h) => getComputedStyle(h).borderBottomWidth),
  ).toBe('1px');
  expect(await page.evaluate(() => (window as { blocked?: string[] }).blocked ?? [])).toEqual([]);
  expect(asked.some((path) => /\/assets\/intl-warmup\.worker-[\w-]+\.js$/.test(path))).toBe(true);
  const preloaded = await page
    .locator('link[rel="modulepreload"]')
    .evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
  expect(preloaded.some((href) => /\/assets\/contacts-tab-[\w-]+\.js$/.test(href))).toBe(true);
  // The view (React DOM) downloads beside the entry, not after it has run.
  const view = preloaded.find((href) => /\/assets\/render-[\w-]+\.js$/.test(href));
  expect(view).toBeDefined();
  // Both ask V8 to compile all of them off the main thread (scripts/vite-plugins.mjs).
  const entry = await page.locator('script[type="module"][src]').getAttribute('src');
  for (const file of [entry!, view!]) {
    expect(
      (await (await page.request.get(file)).text()).startsWith('//# allFunctionsCalledOnLoad\n'),
    ).toBe(true);
  }
  const scripts = [...encodings].filter(([path]) => path.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  // The build keeps no compressed copy of a file compression would not shrink (a few bytes).
  const tiny = new Set(
    await Promise.all(
      scripts.map(async ([path]) =>
        (await page.request.get(path)).body().then((b) => (b.length < 200 ? path : '')),
      ),
    ),
  );
  for (const [path, encoding] of scripts) if (!tiny.has(path)) expect(encoding, path).toBe('br');
  expect(encodings.get('/campaigns/spring-outreach/contacts')).toBe('br');
});

test('the page paints its shell before any script, and the app takes its place without moving it', async ({
  browser,
  baseURL,
}) => {
  // One row of 56 px either way: on a phone the navigation is behind the Menu button.
  for (const viewport of [
    { width: 412, height: 823 },
    { width: 1366, height: 900 },
  ]) {
    const boxes = async (javaScriptEnabled: boolean) => {
      const context = await browser.newContext({ baseURL, viewport, javaScriptEnabled });
      const page = await context.newPage();
      await page.goto('/campaigns');
      if (javaScriptEnabled) {
        await expect(page.getByText(/\d+ \/ \d+ calls in flight/)).toBeVisible();
        await expect(page.getByRole('link', { name: 'Spring outreach' })).toBeVisible();
      }
      // The page's heading is in the page the server sent, where the app puts it.
      await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
      if (viewport.width < 1024)
        await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
      else await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      // The page below the header is the app's own; where it starts must not move.
      const found = await page.evaluate(() => {
        const box = (selector: string) => {
          const { x, y, width, height } = document.querySelector(selector)!.getBoundingClientRect();
          return { x, y, width, height };
        };
        // The nav's width is not compared: links an (ext) feature gates join it with the session.
        const { x, y, height } = box('nav');
        return {
          header: box('header'),
          nav: { x, y, height },
          mainTop: box('main').y,
          h1: box('h1'),
        };
      });
      await context.close();
      return found;
    };
    expect(await boxes(true)).toEqual(await boxes(false));
  }
});
