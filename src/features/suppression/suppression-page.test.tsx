import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../../test/server';
import { API, makeSession } from '../../test/fixtures';
import { renderRoute } from '../../test/render';
import { expectNoAxeViolations } from '../../test/axe';
import { user, withFakeClock } from '../../test/clock';
import type { Suppression } from '../../../contract/extensions';

withFakeClock();

function serve() {
  const state = {
    list: [
      {
        phone_number: '+13125550100',
        reason: 'Asked by email',
        source: 'manual',
        added_by: 'Ops key',
        added_at: '2026-12-01T10:00:00Z',
      },
      {
        phone_number: '+14155550100',
        reason: 'Asked not to be called again (conversation c-1)',
        source: 'conversation',
        added_by: 'Conversation evaluation',
        added_at: '2026-12-02T10:00:00Z',
      },
    ] as Suppression[],
    posted: [] as unknown[],
    removed: [] as unknown[],
  };
  server.use(
    sessionHandler(makeSession({ extensions: ['session', 'suppression'] })),
    http.get(`${API}/campaign/concurrency-settings`, () =>
      HttpResponse.json({ concurrency_limit: 10, active_calls: 0 }),
    ),
    http.get(`${API}/campaign/suppressions`, ({ request }) => {
      const search = new URL(request.url).searchParams.get('search') ?? '';
      const rows = state.list.filter(
        (e) => !search || e.phone_number.includes(search) || e.reason.includes(search),
      );
      return HttpResponse.json({ suppressions: rows, total: rows.length, next_cursor: null });
    }),
    http.post(`${API}/campaign/suppressions`, async ({ request }) => {
      const body = (await request.json()) as { entries: { phone_number: string }[] };
      state.posted.push(body);
      if (body.entries.some((e) => /[a-z]/.test(e.phone_number)))
        return HttpResponse.json(
          {
            detail: [
              {
                loc: ['body', 'entries', 0, 'phone_number'],
                msg: '"call me" cannot be parsed as a phone number',
                type: 'phone_invalid',
              },
            ],
          },
          { status: 422 },
        );
      return HttpResponse.json({
        added: body.entries.length,
        unchanged: 0,
        contacts_suppressed: 2,
      });
    }),
    http.delete(`${API}/campaign/suppressions/:phone`, async ({ request, params }) => {
      state.removed.push({ phone: params.phone, body: await request.json() });
      state.list = state.list.filter((e) => e.phone_number !== params.phone);
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return state;
}

describe('Suppression page (ext suppression)', () => {
  it('lists who added each number and from where, adds numbers, and removes one with a reason', async () => {
    const state = serve();
    const { container } = renderRoute('/suppression');
    const table = await screen.findByRole('table', { name: 'Suppressed numbers' });
    const row = within(table).getByRole('row', { name: /\+14155550100/ });
    expect(row).toHaveTextContent('Asked in a call');
    expect(row).toHaveTextContent('Conversation evaluation');
    await expectNoAxeViolations(container);

    const u = user();
    // A refused number keeps what was typed, with the server's words.
    const numbers = screen.getByLabelText('Numbers');
    await u.type(numbers, 'call me');
    await u.click(screen.getByRole('button', { name: 'Add number' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('cannot be parsed');
    expect(numbers).toHaveValue('call me');
    await u.clear(numbers);
    await u.type(numbers, '+12125550100{Enter}(212) 555-0101');
    await u.type(screen.getByLabelText('Reason'), 'Complaint');
    await u.click(screen.getByRole('button', { name: 'Add 2 numbers' }));
    await waitFor(() => expect(numbers).toHaveValue(''));
    expect(state.posted.at(-1)).toEqual({
      entries: [
        { phone_number: '+12125550100', reason: 'Complaint', source: 'manual' },
        { phone_number: '(212) 555-0101', reason: 'Complaint', source: 'manual' },
      ],
    });

    await u.click(within(table).getByRole('button', { name: 'Remove +13125550100' }));
    const dialog = await screen.findByRole('dialog', { name: 'Call +13125550100 again?' });
    await expectNoAxeViolations(container.ownerDocument.body);
    // No reason, no removal.
    expect(within(dialog).getByRole('button', { name: 'Remove from the list' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await u.type(within(dialog).getByLabelText('Why may it be called again?'), 'Wrong number');
    await u.click(within(dialog).getByRole('button', { name: 'Remove from the list' }));
    await waitFor(() =>
      expect(screen.queryByRole('row', { name: /\+13125550100/ })).not.toBeInTheDocument(),
    );
    expect(state.removed).toEqual([{ phone: '+13125550100', body: { reason: 'Wrong number' } }]);
  });

  it('says so where the server keeps no list', async () => {
    server.use(
      sessionHandler(makeSession({ extensions: ['session'] })),
      http.get(`${API}/campaign/concurrency-settings`, () =>
        HttpResponse.json({ concurrency_limit: 10, active_calls: 0 }),
      ),
    );
    renderRoute('/suppression');
    expect(
      await screen.findByText('This server does not keep a suppression list.'),
    ).toBeInTheDocument();
  });
});
