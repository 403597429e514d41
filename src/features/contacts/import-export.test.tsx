import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeConfiguration, makeContact, makeStats } from '../../test/fixtures';
import { createTestQueryClient, renderRoute } from '../../test/render';
import { advance } from '../../test/clock';
import { captureDownloads } from '../../test/downloads';
import type { Campaign, Configuration, Contact, ContactInput } from '../../../contract/schemas';

type Upsert = { contacts: ContactInput[] };
type Answer = (body: Upsert, nth: number) => Response | Promise<Response>;

const accepted = (body: Upsert) =>
  HttpResponse.json({
    inserted: body.contacts.length,
    updated: 0,
    failed: [],
    warnings: [],
    contact_ids: body.contacts.map((_, i) => `id-${i}`),
  });

/**
 * The campaign's routes. `upserts` collects every POSTed body and `answer` replies to the nth
 * (1-based); `log` records the list, stats and upsert requests in order.
 */
function serve(
  campaign: Campaign,
  opts: {
    upserts?: Upsert[];
    contacts?: Contact[];
    answer?: Answer;
    log?: string[];
    configuration?: Configuration;
  } = {},
) {
  const all = opts.contacts ?? [];
  server.use(
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () => {
      opts.log?.push('stats');
      return HttpResponse.json(makeStats(campaign.id));
    }),
    http.get(`${API}/campaign/campaigns/:id/contacts`, ({ request }) => {
      opts.log?.push('list');
      const url = new URL(request.url);
      const limit = Number(url.searchParams.get('limit'));
      const offset = Number(url.searchParams.get('offset'));
      return HttpResponse.json({
        contacts: all.slice(offset, offset + limit),
        total: all.length,
        limit,
        offset,
      });
    }),
    http.post(`${API}/campaign/campaigns/:id/contacts`, async ({ request }) => {
      const body = (await request.json()) as Upsert;
      const upserts = opts.upserts ?? [];
      upserts.push(body);
      opts.log?.push(`POST ${body.contacts.length}`);
      return (opts.answer ?? accepted)(body, upserts.length);
    }),
    http.get(`${API}/campaign/configurations`, () => HttpResponse.json({ configurations: [] })),
    http.get(`${API}/campaign/configurations/:configId`, () =>
      opts.configuration
        ? HttpResponse.json(opts.configuration)
        : HttpResponse.json({ detail: 'Configuration not found' }, { status: 404 }),
    ),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 5 }),
    ),
  );
}

function csvOf(n: number): string {
  const lines = ['external_id,first_name,phone'];
  for (let i = 1; i <= n; i++)
    lines.push(`lead-${i},Person ${i},+1415555${String(i).padStart(4, '0')}`);
  return lines.join('\n');
}

/** The text of each row under a table's header row. */
const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent);

const idsOf = (upserts: Upsert[]) => upserts.flatMap((u) => u.contacts.map((c) => c.external_id));

async function openImport(campaign: Campaign, queryClient = createTestQueryClient()) {
  renderRoute(`/campaigns/${campaign.id}/contacts`, { queryClient });
  await userEvent.click(
    await screen.findByRole('button', { name: 'Import contacts' }, { timeout: 5000 }),
  );
  return screen.findByRole('dialog', { name: 'Import contacts' });
}

async function uploadCsv(dialog: HTMLElement, text: string, name = 'leads.csv') {
  const input = await within(dialog).findByLabelText('CSV file');
  await userEvent.upload(input, new File([text], name, { type: 'text/csv' }));
}

async function importAndWait(dialog: HTMLElement, button: string) {
  await userEvent.click(await within(dialog).findByRole('button', { name: button }));
  await within(dialog).findByRole('button', { name: 'Done' });
}

