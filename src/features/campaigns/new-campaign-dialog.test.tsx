import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../../test/server';
import { API, makeCampaign, makeConfiguration, makeStats } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { expectNoAxeViolations } from '../../test/axe';
import { captureDownloads } from '../../test/downloads';
import type { Campaign, ContactInput } from '../../../contract/schemas';

const mornings = makeConfiguration({
  name: 'Weekday mornings',
  timezone: 'America/Chicago',
  schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start_time: '09:00', end_time: '12:00' },
  max_attempts: 3,
  retry_interval_minutes: 1440,
  from_phone_number: '+13125550100',
});
const evenings = makeConfiguration({
  name: 'Evenings',
  schedule: null,
  max_attempts: 1,
  from_phone_number: null,
});

/**
 * A server that keeps one campaign: created active as the contract says, then paused,
 * patched, filled and started. `writes` records each write in order.
 */
function serveFlow({
  create,
  pause,
}: {
  create?: (body: Record<string, unknown>) => Response | undefined;
  pause?: () => Response | undefined;
} = {}) {
  const writes: string[] = [];
  const bodies: Record<string, unknown>[] = [];
  let campaign: Campaign | null = null;
  let contacts = 0;
  const stats = () =>
    makeStats(campaign!.id, {
      status: campaign!.status,
      contacts: { total: contacts, pending: contacts, in_progress: 0, completed: 0, exhausted: 0 },
      attempts: { total: 0, average_per_contact: 0 },
      active_calls: 0,
    });
  server.use(
    http.get(`${API}/campaign/campaigns`, () =>
      HttpResponse.json({ campaigns: campaign ? [campaign] : [], next_cursor: null }),
    ),
    http.get(`${API}/campaign/configurations`, () =>
      HttpResponse.json({ configurations: [mornings, evenings] }),
    ),
    http.get(`${API}/campaign/configurations/:id`, ({ params }) =>
      HttpResponse.json([mornings, evenings].find((c) => c.id === params.id)),
    ),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 0 }),
    ),
    http.post(`${API}/campaign/campaigns`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      writes.push('create');
      bodies.push(body);
      const refused = create?.(body);
      if (refused) return refused;
      campaign = makeCampaign({
        name: body.name as string,
        external_id: (body.external_id as string | undefined) ?? null,
        configuration_id: (body.configuration_id as string | undefined) ?? null,
        status: 'active',
      });
      return HttpResponse.json(campaign, { status: 201 });
    }),
    http.patch(`${API}/campaign/campaigns/:id`, async ({ request }) => {
      const body = (await request.json()) as Partial<Campaign>;
      writes.push('update');
      bodies.push(body);
      campaign = { ...campaign!, ...body };
      return HttpResponse.json(campaign);
    }),
    http.post(`${API}/campaign/campaigns/:id/pause`, () => {
      writes.push('pause');
      const refused = pause?.();
      if (refused) return refused;
      campaign = { ...campaign!, status: 'paused' };
      return HttpResponse.json(campaign);
    }),
    http.post(`${API}/campaign/campaigns/:id/start`, () => {
      writes.push('start');
      campaign = { ...campaign!, status: 'active' };
      return HttpResponse.json(campaign);
    }),
    http.post(`${API}/campaign/campaigns/:id/contacts`, async ({ request }) => {
      const body = (await request.json()) as { contacts: ContactInput[] };
      writes.push(`import ${body.contacts.length}`);
      contacts += body.contacts.length;
      return HttpResponse.json({
        inserted: body.contacts.length,
        updated: 0,
        failed: [],
        warnings: [],
        contact_ids: body.contacts.map((_, i) => `c-${i}`),
      });
    }),
    http.get(`${API}/campaign/campaigns/:id`, () => HttpResponse.json(campaign)),
    http.get(`${API}/campaign/campaigns/:id/stats`, () => HttpResponse.json(stats())),
    http.get(`${API}/campaign/campaigns/:id/contacts`, () =>
      HttpResponse.json({ contacts: [], total: contacts, limit: 50, offset: 0 }),
    ),
  );
  return { writes, bodies, campaign: () => campaign };
}

