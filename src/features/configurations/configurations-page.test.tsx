import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeCampaign, makeConfiguration, makeSession } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import type { Configuration } from '../../../contract/schemas';

function serve(configs: Configuration[], campaigns = [makeCampaign()]) {
  server.use(
    http.get(`${API}/campaign/configurations`, () =>
      HttpResponse.json({ configurations: configs }),
    ),
    http.get(`${API}/campaign/campaigns`, () =>
      HttpResponse.json({ campaigns, next_cursor: null }),
    ),
    http.get(`${API}/campaign/timezones`, () =>
      HttpResponse.json({
        timezones: ['America/New_York', 'Asia/Tokyo', 'Europe/Lisbon', 'Europe/London', 'UTC'],
      }),
    ),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 4 }),
    ),
  );
}

async function openNewForm() {
  await userEvent.click(await screen.findByRole('button', { name: 'New configuration' }));
  return screen.findByRole('dialog', { name: 'New configuration' });
}

describe('Configurations', () => {
  it('lists configurations with their window, retries and how many campaigns use each', async () => {
    const uk = makeConfiguration({ name: 'UK hours', timezone: 'Europe/London' });
    const any = makeConfiguration({ name: 'Round the clock', schedule: null });
    serve(
      [uk, any],
      [
        makeCampaign({ configuration_id: uk.id }),
        makeCampaign({ configuration_id: uk.id }),
        makeCampaign(),
      ],
    );
    renderRoute('/configurations');
    const ukRow = (await screen.findByText('UK hours')).closest('tr')!;
    expect(ukRow).toHaveTextContent('Europe/London');
    expect(ukRow).toHaveTextContent('Mon, Tue, Wed, Thu, Fri 09:00–17:00');
    expect(ukRow).toHaveTextContent('Up to 3 calls, 1 hour apart');
    await waitFor(() => expect(within(ukRow).getAllByRole('cell')[6]).toHaveTextContent('2'));
    const anyRow = screen.getByText('Round the clock').closest('tr')!;
    expect(anyRow).toHaveTextContent('Any time');
    expect(within(anyRow).getAllByRole('cell')[6]).toHaveTextContent('0');
  });

  it('validates on the client like the server does, keeping what was typed', async () => {
    serve([]);
    let posted = 0;
    server.use(
      http.post(
        `${API}/campaign/configurations`,
        () => (posted++, HttpResponse.json({}, { status: 500 })),
      ),
    );
    renderRoute('/configurations');
    const dialog = await openNewForm();
    const form = within(dialog);
    await userEvent.type(form.getByLabelText('Caller number'), '555-0100');
    await userEvent.clear(form.getByLabelText('Calls per contact, at most'));
    await userEvent.type(form.getByLabelText('Calls per contact, at most'), '21');
    await userEvent.clear(form.getByLabelText('End time'));
    await userEvent.type(form.getByLabelText('End time'), '08:00');
    // The time between calls in days: too long is said in days too, and both parts stay.
    await userEvent.clear(form.getByLabelText('Time between calls'));
    await userEvent.type(form.getByLabelText('Time between calls'), '8');
    await userEvent.click(form.getByRole('radio', { name: 'days' }));
    await userEvent.click(form.getByRole('button', { name: 'Create configuration' }));
    await waitFor(() =>
      expect(form.getByLabelText('Name')).toHaveAccessibleDescription('Name is required'),
    );
    expect(form.getByLabelText('Caller number')).toHaveAccessibleDescription(
      'Enter a number with its country code, like +14155550100, or one the default country code below completes',
    );
    expect(form.getByLabelText('Calls per contact, at most')).toHaveAccessibleDescription(
      'Must be at most 20',
    );
    expect(form.getByLabelText('End time')).toHaveAccessibleDescription(
      'End time must be after start time',
    );
    expect(form.getByLabelText('Time between calls')).toHaveAccessibleDescription(
      'Must be at most 7 days',
    );
    expect(form.getByLabelText('Time between calls')).toHaveValue(8);
    expect(form.getByRole('radio', { name: 'days' })).toBeChecked();
    expect(form.getByLabelText('Caller number')).toHaveValue('555-0100');
    expect(posted).toBe(0);
  });

  it('puts each server 422 message next to its field and keeps every value', async () => {
    serve([]);
    server.use(
      http.post(`${API}/campaign/configurations`, () =>
        HttpResponse.json(
          {
            detail: [
              { loc: ['body', 'agent_id'], msg: 'Unknown agent', type: 'value_error' },
              {
                loc: ['body', 'timezone'],
                msg: 'Timezone not allowed for this org',
                type: 'value_error',
              },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    renderRoute('/configurations');
    const form = within(await openNewForm());
    await userEvent.type(form.getByLabelText('Name'), 'Evenings');
    await userEvent.type(form.getByLabelText('Agent ID'), 'agent_ghost');
    await userEvent.click(form.getByRole('button', { name: 'Create configuration' }));
    await waitFor(() =>
      expect(form.getByLabelText('Agent ID')).toHaveAccessibleDescription('Unknown agent'),
    );
    expect(form.getByRole('combobox', { name: 'Timezone' })).toHaveAccessibleDescription(
      'Timezone not allowed for this org',
    );
    expect(form.getByLabelText('Name')).toHaveValue('Evenings');
    expect(form.getByLabelText('Agent ID')).toHaveValue('agent_ghost');
  });

  it('creates with a timezone picked from the searchable list by keyboard', async () => {
    serve([]);
    let body: unknown;
    server.use(
      http.post(`${API}/campaign/configurations`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(makeConfiguration(), { status: 201 });
      }),
    );
    renderRoute('/configurations');
    const form = within(await openNewForm());
    await userEvent.type(form.getByLabelText('Name'), 'Lisbon mornings');
    const picker = form.getByRole('combobox', { name: 'Timezone' });
    await userEvent.clear(picker);
    await userEvent.type(picker, 'europe');
    const options = form.getAllByRole('option');
    expect(options.map((o) => o.textContent?.replace(/\d\d:\d\d$/, ''))).toEqual([
      'Europe/Lisbon',
      'Europe/London',
    ]);
    expect(options[0]).toHaveTextContent(/\d\d:\d\d$/);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(picker).toHaveValue('Europe/London');
    expect(picker).toHaveAccessibleDescription(/^Local time in Europe\/London: \d\d:\d\d$/);
    await userEvent.click(form.getByRole('checkbox', { name: 'Sat' }));
    // Typed in hours, sent in the API's minutes.
    expect(form.getByLabelText('Time between calls')).toHaveValue(1);
    await userEvent.clear(form.getByLabelText('Time between calls'));
    await userEvent.type(form.getByLabelText('Time between calls'), '1.5');
    await userEvent.click(form.getByRole('button', { name: 'Create configuration' }));
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toMatchObject({
      name: 'Lisbon mornings',
      timezone: 'Europe/London',
      schedule: {
        days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
        start_time: '09:00',
        end_time: '17:00',
      },
      max_attempts: 3,
      retry_interval_minutes: 90,
    });
  });

  it('Tab leaves the timezone field with its list open, taking the highlighted zone', async () => {
    serve([]);
    renderRoute('/configurations');
    const form = within(await openNewForm());
    const picker = form.getByRole('combobox', { name: 'Timezone' });
    await userEvent.click(picker);
    await userEvent.clear(picker);
    await userEvent.type(picker, 'tok');
    expect(picker).toHaveAttribute('aria-expanded', 'true');
    expect(form.getByRole('option', { name: /^Asia\/Tokyo/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await userEvent.tab();
    expect(form.getByRole('checkbox', { name: 'Any time (no calling window)' })).toHaveFocus();
    expect(picker).toHaveValue('Asia/Tokyo');
    expect(picker).toHaveAttribute('aria-expanded', 'false');
    expect(picker).toHaveAccessibleDescription(/^Local time in Asia\/Tokyo: \d\d:\d\d$/);
    // Back with Shift+Tab, a word that matches nothing, and on: the chosen zone stays.
    await userEvent.tab({ shift: true });
    expect(picker).toHaveFocus();
    await userEvent.clear(picker);
    await userEvent.type(picker, 'atlantis');
    expect(form.getByText('No timezone matches “atlantis”.')).toBeVisible();
    expect(form.queryByRole('option')).not.toBeInTheDocument();
    await userEvent.tab();
    expect(form.getByRole('checkbox', { name: 'Any time (no calling window)' })).toHaveFocus();
    expect(picker).toHaveValue('Asia/Tokyo');
  });

  it('filters hundreds of zones to the first matches, says how many, and Escape keeps the zone', async () => {
    const many = Array.from({ length: 300 }, (_, i) => `Etc/Zone${String(i).padStart(3, '0')}`);
    serve([makeConfiguration({ name: 'UK hours', timezone: 'Europe/London' })]);
    server.use(
      http.get(`${API}/campaign/timezones`, () =>
        HttpResponse.json({ timezones: [...many, 'Europe/London'] }),
      ),
    );
    renderRoute('/configurations');
    await userEvent.click(await screen.findByRole('button', { name: 'Edit UK hours' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit UK hours' });
    const form = within(dialog);
    const picker = form.getByRole('combobox', { name: 'Timezone' });
    expect(picker).toHaveValue('Europe/London');
    // Opened on the chosen zone, among its neighbours.
    await userEvent.click(picker);
    expect(form.getByRole('option', { name: /^Europe\/London/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await userEvent.clear(picker);
    await userEvent.type(picker, 'zone1');
    expect(form.getAllByRole('option')).toHaveLength(50);
    expect(form.getByText('50 of 100 shown: type to narrow.')).toBeVisible();
    await userEvent.type(picker, '99');
    expect(form.getAllByRole('option').map((o) => o.textContent)).toEqual(['Etc/Zone199']);
    // Escape closes the list and puts the chosen zone back; a second one closes the dialog.
    await userEvent.keyboard('{Escape}');
    expect(picker).toHaveAttribute('aria-expanded', 'false');
    expect(picker).toHaveValue('Europe/London');
    expect(dialog).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it('says up front that a configuration in use cannot be deleted, naming its campaigns, and offers no Delete', async () => {
    const config = makeConfiguration({ name: 'Busy config' });
    const spring = makeCampaign({ name: 'Spring outreach', configuration_id: config.id });
    const autumn = makeCampaign({ name: 'Autumn calls', configuration_id: config.id });
    serve([config], [spring, autumn, makeCampaign({ name: 'Other' })]);
    // No DELETE handler: one sent would fail the test as unhandled.
    renderRoute('/configurations');
    await screen.findByRole('cell', { name: '2' }, { timeout: 5000 });
    await userEvent.click(screen.getByRole('button', { name: 'Delete Busy config' }));
    const dialog = await screen.findByRole('dialog', { name: 'Busy config is in use' });
    expect(dialog).toHaveAccessibleDescription(
      'It is used by 2 campaigns, so it cannot be deleted. Move them to another configuration in their Settings first.',
    );
    expect(within(dialog).getByRole('link', { name: 'Spring outreach' })).toHaveAttribute(
      'href',
      `/campaigns/${spring.id}/settings`,
    );
    expect(within(dialog).getByRole('link', { name: 'Autumn calls' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('link', { name: 'Other' })).not.toBeInTheDocument();
    expect(
      within(dialog).queryByRole('button', { name: 'Delete configuration' }),
    ).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it('explains a 409 for a campaign the list did not show yet with the server’s detail', async () => {
    const config = makeConfiguration({ name: 'Busy config' });
    serve([config], []);
    server.use(
      http.delete(`${API}/campaign/configurations/:id`, () =>
        HttpResponse.json(
          { detail: 'Configuration is used by 1 campaign: Made meanwhile (c-1)' },
          { status: 409 },
        ),
      ),
    );
    renderRoute('/configurations');
    await screen.findByRole('cell', { name: '0' }, { timeout: 5000 });
    await userEvent.click(screen.getByRole('button', { name: 'Delete Busy config' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Busy config?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete configuration' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('This configuration is in use, so it cannot be deleted.');
    expect(alert).toHaveTextContent('Made meanwhile');
  });

  it('offers to create the first configuration when there are none', async () => {
    serve([]);
    renderRoute('/configurations');
    expect(await screen.findByText('No configurations yet')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create your first configuration' }));
    expect(await screen.findByRole('dialog', { name: 'New configuration' })).toBeInTheDocument();
  });

  it('a read-only key cannot create or edit, and is told why', async () => {
    serve([makeConfiguration({ name: 'Locked' })]);
    server.use(sessionHandler(makeSession({ scopes: ['campaigns:read'] })));
    renderRoute('/configurations');
    expect(
      await screen.findByText(
        'Read-only key: ask an admin for a manage key to add or edit configurations.',
      ),
    ).toBeInTheDocument();
    const create = screen.getByRole('button', { name: 'New configuration' });
    expect(create).toHaveAttribute('aria-disabled', 'true');
    // Still focusable, with its reason read out; rows offer no actions at all.
    expect(create).toHaveAccessibleDescription(/ask an admin for a manage key/);
    expect(document.body).not.toHaveTextContent('campaigns:manage');
    create.focus();
    expect(create).toHaveFocus();
    // The notice comes with the session; the rows with their own answer.
    expect(await screen.findByRole('row', { name: /Locked/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit Locked' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete Locked' })).not.toBeInTheDocument();
  });

  it("without the session extension, after a 403 turns read-only with the server's reason", async () => {
    const config = makeConfiguration({ name: 'Locked' });
    serve([config]);
    server.use(
      sessionHandler(null),
      http.patch(`${API}/campaign/configurations/:id`, () =>
        HttpResponse.json({ detail: 'Missing scope campaigns:manage' }, { status: 403 }),
      ),
    );
    renderRoute('/configurations');
    await userEvent.click(await screen.findByRole('button', { name: 'Edit Locked' }));
    const form = within(await screen.findByRole('dialog', { name: 'Edit Locked' }));
    await userEvent.click(form.getByRole('button', { name: 'Save changes' }));
    expect(await form.findByRole('alert')).toHaveTextContent('Missing scope campaigns:manage');
    await userEvent.click(form.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'New configuration' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.queryByRole('button', { name: 'Edit Locked' })).not.toBeInTheDocument();
    // Its row action is gone, so focus lands on the page heading, not the body.
    expect(screen.getByRole('heading', { level: 1, name: 'Configurations' })).toHaveFocus();
  });

  it('keeps the keyboard in place: titled page, Escape in the picker, focus on errors and back on close', async () => {
    serve([makeConfiguration({ name: 'UK hours' })]);
    renderRoute('/configurations');
    const create = await screen.findByRole('button', { name: 'New configuration' });
    await waitFor(() => expect(document.title).toBe('Configurations · Headroom'));
    await userEvent.click(create);
    const dialog = await screen.findByRole('dialog', { name: 'New configuration' });
    // Escape in an open timezone list closes the list, not the dialog and what was typed.
    const form = within(dialog);
    await userEvent.type(form.getByLabelText('Name'), 'Night shift');
    const timezone = form.getByRole('combobox', { name: 'Timezone' });
    await userEvent.click(timezone);
    expect(timezone).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    expect(timezone).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('dialog', { name: 'New configuration' })).toBeInTheDocument();
    expect(form.getByLabelText('Name')).toHaveValue('Night shift');
    // Submitting with an error puts focus on the first invalid field, which says why.
    await userEvent.clear(form.getByLabelText('Name'));
    await userEvent.click(form.getByRole('button', { name: 'Create configuration' }));
    const name = form.getByLabelText('Name');
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription(/required/i);
    // Closing gives focus back to the button that opened the dialog.
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'New configuration' })).not.toBeInTheDocument(),
    );
    await waitFor(() => expect(create).toHaveFocus());
  });

  it('says how many active campaigns an edit changes, and retry intervals in days', async () => {
    const uk = makeConfiguration({ name: 'UK hours', retry_interval_minutes: 1440 });
    serve(
      [uk],
      [
        makeCampaign({ configuration_id: uk.id, status: 'active' }),
        makeCampaign({ configuration_id: uk.id, status: 'active' }),
        makeCampaign({ configuration_id: uk.id, status: 'paused' }),
      ],
    );
    renderRoute('/configurations');
    expect(await screen.findByRole('row', { name: /UK hours/ })).toHaveTextContent(
      'Up to 3 calls, 1 day apart',
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Edit UK hours' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit UK hours' });
    // 1440 minutes opens as 1 day, not as minutes to convert in one's head.
    expect(within(dialog).getByLabelText('Time between calls')).toHaveValue(1);
    expect(
      within(within(dialog).getByRole('group', { name: 'Time between calls' })).getByRole('radio', {
        name: 'days',
      }),
    ).toBeChecked();
    expect(
      within(dialog).getByText('Saving changes how 2 active campaigns dial from their next call.'),
    ).toBeInTheDocument();
  });

  it('reads a national caller number with the default country code below it', async () => {
    serve([]);
    let body: unknown;
    server.use(
      http.post(`${API}/campaign/configurations`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(makeConfiguration({ name: 'UK' }), { status: 201 });
      }),
    );
    renderRoute('/configurations');
    const form = within(await openNewForm());
    await userEvent.type(form.getByLabelText('Name'), 'UK');
    await userEvent.type(form.getByLabelText('Caller number'), '020 7946 0000');
    await userEvent.clear(form.getByLabelText('Default country code'));
    await userEvent.type(form.getByLabelText('Default country code'), '+44');
    await userEvent.click(form.getByRole('button', { name: 'Create configuration' }));
    await waitFor(() => expect(body).toMatchObject({ from_phone_number: '+442079460000' }));
  });

  it('prices calls with a rate card: each amount checked at its field, then sent', async () => {
    serve([]);
    let body: unknown;
    server.use(
      sessionHandler(makeSession({ extensions: ['session', 'cost'] })),
      http.post(`${API}/campaign/configurations`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(makeConfiguration(), { status: 201 });
      }),
    );
    renderRoute('/configurations');
    const form = within(await openNewForm());
    await userEvent.type(form.getByLabelText('Name'), 'Priced');
    await userEvent.click(form.getByRole('checkbox', { name: 'Price calls with a rate card' }));
    const perMinute = form.getByLabelText('Per minute');
    const perCall = form.getByLabelText('Per call');
    expect(perMinute).toHaveAccessibleDescription('0 to 100');
    await userEvent.type(perMinute, '100.5');
    await userEvent.type(perCall, '0.00001');
    await userEvent.click(form.getByRole('button', { name: 'Create configuration' }));
    await waitFor(() => expect(perMinute).toHaveAccessibleDescription(/Must be at most 100/));
    expect(perCall).toHaveAccessibleDescription(/At most 4 decimals/);
    expect(perMinute).toHaveValue(100.5);
    expect(body).toBeUndefined();

    await userEvent.clear(perMinute);
    await userEvent.type(perMinute, '0.09');
    await userEvent.clear(perCall);
    await userEvent.type(perCall, '0.01');
    await userEvent.click(form.getByRole('button', { name: 'Create configuration' }));
    await waitFor(() =>
      expect(body).toMatchObject({
        name: 'Priced',
        rate_card: { currency: 'USD', per_minute: 0.09, per_call: 0.01 },
      }),
    );
  });
});
