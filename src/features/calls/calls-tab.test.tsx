import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeSession, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { captureDownloads } from '../../test/downloads';
import type { Call } from '../../../contract/extensions';

const campaign = makeCampaign({ name: 'Spring outreach' });
// Calls a minute apart back from now, so "Last hour" holds the newest sixty.
const NOW = Math.floor(Date.now() / 1000) * 1000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');

function makeCall(i: number, overrides: Partial<Call> = {}): Call {
  const started = NOW - i * 60_000 - 30_000;
  return {
    id: `att-${i}`,
    contact_id: `contact-${i}`,
    contact_external_id: `lead-${i}`,
    attempt_number: 1 + (i % 3),
    status: (['completed', 'failed', 'no_answer'] as const)[i % 3]!,
    started_at: iso(started),
    ended_at: iso(started + 95_000),
    phone_number: `+1415555${String(i).padStart(4, '0')}`,
    conversation_id: i % 3 === 0 ? `conv-${i}` : null,
    result: i % 3 === 0 ? { 'qualification.interested': i % 2 === 0 } : null,
    ...overrides,
  };
}
let CALLS = Array.from({ length: 120 }, (_, i) => makeCall(i));

/** A server keeping CALLS, paged by an index cursor, filtered as the contract says. */
function serve(extensions = ['session', 'conversations', 'calls']) {
  const asked: URLSearchParams[] = [];
  server.use(
    sessionHandler(makeSession({ extensions })),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id)),
    ),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
    http.get(`${API}/campaign/campaigns/:id/attempts`, ({ request }) => {
      const q = new URL(request.url).searchParams;
      asked.push(q);
      const statuses = q.getAll('status');
      const from = q.get('from');
      const matching = CALLS.filter(
        (c) =>
          (statuses.length === 0 || statuses.includes(c.status)) && (!from || c.started_at >= from),
      );
      const start = Number(q.get('cursor') ?? 0);
      const limit = Number(q.get('limit'));
      const end = start + limit;
      return HttpResponse.json({
        attempts: matching.slice(start, end),
        next_cursor: end < matching.length ? String(end) : null,
      });
    }),
  );
  return asked;
}

afterEach(() => vi.useRealTimers());

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('Calls tab', () => {
  it('lists attempts newest first with status, contact link, number, duration and result', async () => {
    serve();
    renderRoute(`/campaigns/${campaign.id}/calls`);
    const table = await screen.findByRole(
      'table',
      { name: /Calls of Spring outreach/ },
      { timeout: 5000 },
    );
    await within(table).findByRole('link', { name: 'lead-0' });
    const rows = rowsOf(table);
    expect(rows).toHaveLength(50);
    expect(rows[0]).toHaveTextContent('Completed');
    expect(rows[0]).toHaveTextContent('+14155550000');
    expect(rows[0]).toHaveTextContent('1m 35s');
    expect(within(rows[0]!).getByText('Yes')).toBeInTheDocument();
    expect(within(rows[0]!).getByRole('button', { name: 'Open conversation' })).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent('Failed');
    expect(within(rows[1]!).getByRole('link', { name: 'lead-1' })).toHaveAttribute(
      'href',
      `/campaigns/${campaign.id}/contacts/contact-1`,
    );
    expect(screen.getByRole('link', { name: 'Calls' })).toHaveAttribute('aria-current', 'page');
  });

  it('filters by status and time range in the URL, and pages by cursor both ways', async () => {
    const asked = serve();
    const user = userEvent.setup();
    const { router } = renderRoute(`/campaigns/${campaign.id}/calls`);
    const table = await screen.findByRole('table', { name: /Calls of/ }, { timeout: 5000 });
    await within(table).findByRole('link', { name: 'lead-0' });

    await user.click(screen.getByRole('checkbox', { name: 'Failed' }));
    await user.click(screen.getByRole('checkbox', { name: 'No answer' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Started' }), 'Last hour');
    expect(router.state.location.search).toBe('?status=no_answer&status=failed&since=hour');
    await within(table).findByRole('link', { name: 'lead-2' });
    const last = asked.at(-1)!;
    expect(last.getAll('status')).toEqual(['no_answer', 'failed']);
    expect(Math.abs(Date.parse(last.get('from')!) - (Date.now() - 3600_000))).toBeLessThan(60_000);
    expect(rowsOf(table).every((r) => /Failed|No answer/.test(r.textContent!))).toBe(true);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Started' }), 'Any time');
    await within(table)
      .findByRole('link', { name: 'lead-149' }, { timeout: 100 })
      .catch(() => {});
    await user.click(await screen.findByRole('button', { name: 'Older calls' }));
    expect(router.state.location.search).toBe('?status=no_answer&status=failed&cursor=50');
    expect(await within(table).findByRole('link', { name: `lead-${76}` })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Newer calls' }));
    expect(router.state.location.search).toBe('?status=no_answer&status=failed');
    expect(await within(table).findByRole('link', { name: 'lead-1' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Newer calls' })).not.toBeInTheDocument();
  }, 20_000);

  it('exports every attempt matching the filter as one CSV, formulas defused', async () => {
    serve();
    CALLS = CALLS.map((c, i) =>
      i === 1 ? makeCall(1, { contact_external_id: '=HYPERLINK("x")' }) : c,
    );
    const downloads = captureDownloads();
    const user = userEvent.setup();
    renderRoute(`/campaigns/${campaign.id}/calls?status=failed`);
    await screen.findByRole('table', { name: /Calls of/ }, { timeout: 5000 });
    await user.click(await screen.findByRole('button', { name: 'Export filtered calls (CSV)' }));
    expect(
      // The CSV code loads on the first export.
      await screen.findByText(
        'Exported 40 calls to spring-outreach-calls-filtered.csv.',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(downloads.names).toEqual(['spring-outreach-calls-filtered.csv']);
    const lines = (await downloads.text()).split('\r\n');
    expect(lines[0]).toBe(
      'started_at,ended_at,duration_seconds,status,contact_external_id,contact_id,attempt_number,phone_number,conversation_id',
    );
    expect(lines).toHaveLength(41);
    const first = CALLS[1]!;
    expect(lines[1]).toBe(
      `${first.started_at},${first.ended_at},95,failed,"'=HYPERLINK(""x"")",contact-1,2,+14155550001,`,
    );
  });

  it('says so when the campaign is finished', async () => {
    serve();
    server.use(
      http.get(`${API}/campaign/campaigns/:id`, () =>
        HttpResponse.json({ ...campaign, finished: true }),
      ),
    );
    renderRoute(`/campaigns/${campaign.id}/calls`);
    expect(
      await screen.findByText(/This campaign is finished/, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('is hidden where the server keeps no call log', async () => {
    serve(['session', 'conversations']);
    renderRoute(`/campaigns/${campaign.id}/calls`);
    expect(
      await screen.findByText('This server keeps no call log.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Calls' })).not.toBeInTheDocument();
  });
});
