// Lighthouse 12, default mobile profile (simulated slow 4G, a 4x slower CPU, a 412 px wide
// phone), over the main pages of the built app served by the reference server with the demo
// data and the dialer, in the system Chromium; then each page's cold load in that Chromium
// unthrottled. Writes both into bench/RESULTS.md between its lighthouse markers. Scores are
// timings: recorded, never asserted. BENCH_LIGHTHOUSE_RUNS (3) and BENCH_COLD_RUNS (5).
import { chromium, type Page } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { CHROMIUM_ARGS } from '../scripts/find-chromium.mjs';
import { machineLine, median } from './machine.ts';
import { startBrowserBench } from './reference-server.ts';

type Target = { name: string; path: string; ready: (page: Page) => Promise<unknown> };

const PAGES: Target[] = [
  {
    name: 'Campaigns',
    path: '/campaigns',
    ready: (p) => p.getByRole('link', { name: 'Spring outreach' }).waitFor(),
  },
  {
    name: 'Overview',
    path: '/campaigns/spring-outreach',
    ready: (p) =>
      p.getByRole('progressbar', { name: 'Progress (completed + exhausted)' }).waitFor(),
  },
  {
    name: 'Contacts',
    path: '/campaigns/spring-outreach/contacts',
    ready: (p) =>
      p
        .getByRole('button', { name: /^Show attempts for/ })
        .first()
        .waitFor(),
  },
  {
    name: 'Configurations',
    path: '/configurations',
    ready: (p) =>
      p
        .getByRole('button', { name: /^Edit / })
        .first()
        .waitFor(),
  },
  {
    name: 'Settings',
    path: '/settings',
    ready: (p) => p.getByText('calls in flight now').waitFor(),
  },
];
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const RESULTS = 'bench/RESULTS.md';
const START = '<!-- lighthouse:start -->';
const END = '<!-- lighthouse:end -->';

const { chromePath, base, server } = await startBrowserBench(4500);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

type Run = { perf: number; a11y: number; fcp: number; lcp: number; tbt: number; cls: number };

async function lighthouseRuns(port: number, url: string): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const metric = (id: string) => audits[id]?.numericValue ?? NaN;
    runs.push({
      perf: Math.round((categories.performance?.score ?? 0) * 100),
      a11y: Math.round((categories.accessibility?.score ?? 0) * 100),
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
    });
  }
  return runs;
}

/** Navigation start to the page's content on screen, in a new context (empty cache) each time. */
async function coldLoads(target: Target): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
  try {
    const times: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      await page.goto(base + target.path);
      await target.ready(page);
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

const rows: string[] = [];
const load = loadavg()[0]!.toFixed(1);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
try {
  console.log(machineLine());
  for (const target of PAGES) {
    const runs = await lighthouseRuns(chrome.port, base + target.path);
    // The run with the median score, so its metrics belong together.
    const mid = [...runs].sort((a, b) => a.perf - b.perf)[Math.floor(runs.length / 2)]!;
    const cold = await coldLoads(target);
    const line =
      `| ${target.name} (\`${target.path}\`) | **${mid.perf}** (${runs.map((r) => r.perf).join(', ')}) | ${mid.a11y} ` +
      `| ${seconds(mid.fcp)} | ${seconds(mid.lcp)} | ${Math.round(mid.tbt)} ms | ${mid.cls.toFixed(3)} ` +
      `| ${Math.round(median(cold))} ms (${cold.map((t) => Math.round(t)).join(', ')}) |`;
    console.log(line);
    rows.push(line);
  }
} finally {
  chrome.kill();
  server.kill('SIGTERM');
}

const section = [
  START,
  `## Lighthouse and cold loads (\`bench/lighthouse.bench.ts\`)`,
  '',
  `**${machineLine()}**, load average ${load} when it started.`,
  '',
  `Lighthouse 12 in the system Chromium, default mobile profile, ${RUNS} runs per page (the median`,
  "run's metrics; every run's score in brackets). Cold load: new context, empty cache, 412 × 823,",
  `unthrottled, ${COLD_RUNS} runs, navigation start to the page's content on screen. Simulated`,
  'throttling multiplies the main-thread time it observes by 4, so on a busy 2-core machine the',
  'blocking time, and with it the score, moves from run to run.',
  '',
  '| Page | Performance | Accessibility | FCP | LCP | TBT | CLS | Cold load, median (runs) |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
  END,
].join('\n');
const text = readFileSync(RESULTS, 'utf8');
const at = text.indexOf(START);
const updated =
  at === -1
    ? `${text.trimEnd()}\n\n${section}\n`
    : `${text.slice(0, at)}${section}${text.slice(text.indexOf(END) + END.length)}`;
writeFileSync(RESULTS, updated);
console.log(`Written to ${RESULTS}.`);