async function openDialog() {
  const utils = renderRoute('/campaigns');
  await userEvent.click(await screen.findByRole('button', { name: 'Create your first campaign' }));
  const dialog = await screen.findByRole('dialog', { name: 'New campaign' });
  return { ...utils, dialog, in: within(dialog) };
}

const stepHeading = (dialog: HTMLElement, n: number) =>
  within(dialog).getByRole('heading', { name: new RegExp(`^Step ${n} of 4`) });

afterEach(() => vi.restoreAllMocks());

describe('New campaign, step by step', () => {
  it('goes from the name to a configuration with its window, retries and number, an import and a review, and dials only on Start calling', async () => {
    const api = serveFlow();
    const { dialog, in: d, router } = await openDialog();
    expect(stepHeading(dialog, 1)).toHaveTextContent('Step 1 of 4: Name');
    expect(d.getByRole('listitem', { current: 'step' })).toHaveTextContent('1. Name');
    await expectNoAxeViolations(dialog);
    await userEvent.type(d.getByLabelText('Name'), 'Winter push');
    await userEvent.type(d.getByLabelText('External ID'), 'winter');
    await userEvent.click(d.getByRole('button', { name: 'Next' }));

    // Step 2: each configuration says when, how often and from which number it calls.
    await waitFor(() => expect(stepHeading(dialog, 2)).toHaveFocus());
    const choice = await d.findByRole('radio', { name: 'Weekday mornings' });
    expect(choice).toHaveAccessibleDescription(
      'Calling window Mon, Tue, Wed, Thu, Fri 09:00–12:00 (America/Chicago) Retries Up to 3 calls, 1 day apart Caller number +13125550100',
    );
    expect(d.getByRole('radio', { name: 'Evenings' })).toHaveAccessibleDescription(
      'Calling window Any time Retries One call, no retries Caller number Not set',
    );
    expect(d.getByRole('radio', { name: 'No configuration (the defaults)' })).toBeChecked();
    await expectNoAxeViolations(dialog);
    await userEvent.click(choice);
    expect(api.writes).toEqual([]);
    await userEvent.click(d.getByRole('button', { name: 'Create campaign' }));

    // Step 3: created, and paused before it has a contact to call.
    await waitFor(() => expect(stepHeading(dialog, 3)).toHaveFocus());
    expect(api.writes).toEqual(['create', 'pause']);
    expect(api.bodies[0]).toEqual({
      name: 'Winter push',
      external_id: 'winter',
      configuration_id: mornings.id,
    });
    const file = await d.findByLabelText('CSV file');
    expect(d.getByText('phone_number')).toBeInTheDocument();
    expect(d.getByText('(required)')).toBeInTheDocument();
    expect(d.getByText('external_id')).toBeInTheDocument();
    await expectNoAxeViolations(dialog);
    await userEvent.upload(
      file,
      new File(
        ['phone_number,external_id,first_name\n(312) 555-0101,w-1,Ada\n(312) 555-0102,w-2,Grace'],
        'winter.csv',
        { type: 'text/csv' },
      ),
    );
    expect(await d.findByText('winter.csv')).toBeInTheDocument();
    await userEvent.click(await d.findByRole('button', { name: 'Import 2 contacts' }));
    await userEvent.click(await d.findByRole('button', { name: 'Continue' }));

    // Step 4: what was made; still paused.
    await waitFor(() => expect(stepHeading(dialog, 4)).toHaveFocus());
    expect(d.getByText('Winter push')).toBeInTheDocument();
    expect(d.getByText('Weekday mornings')).toBeInTheDocument();
    expect(d.getByText('Up to 3 calls, 1 day apart')).toBeInTheDocument();
    expect(await d.findByText('2 contacts imported')).toBeInTheDocument();
    await expectNoAxeViolations(dialog);
    expect(api.writes).toEqual(['create', 'pause', 'import 2']);
    await userEvent.click(d.getByRole('button', { name: 'Start calling' }));

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/campaigns/${api.campaign()!.id}`),
    );
    expect(api.writes).toEqual(['create', 'pause', 'import 2', 'start']);
    expect(await screen.findByText('Winter push started.')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeInTheDocument();
  });

  it('Back keeps what was typed and chosen; a change after creating saves it, never a second campaign', async () => {
    const api = serveFlow();
    const { dialog, in: d } = await openDialog();
    await userEvent.type(d.getByLabelText('Name'), 'Autumn');
    await userEvent.type(d.getByLabelText('External ID'), 'autumn');
    await userEvent.click(d.getByRole('button', { name: 'Next' }));
    await userEvent.click(await d.findByRole('radio', { name: 'Evenings' }));
    await userEvent.click(d.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(stepHeading(dialog, 1)).toHaveFocus());
    expect(d.getByLabelText('Name')).toHaveValue('Autumn');
    expect(d.getByLabelText('External ID')).toHaveValue('autumn');
    await userEvent.click(d.getByRole('button', { name: 'Next' }));
    expect(await d.findByRole('radio', { name: 'Evenings' })).toBeChecked();
    await userEvent.click(d.getByRole('button', { name: 'Create campaign' }));
    await waitFor(() => expect(stepHeading(dialog, 3)).toHaveFocus());

    // Back to the name after creating: it is renamed, not made twice.
    await userEvent.click(d.getByRole('button', { name: 'Back' }));
    expect(await d.findByRole('radio', { name: 'Evenings' })).toBeChecked();
    expect(d.getByText('Autumn is created and paused.')).toBeInTheDocument();
    await userEvent.click(d.getByRole('button', { name: 'Back' }));
    await userEvent.clear(d.getByLabelText('Name'));
    await userEvent.type(d.getByLabelText('Name'), 'Autumn calls');
    await userEvent.click(d.getByRole('button', { name: 'Next' }));
    await userEvent.click(await d.findByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(stepHeading(dialog, 3)).toHaveFocus());
    expect(api.writes).toEqual(['create', 'pause', 'update']);
    expect(api.bodies[1]).toEqual({
      name: 'Autumn calls',
      external_id: 'autumn',
      configuration_id: evenings.id,
    });
    // Unchanged, Continue only moves on.
    await userEvent.click(d.getByRole('button', { name: 'Back' }));
    await userEvent.click(await d.findByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(stepHeading(dialog, 3)).toHaveFocus());
    expect(api.writes).toEqual(['create', 'pause', 'update']);
  });

  it('a refused create shows the server’s detail at its field, with everything typed kept', async () => {
    serveFlow({
      create: (body) =>
        body.external_id === 'spring'
          ? HttpResponse.json(
              { detail: 'A campaign with external_id "spring" already exists' },
              { status: 409 },
            )
          : HttpResponse.json({ detail: 'The configuration is gone' }, { status: 500 }),
    });
    const { dialog, in: d } = await openDialog();
    await userEvent.type(d.getByLabelText('Name'), 'Spring again');
    await userEvent.type(d.getByLabelText('External ID'), 'spring');
    await userEvent.click(d.getByRole('button', { name: 'Next' }));
    await userEvent.click(await d.findByRole('radio', { name: 'Weekday mornings' }));
    await userEvent.click(d.getByRole('button', { name: 'Create campaign' }));
    // Back on the first step, at the field the server named.
    const field = await d.findByLabelText('External ID');
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAccessibleDescription(/already exists/);
    expect(field).toHaveValue('spring');
    expect(d.getByLabelText('Name')).toHaveValue('Spring again');
    expect(stepHeading(dialog, 1)).toBeInTheDocument();

    // Another refusal is said on the step where it happened, the choice kept.
    await userEvent.clear(field);
    await userEvent.type(field, 'spring-2');
    await userEvent.click(d.getByRole('button', { name: 'Next' }));
    expect(await d.findByRole('radio', { name: 'Weekday mornings' })).toBeChecked();
    await userEvent.click(d.getByRole('button', { name: 'Create campaign' }));
    expect(await d.findByRole('alert')).toHaveTextContent('The configuration is gone');
    expect(stepHeading(dialog, 2)).toBeInTheDocument();
    expect(d.getByRole('radio', { name: 'Weekday mornings' })).toBeChecked();
  });

  it('an empty name is refused on the first step, with the focus on the field', async () => {
    const api = serveFlow();
    const { in: d } = await openDialog();
    await userEvent.click(d.getByRole('button', { name: 'Next' }));
    expect(d.getByLabelText('Name')).toHaveFocus();
    expect(d.getByLabelText('Name')).toHaveAccessibleDescription('Name is required');
    expect(api.writes).toEqual([]);
  });

  it('a pause that fails is said, and Continue pauses again without creating twice', async () => {
    let refuse = true;
    const api = serveFlow({
      pause: () =>
        refuse ? HttpResponse.json({ detail: 'Try again later' }, { status: 400 }) : undefined,
    });
    const { dialog, in: d } = await openDialog();
    await userEvent.type(d.getByLabelText('Name'), 'Careful');
    await userEvent.click(d.getByRole('button', { name: 'Next' }));
    await userEvent.click(await d.findByRole('button', { name: 'Create campaign' }));
    expect(await d.findByRole('alert')).toHaveTextContent(
      'Careful was created but could not be paused (Try again later).',
    );
    refuse = false;
    await userEvent.click(d.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(stepHeading(dialog, 3)).toHaveFocus());
    expect(api.writes).toEqual(['create', 'pause', 'pause']);
  });

  it('skipping the import and keeping it paused lands on the paused campaign, never started', async () => {
    const api = serveFlow();
    const { in: d, router } = await openDialog();
    await userEvent.type(d.getByLabelText('Name'), 'Later');
    await userEvent.click(d.getByRole('button', { name: 'Next' }));
    await userEvent.click(await d.findByRole('button', { name: 'Create campaign' }));
    await userEvent.click(await d.findByRole('button', { name: 'Skip import' }));
    expect(
      await d.findByText('None yet: you can import them later from the campaign’s Contacts tab.'),
    ).toBeInTheDocument();
    expect(d.getByText('No configuration (the defaults)')).toBeInTheDocument();
    await userEvent.click(d.getByRole('button', { name: 'Keep paused' }));
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/campaigns/${api.campaign()!.id}`),
    );
    expect(await screen.findByRole('button', { name: 'Start' })).toBeInTheDocument();
    expect(api.writes).toEqual(['create', 'pause']);
  });

  it('offers a template CSV whose columns the import maps as listed, and takes a dropped file', async () => {
    serveFlow();
    const downloads = captureDownloads();
    const { in: d } = await openDialog();
    await userEvent.type(d.getByLabelText('Name'), 'Template');
    await userEvent.click(d.getByRole('button', { name: 'Next' }));
    await userEvent.click(await d.findByRole('button', { name: 'Create campaign' }));
    await userEvent.click(await d.findByRole('button', { name: 'Download template CSV' }));
    expect(downloads.names).toEqual(['contacts-template.csv']);
    const template = await downloads.text();
    expect(template.split(/\r?\n/)[0]).toBe('phone_number,external_id,first_name,company');

    // The template itself, dropped on the zone: its columns map as the list says.
    const zone = d.getByLabelText('CSV file').parentElement!;
    fireEvent.drop(zone, {
      dataTransfer: { files: [new File([template], 'template.csv', { type: 'text/csv' })] },
    });
    const phones = await d.findByRole('group', { name: 'Phone number columns' });
    expect(within(phones).getByRole('checkbox', { name: 'phone_number' })).toBeChecked();
    expect(within(phones).getByRole('checkbox', { name: 'company' })).not.toBeChecked();
    expect(d.getByRole('combobox', { name: 'External ID column' })).toHaveDisplayValue(
      'external_id',
    );
    expect(await d.findByRole('button', { name: 'Import 1 contact' })).toBeInTheDocument();
  });
});