describe('Import contacts', () => {
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('maps CSV columns, previews the rows, flags rows without a phone number, and sends what was mapped', async () => {
    const campaign = makeCampaign();
    const upserts: Upsert[] = [];
    serve(campaign, { upserts });
    const dialog = await openImport(campaign);
    await uploadCsv(
      dialog,
      [
        'Customer ID,First name,Mobile,Work phone,Notes',
        'c-1,Ada,+14155550101,+14155550102,<b>VIP</b>',
        '"c-2","Grace ""Amazing"" Hopper",(415) 555-0103,,',
        'c-3,Linus,,,calls back',
      ].join('\n'),
    );
    // The first guess: phone-like headers dial, the id-like one identifies, the rest is data.
    const phones = await within(dialog).findByRole('group', { name: 'Phone number columns' });
    expect(within(phones).getByRole('checkbox', { name: 'Mobile' })).toBeChecked();
    expect(within(phones).getByRole('checkbox', { name: 'Work phone' })).toBeChecked();
    expect(within(phones).getByRole('checkbox', { name: 'Notes' })).not.toBeChecked();
    expect(within(dialog).getByRole('combobox', { name: 'External ID column' })).toHaveDisplayValue(
      'Customer ID',
    );
    const preview = within(dialog).getByRole('table', { name: /Preview of the first 3 of 3 rows/ });
    expect(within(preview).getByText('+14155550101, +14155550102')).toBeInTheDocument();
    // Contact data is text: markup in a cell is shown, not rendered.
    expect(within(preview).getByText(/<b>VIP<\/b>/)).toBeInTheDocument();
    expect(within(preview).getByText('No phone number')).toBeInTheDocument();
    const skipped = within(dialog).getByRole('table', { name: '1 of 3 rows will be skipped' });
    expect(within(skipped).getByRole('row', { name: '4 No phone number' })).toBeInTheDocument();

    // Notes stay out of the contact's data once unticked.
    const keep = within(dialog).getByRole('group', { name: 'Keep in contact data' });
    await userEvent.click(within(keep).getByRole('checkbox', { name: 'Notes' }));
    await importAndWait(dialog, 'Import 2 contacts');

    expect(within(dialog).getByLabelText('Import result')).toHaveTextContent(
      'Inserted2Updated0Failed0Skipped1Warnings0',
    );
    expect(upserts).toHaveLength(1);
    expect(upserts[0]!.contacts).toEqual([
      {
        external_id: 'c-1',
        phone_numbers: ['+14155550101', '+14155550102'],
        data: { 'First name': 'Ada' },
      },
      {
        external_id: 'c-2',
        phone_numbers: ['(415) 555-0103'],
        data: { 'First name': 'Grace "Amazing" Hopper' },
      },
    ]);
    const failed = within(dialog).getByRole('table', { name: 'Rows not imported' });
    expect(
      within(failed).getByRole('row', { name: '4 Skipped No phone number' }),
    ).toBeInTheDocument();
  });

  it("checks every number with the configuration's country code, lists each bad row with its line and reason, and sends only the good rows", async () => {
    const configuration = makeConfiguration({ default_country_code: '+44' });
    const campaign = makeCampaign({ configuration_id: configuration.id });
    const upserts: Upsert[] = [];
    serve(campaign, { upserts, configuration });
    const downloads = captureDownloads();
    const dialog = await openImport(campaign);
    await uploadCsv(
      dialog,
      [
        'external_id,name,phone',
        'uk-1,Ada,020 7946 0018',
        'uk-2,Bob,12345',
        'uk-3,Cy,+1 415 555 0101',
        'uk-4,Di,07700 900123',
        'uk-5,Ed,call me',
        'uk-6,Flo,+44 7700 900456; 999',
      ].join('\n'),
    );

    expect(
      await within(dialog).findByText(/Numbers without a country code are read as \+44/),
    ).toBeInTheDocument();
    const skipped = within(dialog).getByRole('table', { name: '3 of 6 rows will be skipped' });
    expect(bodyRows(skipped)).toEqual([
      '3"12345" is not a possible phone number',
      '6"call me" cannot be parsed as a phone number',
      '7"999" is not a possible phone number',
    ]);
    await importAndWait(dialog, 'Import 3 contacts');

    // One request, with the three good rows as the file has them: the server normalizes.
    expect(upserts).toEqual([
      {
        contacts: [
          { external_id: 'uk-1', phone_numbers: ['020 7946 0018'], data: { name: 'Ada' } },
          { external_id: 'uk-3', phone_numbers: ['+1 415 555 0101'], data: { name: 'Cy' } },
          { external_id: 'uk-4', phone_numbers: ['07700 900123'], data: { name: 'Di' } },
        ],
      },
    ]);
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Saved 3 contacts from 6 rows (3 new, 0 updated). 3 skipped, each listed below with why.',
    );
    const failed = within(dialog).getByRole('table', { name: 'Rows not imported' });
    expect(
      within(failed).getByRole('row', { name: '3 Skipped "12345" is not a possible phone number' }),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Download failed rows (CSV)' }),
    );
    expect((await downloads.text()).split('\r\n')).toEqual([
      'line,outcome,reason,external_id,name,phone',
      '3,Skipped,"""12345"" is not a possible phone number",uk-2,Bob,12345',
      '6,Skipped,"""call me"" cannot be parsed as a phone number",uk-5,Ed,call me',
      // A cell starting with + that is not a plain number is escaped as a possible formula.
      '7,Skipped,"""999"" is not a possible phone number",uk-6,Flo,"\'+44 7700 900456; 999"',
    ]);
  });

  it('shows why the country code is unknown, with Retry, and sends nothing until it is known', async () => {
    const configuration = makeConfiguration({ default_country_code: '+44' });
    const campaign = makeCampaign({ configuration_id: configuration.id });
    serve(campaign);
    const dialog = await openImport(campaign);
    await uploadCsv(dialog, 'name,phone\nAda,020 7946 0018');
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "Could not read the campaign's configuration",
    );
    expect(within(dialog).getByRole('button', { name: 'Import' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    serve(campaign, { configuration });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Retry' }));
    expect(await within(dialog).findByRole('button', { name: 'Import 1 contact' })).toBeEnabled();
  });

  it('sends 2,500 rows as three requests back to back and refreshes the list and stats once, at the end', async () => {
    // Paused: no stats polling to tell apart from the refresh.
    const campaign = makeCampaign({ status: 'paused' });
    const upserts: Upsert[] = [];
    const log: string[] = [];
    serve(campaign, { upserts, log });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const queryClient = createTestQueryClient();
    const dialog = await openImport(campaign, queryClient);
    await uploadCsv(dialog, csvOf(2500));
    await waitFor(() => expect(log).toEqual(expect.arrayContaining(['list', 'stats'])));
    log.length = 0;
    await importAndWait(dialog, 'Import 2,500 contacts');

    expect(within(dialog).getByLabelText('Import result')).toHaveTextContent('Inserted2,500');
    expect(upserts[2]!.contacts.at(-1)).toEqual({
      external_id: 'lead-2500',
      phone_numbers: ['+14155552500'],
      data: { first_name: 'Person 2500' },
    });
    await waitFor(() => expect(log).toHaveLength(5));
    // Nothing left in flight, and the clock run on: a stray refetch would have shown up.
    await waitFor(() => expect(queryClient.isFetching() + queryClient.isMutating()).toBe(0));
    await advance(50);
    expect(log.slice(0, 3)).toEqual(['POST 1000', 'POST 1000', 'POST 500']);
    expect(log.slice(3).sort()).toEqual(['list', 'stats']);
    expect(
      within(dialog).queryByRole('table', { name: 'Rows not imported' }),
    ).not.toBeInTheDocument();
  });

  it('when the server refuses rows of a chunk, sends the rest of it again and goes on, so every good row lands', async () => {
    const campaign = makeCampaign();
    const upserts: Upsert[] = [];
    const refused = ['lead-1006', 'lead-1500'];
    serve(campaign, {
      upserts,
      answer: (body) => {
        const bad = body.contacts.flatMap((c, i) => (refused.includes(c.external_id!) ? [i] : []));
        if (bad.length === 0) return accepted(body);
        return HttpResponse.json(
          {
            detail: bad.map((i) => ({
              loc: ['body', 'contacts', i, 'phone_numbers', 0],
              msg: 'Not a phone number this server dials',
              type: 'phone_invalid',
            })),
          },
          { status: 422 },
        );
      },
    });
    const downloads = captureDownloads();
    const dialog = await openImport(campaign);
    await uploadCsv(dialog, csvOf(2500));
    await importAndWait(dialog, 'Import 2,500 contacts');

    // The second chunk is refused whole, sent again without its two bad rows, and the third follows.
    expect(upserts.map((u) => u.contacts.length)).toEqual([1000, 1000, 998, 500]);
    expect(idsOf(upserts.slice(2))).not.toContain('lead-1006');
    expect(new Set(idsOf([upserts[0]!, ...upserts.slice(2)])).size).toBe(2498);
    expect(within(dialog).getByLabelText('Import result')).toHaveTextContent(
      'Inserted2,498Updated0Failed0Skipped2',
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Saved 2,498 contacts from 2,500 rows (2,498 new, 0 updated). 2 skipped, each listed below with why.',
    );
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    const failed = within(dialog).getByRole('table', { name: 'Rows not imported' });
    expect(bodyRows(failed)).toEqual([
      '1007Skippedphone_numbers.0: Not a phone number this server dials',
      '1501Skippedphone_numbers.0: Not a phone number this server dials',
    ]);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Download failed rows (CSV)' }),
    );
    expect(downloads.names).toEqual(['spring-outreach-failed-rows.csv']);
    expect((await downloads.text()).split('\r\n')).toEqual([
      'line,outcome,reason,external_id,first_name,phone',
      '1007,Skipped,phone_numbers.0: Not a phone number this server dials,lead-1006,Person 1006,+14155551006',
      '1501,Skipped,phone_numbers.0: Not a phone number this server dials,lead-1500,Person 1500,+14155551500',
    ]);
  });

  it('counts rows, contacts and duplicates exactly, warns of shared numbers, and says what the server counted', async () => {
    const campaign = makeCampaign();
    const upserts: Upsert[] = [];
    // The server's side: contacts by external ID, lead-4 there before the import.
    const stored = new Set(['lead-4']);
    const answers: { inserted: number; updated: number; failed: number }[] = [];
    serve(campaign, {
      upserts,
      answer: (body) => {
        const out = { inserted: 0, updated: 0, failed: [] as { index: number; reason: string }[] };
        body.contacts.forEach((c, index) => {
          if (c.external_id === 'lead-5') {
            out.failed.push({ index, reason: 'external_id "lead-5" is used by another contact' });
          } else if (stored.has(c.external_id!)) out.updated++;
          else {
            stored.add(c.external_id!);
            out.inserted++;
          }
        });
        answers.push({ ...out, failed: out.failed.length });
        return HttpResponse.json({ ...out, warnings: [], contact_ids: [] });
      },
    });
    const dialog = await openImport(campaign);
    await uploadCsv(
      dialog,
      [
        'external_id,phone',
        'lead-1,+14155550101',
        'lead-2,+14155550102',
        'lead-1,+14155550111',
        'lead-3,12345',
        'lead-4,(415) 555-0102',
        'lead-5,+14155550105',
      ].join('\n'),
    );

    expect(
      await within(dialog).findByText(
        '6 rows: 4 contacts to import, 1 duplicate row, 1 row with a problem.',
      ),
    ).toBeInTheDocument();
    const skipped = within(dialog).getByRole('table', { name: '2 of 6 rows will be skipped' });
    expect(bodyRows(skipped)).toEqual([
      '2Duplicate: the same external ID "lead-1" is on line 4, which is imported instead',
      '5"12345" is not a possible phone number',
    ]);
    const shared = within(dialog).getByRole('list', { name: 'Shared phone numbers' });
    expect(within(shared).getByRole('listitem')).toHaveTextContent('+14155550102: lines 3, 6');
    await importAndWait(dialog, 'Import 4 contacts');

    // Each contact once, the later lead-1 row.
    expect(upserts[0]!.contacts.map((c) => [c.external_id, c.phone_numbers[0]])).toEqual([
      ['lead-2', '+14155550102'],
      ['lead-1', '+14155550111'],
      ['lead-4', '(415) 555-0102'],
      ['lead-5', '+14155550105'],
    ]);
    // The counts are the server's answers, as the activity log records each request.
    const sum = (k: 'inserted' | 'updated' | 'failed') => answers.reduce((n, a) => n + a[k], 0);
    expect([sum('inserted'), sum('updated'), sum('failed')]).toEqual([2, 1, 1]);
    expect(within(dialog).getByLabelText('Import result')).toHaveTextContent(
      'Inserted2Updated1Failed1Skipped2',
    );
    // Saved: the file's contacts that exist now.
    const saved = ['lead-1', 'lead-2', 'lead-3', 'lead-4', 'lead-5'].filter((id) => stored.has(id));
    expect(saved).toHaveLength(3);
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Saved 3 contacts from 6 rows (2 new, 1 updated). 2 skipped and 1 failed, each listed below with why.',
    );
    expect(bodyRows(within(dialog).getByRole('table', { name: 'Rows not imported' }))).toEqual([
      '2SkippedDuplicate: the same external ID "lead-1" is on line 4, which is imported instead',
      '5Skipped"12345" is not a possible phone number',
      '7Failedexternal_id "lead-5" is used by another contact',
    ]);
  });

  it('halves a refused chunk that names no row until the refused row stands alone', async () => {
    const campaign = makeCampaign();
    const upserts: Upsert[] = [];
    serve(campaign, {
      upserts,
      answer: (body) =>
        body.contacts.some((c) => c.external_id === 'lead-7')
          ? HttpResponse.json({ detail: 'Request body over 5 MB' }, { status: 413 })
          : accepted(body),
    });
    const dialog = await openImport(campaign);
    await uploadCsv(dialog, csvOf(10));
    await importAndWait(dialog, 'Import 10 contacts');

    expect(upserts.map((u) => u.contacts.length)).toEqual([10, 5, 5, 3, 2, 1, 1, 1, 2]);
    expect(within(dialog).getByLabelText('Import result')).toHaveTextContent(
      'Inserted9Updated0Failed0Skipped1',
    );
    expect(
      within(dialog).getByRole('row', { name: '8 Skipped Request body over 5 MB' }),
    ).toBeInTheDocument();
  });

  it('names warnings by file line', async () => {
    const campaign = makeCampaign();
    serve(campaign, {
      answer: (body) =>
        HttpResponse.json({
          inserted: body.contacts.length - 1,
          updated: 1,
          failed: [],
          warnings: ['contacts[3].phone_numbers[0]: normalized "415 555 0004" to +14155550004'],
          contact_ids: [],
        }),
    });
    const dialog = await openImport(campaign);
    await uploadCsv(dialog, csvOf(5));
    await importAndWait(dialog, 'Import 5 contacts');
    expect(within(dialog).getByLabelText('Import result')).toHaveTextContent(
      'Inserted4Updated1Failed0Skipped0Warnings1',
    );
    await userEvent.click(within(dialog).getByText(/1 warnings/));
    expect(
      within(dialog).getByText(
        'line 5: phone_numbers[0]: normalized "415 555 0004" to +14155550004',
      ),
    ).toBeInTheDocument();
  });

  it('cancels between chunks, keeping what landed, and resumes with the rows not sent, none twice', async () => {
    const campaign = makeCampaign();
    const upserts: Upsert[] = [];
    let release: () => void = () => {};
    serve(campaign, {
      upserts,
      answer: async (body, nth) => {
        if (nth === 2) await new Promise<void>((r) => (release = r));
        return accepted(body);
      },
    });
    const dialog = await openImport(campaign);
    await uploadCsv(dialog, csvOf(2500));
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Import 2,500 contacts' }),
    );
    const progress = await within(dialog).findByRole('progressbar', { name: 'Import progress' });
    await waitFor(() => expect(progress).toHaveAttribute('aria-valuenow', '1000'));
    expect(progress).toHaveAttribute('aria-valuemax', '2500');
    expect(within(dialog).getByText('1,000 of 2,500 rows done')).toBeInTheDocument();
    // The request under way finishes: its answer is needed to know what landed.
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel import' }));
    release();
    expect(
      await within(dialog).findByText('Import cancelled after 2,000 of 2,500 rows.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Saved 2,000 contacts from 2,500 rows (2,000 new, 0 updated). 500 not sent yet: Resume import sends them',
    );
    expect(upserts).toHaveLength(2);

    await importAndWait(dialog, 'Resume import');
    expect(upserts.map((u) => u.contacts.length)).toEqual([1000, 1000, 500]);
    expect(new Set(idsOf(upserts)).size).toBe(2500);
    expect(within(dialog).getByLabelText('Import result')).toHaveTextContent('Inserted2,500');
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Saved 2,500 contacts from 2,500 rows (2,500 new, 0 updated).',
    );
    expect(within(dialog).queryByRole('button', { name: 'Resume import' })).not.toBeInTheDocument();
  });

  it('after a lost answer, resumes by sending again only rows it can match, and skips the others as maybe saved', async () => {
    const campaign = makeCampaign();
    const upserts: Upsert[] = [];
    serve(campaign, {
      upserts,
      answer: (body, nth) => (nth === 2 ? HttpResponse.error() : accepted(body)),
    });
    const dialog = await openImport(campaign);
    const rows = csvOf(1500).split('\n');
    rows[1001] = ',Nameless,+14155559999'; // line 1002, in the second chunk, with no external ID
    await uploadCsv(dialog, rows.join('\n'));
    await importAndWait(dialog, 'Import 1,500 contacts');

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'The import stopped at line 1002: Cannot reach the server.',
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Saved 1,000 contacts from 1,500 rows (1,000 new, 0 updated). 1 skipped, each listed below with why. 499 not sent yet',
    );
    expect(
      within(dialog).getByRole('row', {
        name: /^1002 Skipped May have been saved: the server's answer was lost/,
      }),
    ).toBeInTheDocument();

    await importAndWait(dialog, 'Resume import');
    expect(upserts.map((u) => u.contacts.length)).toEqual([1000, 500, 499]);
    expect(upserts[2]!.contacts.map((c) => c.external_id)).not.toContain(undefined);
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Saved 1,499 contacts from 1,500 rows (1,499 new, 0 updated). 1 skipped',
    );
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('takes pasted JSON, says what is wrong with it, and skips items without a good number', async () => {
    const campaign = makeCampaign();
    const upserts: Upsert[] = [];
    serve(campaign, { upserts });
    const dialog = await openImport(campaign);
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Paste contacts' }));
    const box = within(dialog).getByLabelText('Contacts as JSON');
    await userEvent.type(box, '{{ not json');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Check the pasted contacts' }),
    );
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This is not valid JSON');
    expect(box).toHaveValue('{ not json');

    await userEvent.clear(box);
    await userEvent.click(box);
    await userEvent.paste(
      JSON.stringify({
        contacts: [
          { external_id: 'j-1', phone_numbers: ['+14155550123'], data: { first_name: 'Ada' } },
          { external_id: 'j-2', phone_numbers: [] },
          { external_id: 'j-3', phone_numbers: ['+1 555'] },
        ],
      }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Check the pasted contacts' }),
    );
    const skipped = await within(dialog).findByRole('table', {
      name: '2 of 3 rows will be skipped',
    });
    expect(bodyRows(skipped)).toEqual([
      '2phone_numbers: At least one phone number',
      '3"+1 555" is not a possible phone number',
    ]);
    await importAndWait(dialog, 'Import 1 contact');
    expect(within(dialog).getByLabelText('Import result')).toHaveTextContent(
      'Inserted1Updated0Failed0Skipped2',
    );
    expect(upserts[0]!.contacts).toEqual([
      { external_id: 'j-1', phone_numbers: ['+14155550123'], data: { first_name: 'Ada' } },
    ]);
  });

  it('without the session extension, says which scope is missing when the key may not import, and then disables the button', async () => {
    const campaign = makeCampaign();
    serve(campaign, {
      answer: () =>
        HttpResponse.json({ detail: 'Missing scope campaigns:manage' }, { status: 403 }),
    });
    server.use(sessionHandler(null));
    const dialog = await openImport(campaign);
    await uploadCsv(dialog, csvOf(3));
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Import 3 contacts' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /The import stopped at line 2: .*Missing scope campaigns:manage/,
    );
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Saved 0 contacts from 3 rows (0 new, 0 updated). 3 not sent yet',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.getByRole('button', { name: 'Import contacts' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('offers no import on a closed campaign', async () => {
    const campaign = makeCampaign({ status: 'closed' });
    serve(campaign);
    renderRoute(`/campaigns/${campaign.id}/contacts`);
    expect(await screen.findByRole('button', { name: 'Export CSV' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import contacts' })).not.toBeInTheDocument();
  });
});

