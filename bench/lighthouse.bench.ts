// Lighthouse 12, default mobile profile (simulated slow 4G, a 4x slower CPU, a 412 px wide
// phone), over the main pages of the built app served by the reference server with the demo
// data and the dialer, in the system Chromium; then each page's cold load in that Chromium
// unthrottled. Writes both into bench/RESULTS.md between its lighthouse markers. Scores are
// timings: recorded, never asserted. BENCH_LIGHTHOUSE_RUNS (3) and BENCH_COLD_RUNS (5).
// BENCH_LIGHTHOUSE_COMPARE=name=dir[,name=dir…]: other checkouts, each built already and served
// by its own server, measured in the same run, one run of each build in turn (the order
// rotating), and printed side by side with this one; BENCH_LIGHTHOUSE_PAGES=Campaigns,… picks pages.
import { chromium, type Browser, type Page } from '@playwright/test';
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
type Build = { name: string; base: string };
const builds: Build[] = [{ name: 'this', base }];
const servers = [server];
for (const entry of (process.env.BENCH_LIGHTHOUSE_COMPARE ?? '').split(',').filter(Boolean)) {
  const [name, dir] = entry.split('=') as [string, string];
  const other = await startBrowserBench(4500, dir);
  builds.push({ name, base: other.base });
  servers.push(other.server);
}
const only = (process.env.BENCH_LIGHTHOUSE_PAGES ?? '').split(',').filter(Boolean);
const targets = PAGES.filter((t) => only.length === 0 || only.includes(t.name));
/** Run `i`'s order of the builds: each goes first in turn. */
const rotated = (i: number) => builds.map((_, k) => builds[(i + k) % builds.length]!);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

type Run = { perf: number; a11y: number; fcp: number; lcp: number; tbt: number; cls: number };

/**
 * One Lighthouse run; on a loaded machine a run can fail (a runtime error, no metrics): it is
 * tried again, up to three times, rather than counted as a score of 0.
 */
async function lighthouseRun(port: number, url: string): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits, runtimeError } = result.lhr;
    if (runtimeError || categories.performance?.score == null) {
      console.warn(`Lighthouse failed on ${url} (${runtimeError?.code ?? 'no score'})`);
      if (attempt < 3) continue;
    }
    const metric = (id: string) => audits[id]?.numericValue ?? NaN;
    return {
      perf: Math.round((categories.performance?.score ?? 0) * 100),
      a11y: Math.round((categories.accessibility?.score ?? 0) * 100),
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
    };
  }
}

/** Navigation start to the page's content on screen, in a new context (empty cache). */
async function coldLoad(browser: Browser, target: Target, base: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  try {
    const page = await context.newPage();
    await page.goto(base + target.path);
    await target.ready(page);
    return await page.evaluate(() => performance.now());
  } finally {
    await context.close();
  }
}

/** The run with the median score, so its metrics belong together. */
const medianRun = (runs: Run[]) =>
  [...runs].sort((a, b) => a.perf - b.perf)[Math.floor(runs.length / 2)]!;

const rows: string[] = [];
const compared: string[] = [];
const load = loadavg()[0]!.toFixed(1);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS });
try {
  console.log(machineLine());
  for (const target of targets) {
    const runsOf = new Map<string, Run[]>(builds.map((b) => [b.name, []]));
    const coldOf = new Map<string, number[]>(builds.map((b) => [b.name, []]));
    for (let i = 0; i < RUNS; i++)
      for (const build of rotated(i))
        runsOf.get(build.name)!.push(await lighthouseRun(chrome.port, build.base + target.path));
    for (let i = 0; i < COLD_RUNS; i++)
      for (const build of rotated(i))
        coldOf.get(build.name)!.push(await coldLoad(browser, target, build.base));
    for (const build of builds.length > 1 ? builds : []) {
      const runs = runsOf.get(build.name)!;
      const m = medianRun(runs);
      const cold = coldOf.get(build.name)!;
      const line =
        `| ${target.name} | ${build.name} | **${m.perf}** (${runs.map((r) => r.perf).join(', ')}) ` +
        `| ${seconds(median(runs.map((r) => r.fcp)))} | ${seconds(median(runs.map((r) => r.lcp)))} ` +
        `| ${Math.round(median(runs.map((r) => r.tbt)))} ms | ${median(runs.map((r) => r.cls)).toFixed(3)} ` +
        `| ${Math.round(median(cold))} ms (${cold.map((t) => Math.round(t)).join(', ')}) |`;
      console.log(line);
      compared.push(line);
    }
    const runs = runsOf.get('this')!;
    const mid = medianRun(runs);
    const cold = coldOf.get('this')!;
    const line =
      `| ${target.name} (\`${target.path}\`) | **${mid.perf}** (${runs.map((r) => r.perf).join(', ')}) | ${mid.a11y} ` +
      `| ${seconds(mid.fcp)} | ${seconds(mid.lcp)} | ${Math.round(mid.tbt)} ms | ${mid.cls.toFixed(3)} ` +
      `| ${Math.round(median(cold))} ms (${cold.map((t) => Math.round(t)).join(', ')}) |`;
    console.log(line);
    rows.push(line);
  }
} finally {
  await browser.close();
  chrome.kill();
  servers.forEach((s) => s.kill('SIGTERM'));
}
if (compared.length > 0) {
  console.log(
    [
      '',
      `Side by side (${RUNS} Lighthouse runs and ${COLD_RUNS} cold loads of each build, in turn; medians of each metric):`,
      '',
      '| Page | Build | Performance (runs) | FCP | LCP | TBT | CLS | Cold load (runs) |',
      '|---|---|---|---|---|---|---|---|',
      ...compared,
    ].join('\n'),
  );
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
if (only.length > 0) process.exit(0);
const text = readFileSync(RESULTS, 'utf8');
const at = text.indexOf(START);
const updated =
  at === -1
    ? `${text.trimEnd()}\n\n${section}\n`
    : `${text.slice(0, at)}${section}${text.slice(text.indexOf(END) + END.length)}`;
writeFileSync(RESULTS, updated);
console.log(`Written to ${RESULTS}.`);
