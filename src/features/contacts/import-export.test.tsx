import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeContact, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import type { Campaign, Contact, ContactInput } from '../../../contract/schemas';

type Upsert = { contacts: ContactInput[] };

function serve(campaign: Campaign, opts: { upserts?: Upsert[]; contacts?: Contact[] } = {}) {
  const all = opts.contacts ?? [];
  server.use(
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () =>
      HttpResponse.json(makeStats(campaign.id)),
    ),
    http.get(`${API}/campaign/campaigns/:id/contacts`, ({ request }) => {
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
      opts.upserts?.push(body);
      return HttpResponse.json({
        inserted: body.contacts.length,
        updated: 0,
        failed: [],
        warnings: [],
        contact_ids: body.contacts.map((_, i) => `id-${i}`),
      });
    }),
    http.get(`${API}/campaign/configurations`, () => HttpResponse.json({ configurations: [] })),
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

async function openImport(campaign: Campaign) {
  renderRoute(`/campaigns/${campaign.id}/contacts`);
  await userEvent.click(
    await screen.findByRole('button', { name: 'Import contacts' }, { timeout: 5000 }),
  );
  return screen.findByRole('dialog', { name: 'Import contacts' });
}

async function uploadCsv(dialog: HTMLElement, text: string, name = 'leads.csv') {
  const input = await within(dialog).findByLabelText('CSV file');
  await userEvent.upload(input, new File([text], name, { type: 'text/csv' }));
}

/** What the last download would have saved, read back from the blob handed to the link. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:download';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    names.push(this.download);
  });
  const text = () =>
    new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blobs.at(-1)!);
    });
  return { text, names };
}

describe('Import contacts', () => {
  beforeEach(() => vi.restoreAllMocks());
  afterEach(() => vi.restoreAllMocks());

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
    expect(
      within(dialog).getByText(
        /1 row will be skipped and listed in the report: line 4 \(No phone number\)/,
      ),
    ).toBeInTheDocument();

    // Notes stay out of the contact's data once unticked.
    const keep = within(dialog).getByRole('group', { name: 'Keep in contact data' });
    await userEvent.click(within(keep).getByRole('checkbox', { name: 'Notes' }));
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Import 2 contacts' }));

    await waitFor(() =>
      expect(within(dialog).getByLabelText('Import result')).toHaveTextContent(
        'Inserted2Updated0Failed1Warnings0',
      ),
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
    expect(within(failed).getByRole('row', { name: '4 No phone number' })).toBeInTheDocument();
  });

  it('uploads 2,500 rows as three requests of at most 1,000 and sums the answers', async () => {
    const campaign = makeCampaign();
    const upserts: Upsert[] = [];
    serve(campaign, { upserts });
    const dialog = await openImport(campaign);
    await uploadCsv(dialog, csvOf(2500));
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Import 2,500 contacts' }),
    );
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Import result')).toHaveTextContent('Inserted2,500'),
    );
    expect(upserts.map((u) => u.contacts.length)).toEqual([1000, 1000, 500]);
    expect(upserts[2]!.contacts.at(-1)).toEqual({
      external_id: 'lead-2500',
      phone_numbers: ['+14155552500'],
      data: { first_name: 'Person 2500' },
    });
    expect(
      within(dialog).queryByRole('table', { name: 'Rows not imported' }),
    ).not.toBeInTheDocument();
  });

  it('stops at a rejected middle chunk, names its rows by file line, keeps what landed, and offers the failed rows as CSV', async () => {
    const campaign = makeCampaign();
    const upserts: Upsert[] = [];
    serve(campaign, { upserts });
    server.use(
      http.post(`${API}/campaign/campaigns/:id/contacts`, async ({ request }) => {
        const body = (await request.json()) as Upsert;
        upserts.push(body);
        if (upserts.length === 2) {
          return HttpResponse.json(
            {
              detail: [
                {
                  loc: ['body', 'contacts', 5, 'phone_numbers', 0],
                  msg: 'Not a phone number: "=cmd|calc"',
                  type: 'phone_invalid',
                },
              ],
            },
            { status: 422 },
          );
        }
        return HttpResponse.json({
          inserted: 998,
          updated: 2,
          failed: [],
          warnings: ['contacts[3].phone_numbers[0]: normalized "415 555 0004" to +14155550004'],
          contact_ids: [],
        });
      }),
    );
    const downloads = captureDownloads();
    const dialog = await openImport(campaign);
    const rows = csvOf(2500).split('\n');
    rows[1006] = 'lead-1006,Mallory,=cmd|calc'; // file line 1007: index 5 of the second chunk
    await uploadCsv(dialog, rows.join('\n'));
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Import 2,500 contacts' }),
    );

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(
      'The server rejected lines 1002–2001 (line 1007), so nothing of that batch was saved',
    );
    expect(upserts).toHaveLength(2);
    const counts = within(dialog).getByLabelText('Import result');
    expect(counts).toHaveTextContent('Inserted998Updated2Failed1Warnings1');
    expect(
      within(dialog).getByRole('row', { name: /1007 phone_numbers\.0: Not a phone number/ }),
    ).toBeInTheDocument();
    await userEvent.click(within(dialog).getByText(/1 warnings/));
    expect(
      within(dialog).getByText(
        'line 5: phone_numbers[0]: normalized "415 555 0004" to +14155550004',
      ),
    ).toBeInTheDocument();

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Download failed rows (CSV)' }),
    );
    expect(downloads.names).toEqual(['spring-outreach-failed-rows.csv']);
    // A formula in untrusted data is escaped so a spreadsheet shows it as text.
    expect(await downloads.text()).toBe(
      'line,reason,external_id,first_name,phone\r\n1007,"phone_numbers.0: Not a phone number: ""=cmd|calc""",lead-1006,Mallory,\'=cmd|calc',
    );
  });

  it('shows progress and cancels between chunks, keeping what landed', async () => {
    const campaign = makeCampaign();
    const upserts: Upsert[] = [];
    serve(campaign, { upserts });
    let release: () => void = () => {};
    server.use(
      http.post(`${API}/campaign/campaigns/:id/contacts`, async ({ request }) => {
        const body = (await request.json()) as Upsert;
        upserts.push(body);
        if (upserts.length === 2) await new Promise<void>((r) => (release = r));
        return HttpResponse.json({
          inserted: body.contacts.length,
          updated: 0,
          failed: [],
          warnings: [],
          contact_ids: [],
        });
      }),
    );
    const dialog = await openImport(campaign);
    await uploadCsv(dialog, csvOf(2500));
    await userEvent.click(
      await within(dialog).findByRole('button', { name: 'Import 2,500 contacts' }),
    );
    const progress = await within(dialog).findByRole('progressbar', { name: 'Import progress' });
    await waitFor(() => expect(progress).toHaveAttribute('aria-valuenow', '1000'));
    expect(progress).toHaveAttribute('aria-valuemax', '2500');
    expect(within(dialog).getByText('1,000 of 2,500 rows sent')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel import' }));
    release();
    expect(
      await within(dialog).findByText(/Import cancelled after 1,000 of 2,500 rows/),
    ).toBeInTheDocument();
    expect(within(dialog).getByLabelText('Import result')).toHaveTextContent('Inserted1,000');
    expect(upserts).toHaveLength(2);
  });

  it('takes pasted JSON, says what is wrong with it, and skips items without numbers', async () => {
    const campaign = makeCampaign();
    const upserts: Upsert[] = [];
    serve(campaign, { upserts });
    const dialog = await openImport(campaign);
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Paste JSON' }));
    const box = within(dialog).getByLabelText('Contacts as JSON');
    await userEvent.type(box, '{{ not json');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Check JSON' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This is not valid JSON');
    expect(box).toHaveValue('{ not json');

    await userEvent.clear(box);
    await userEvent.click(box);
    await userEvent.paste(
      JSON.stringify({
        contacts: [
          { external_id: 'j-1', phone_numbers: ['+14155550123'], data: { first_name: 'Ada' } },
          { external_id: 'j-2', phone_numbers: [] },
        ],
      }),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Check JSON' }));
    expect(
      await within(dialog).findByText(/item 2 \(phone_numbers: At least one phone number\)/),
    ).toBeInTheDocument();
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Import 1 contact' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Import result')).toHaveTextContent(
        'Inserted1Updated0Failed1',
      ),
    );
    expect(upserts[0]!.contacts).toEqual([
      { external_id: 'j-1', phone_numbers: ['+14155550123'], data: { first_name: 'Ada' } },
    ]);
  });

  it('without the session extension, says which scope is missing when the key may not import, and then disables the button', async () => {
    const campaign = makeCampaign();
    serve(campaign);
    server.use(
      sessionHandler(null),
      http.post(`${API}/campaign/campaigns/:id/contacts`, () =>
        HttpResponse.json({ detail: 'Missing scope campaigns:manage' }, { status: 403 }),
      ),
    );
    const dialog = await openImport(campaign);
    await uploadCsv(dialog, csvOf(3));
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Import 3 contacts' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      /The import stopped at line 2: .*Missing scope campaigns:manage/,
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
