// The SPA in Chromium against the reference server (built app, demo data, dialer running):
// the Overview's time to first render, the scripting cost of a page of 200 contacts with
// every row expanded, and an import of 10,000 contacts end to end.
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../scripts/find-chromium.mjs';
import { machineLine, median } from './machine.ts';
import { startBrowserBench } from './reference-server.ts';

const { chromePath: executablePath, base, server } = await startBrowserBench(4900);

const fmt = (xs: number[]) =>
  `median ${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`;
const headers = { Authorization: 'Bearer ak_demo_manage', 'Content-Type': 'application/json' };
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

try {
  console.log(machineLine());

  // Cold first visit each time: new context, empty cache.
  const numbers: number[] = [];
  const charts: number[] = [];
  for (let i = 0; i < 7; i++) {
    const page = await freshPage();
    await page.goto(`${base}/campaigns/spring-outreach`);
    await page.getByRole('progressbar', { name: 'Progress (completed + exhausted)' }).waitFor();
    numbers.push(await page.evaluate(() => performance.now()));
    await page
      .getByRole('img', { name: /Bar chart of contacts per bucket/ })
      .locator('svg, .recharts-surface')
      .first()
      .waitFor();
    charts.push(await page.evaluate(() => performance.now()));
    await page.context().close();
  }
  console.log(`Overview, cold load to numbers on screen: ${fmt(numbers)}`);
  console.log(`Overview, cold load to charts drawn:      ${fmt(charts)}`);

  // Scripting time (Chrome's ScriptDuration) from "Expand all rows" to 200 rows expanded.
  const page = await freshPage();
  await page.goto(`${base}/campaigns/spring-outreach/contacts?size=200&status=completed`);
  await page
    .getByRole('button', { name: /^Show attempts for/ })
    .nth(199)
    .waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const scriptMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ScriptDuration')!.value * 1000;
  };
  const expandAll: number[] = [];
  const toggleAll = (label: string) =>
    page.evaluate(async (name) => {
      // Clicked from inside the page and awaited to the next frame, so Playwright's own
      // polling for elements adds nothing to the scripting being measured.
      document.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)!.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    }, label);
  for (let i = 0; i < 7; i++) {
    const before = await scriptMs();
    await toggleAll('Expand all rows');
    expandAll.push((await scriptMs()) - before);
    await page
      .getByRole('button', { name: /^Hide attempts for/ })
      .nth(199)
      .waitFor();
    await toggleAll('Collapse all rows');
    await page
      .getByRole('button', { name: /^Show attempts for/ })
      .nth(199)
      .waitFor();
  }
  console.log(`200 contacts, every row expanded, scripting: ${fmt(expandAll)}`);
  await page.context().close();

  // 10,000 contacts: choose the file, then import, until the report shows them all.
  const lines = ['external_id,first_name,last_name,mobile,company'];
  for (let i = 1; i <= 10_000; i++)
    lines.push(`bench-${i},Ada,Lovelace ${i},+1212${String(5550000 + i)},Analytical Engines`);
  const buffer = Buffer.from(lines.join('\n'));
  const imports: number[] = [];
  for (let run = 0; run < 3; run++) {
    const res = await fetch(`${base}/campaign/campaigns`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `Import bench ${run}` }),
    });
    const { id } = (await res.json()) as { id: string };
    const p = await freshPage();
    await p.goto(`${base}/campaigns/${id}/contacts`);
    await p.getByRole('button', { name: 'Import contacts' }).click();
    const dialog = p.getByRole('dialog', { name: 'Import contacts' });
    const started = performance.now();
    await dialog
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'bench.csv', mimeType: 'text/csv', buffer });
    await dialog.getByRole('button', { name: 'Import 10,000 contacts' }).click();
    await dialog
      .getByLabel('Import result')
      .getByText('10,000')
      .first()
      .waitFor({ timeout: 120_000 });
    await dialog.getByRole('button', { name: 'Done' }).waitFor();
    imports.push(performance.now() - started);
    await p.context().close();
  }
  console.log(`Import of 10,000 contacts from CSV, file chosen to report: ${fmt(imports)}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