describe('Export contacts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('downloads every page of the filter with attempts, last outcome and evaluation results as columns', async () => {
    const campaign = makeCampaign();
    const contacts = Array.from({ length: 250 }, (_, i) =>
      makeContact(campaign.id, { external_id: `lead-${i}`, data: { first_name: `P${i}` } }),
    );
    contacts[0] = makeContact(campaign.id, {
      external_id: 'lead-0',
      data: { first_name: 'Ada', note: '=HYPERLINK("http://evil")' },
      status: 'completed',
      attempts: [
        {
          id: 'a1',
          contact_id: 'x',
          phone_number: '+14155550123',
          conversation_id: 'conv-1',
          started_at: '2026-11-22T09:00:00Z',
          ended_at: '2026-11-22T09:03:00Z',
          status: 'completed',
          result: { 'qualification.interested': true, 'quality.score': 8 },
        },
      ],
    });
    serve(campaign, { contacts });
    const downloads = captureDownloads();
    renderRoute(`/campaigns/${campaign.id}/contacts`);
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(downloads.names).toEqual(['spring-outreach-contacts.csv']));
    const lines = (await downloads.text()).split('\r\n');
    expect(lines).toHaveLength(251);
    expect(lines[0]).toBe(
      'external_id,name,phone_numbers,status,attempts,last_outcome,last_attempt_at,data.first_name,data.note,qualification.interested,quality.score',
    );
    expect(lines[1]).toBe(
      'lead-0,Ada,+14155550123,completed,1,completed,2026-11-22T09:00:00Z,Ada,"\'=HYPERLINK(""http://evil"")",true,8',
    );
    expect(lines[250]).toMatch(/^lead-249,P249,/);
    expect(
      await screen.findByText('Exported 250 contacts to spring-outreach-contacts.csv.'),
    ).toBeInTheDocument();
  });
});
