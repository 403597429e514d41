import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server, sessionHandler } from '../test/server';
import { API, makeCampaign, makeSession } from '../test/fixtures';
import { advance, setVisibility, withFakeClock } from '../test/clock';
import { renderRoute } from '../test/render';
import { initConnection } from '../api/connection';

const settings = { concurrency_limit: 10, active_calls: 4 };

function serveCampaigns(headers: Headers[] = []) {
  server.use(
    http.get(`${API}/campaign/campaigns`, ({ request }) => {
      headers.push(request.headers);
      return HttpResponse.json({
        campaigns: [makeCampaign({ name: 'Spring outreach' })],
        next_cursor: null,
      });
    }),
    http.get(`${API}/campaign/configurations`, () => HttpResponse.json({ configurations: [] })),
  );
  return headers;
}

describe('App shell and connection', () => {
  it('asks for a credential when none is set, verifies it with the session, and keeps it for this tab only', async () => {
    initConnection(null);
    const checked: Headers[] = [];
    server.use(
      http.get(`${API}/campaign/session`, ({ request }) => {
        checked.push(request.headers);
        return HttpResponse.json(makeSession({ label: 'Demo manager key' }));
      }),
      http.get(`${API}/campaign/concurrency-settings`, () => HttpResponse.json(settings)),
    );
    serveCampaigns();
    renderRoute('/campaigns');
    expect(
      await screen.findByRole('heading', { name: 'Connect to the campaign API' }),
    ).toBeInTheDocument();
    await userEvent.type(await screen.findByLabelText('API base URL'), API);
    await userEvent.type(screen.getByLabelText('API token'), 'ak_demo_manage');
    expect(screen.getByLabelText('Organization ID')).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByRole('link', { name: 'Spring outreach' })).toBeInTheDocument();
    expect(checked).toHaveLength(1);
    expect(checked[0]!.get('authorization')).toBe('Bearer ak_demo_manage');
    expect(sessionStorage.getItem('headroom.connection')).toContain('ak_demo_manage');
    expect(localStorage.getItem('headroom.connection')).toBeNull();
    const badge = screen.getByTestId('connection-badge');
    // The org by its name; its id only on hover, where nobody has to read it.
    expect(badge).toHaveTextContent('Test Outreach Co');
    expect(badge).not.toHaveTextContent('org_test');
    expect(badge).toHaveAttribute('title', 'Org ID: org_test');
    expect(badge).toHaveTextContent('API key “Demo manager key”');
    expect(await screen.findByText('4 / 10 calls in flight')).toBeInTheDocument();
    expect(screen.getByText('6 free slots')).toBeInTheDocument();
  });

  it('remembers on this device only when asked, and asks pat_ tokens for the org', async () => {
    initConnection(null);
    const checked: Headers[] = [];
    server.use(
      http.get(`${API}/campaign/session`, ({ request }) => {
        checked.push(request.headers);
        const org = request.headers.get('x-anyreach-org');
        return org
          ? HttpResponse.json({
              ...makeSession({ kind: 'pat', label: 'Ada' }),
              org_id: org,
              org_name: 'Demo Outreach',
            })
          : HttpResponse.json({ detail: 'X-Anyreach-Org header is required' }, { status: 400 });
      }),
      http.get(`${API}/campaign/concurrency-settings`, () => HttpResponse.json(settings)),
    );
    serveCampaigns();
    renderRoute('/campaigns');
    await userEvent.type(await screen.findByLabelText('API base URL'), API);
    await userEvent.type(screen.getByLabelText('API token'), 'pat_demo_admin');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Personal tokens (pat_…) need the Organization ID.',
    );

    await userEvent.type(screen.getByLabelText('Organization ID'), 'org_demo');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Remember on this device' }));
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('link', { name: 'Spring outreach' })).toBeInTheDocument();
    expect(checked.at(-1)!.get('x-anyreach-org')).toBe('org_demo');
    expect(localStorage.getItem('headroom.connection')).toContain('org_demo');
    expect(sessionStorage.getItem('headroom.connection')).toBeNull();
    expect(screen.getByTestId('connection-badge')).toHaveTextContent(
      'Demo OutreachPersonal token “Ada”',
    );
  });

  it('without the org’s name (a session that does not send it), says plainly whose org it is and keeps the id second', async () => {
    initConnection({ baseUrl: API, token: 'pat_demo_admin', orgId: 'org_demo', remember: false });
    const { org_name: _, ...unnamed } = makeSession({ kind: 'pat', label: 'Ada' });
    server.use(
      sessionHandler({ ...unnamed, org_id: 'org_demo' }),
      http.get(`${API}/campaign/concurrency-settings`, () => HttpResponse.json(settings)),
    );
    serveCampaigns();
    renderRoute('/campaigns');
    expect(await screen.findByRole('link', { name: 'Spring outreach' })).toBeInTheDocument();
    const badge = screen.getByTestId('connection-badge');
    expect(badge).toHaveTextContent('Org of this tokenPersonal token “Ada” · org_demo');
    expect(badge).not.toHaveTextContent('Org org_demo');
  });

  it('without the session extension, verifies with a read any key may make and says what it knows', async () => {
    initConnection(null);
    server.use(
      sessionHandler(null),
      http.get(`${API}/campaign/concurrency-settings`, () => HttpResponse.json(settings)),
    );
    serveCampaigns();
    renderRoute('/campaigns');
    await userEvent.type(await screen.findByLabelText('API base URL'), API);
    await userEvent.type(screen.getByLabelText('API token'), 'ak_demo_manage');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('link', { name: 'Spring outreach' })).toBeInTheDocument();
    expect(screen.getByTestId('connection-badge')).toHaveTextContent('Org of this keyAPI key');
    // Nothing was written to learn a permission: an unexpected write would fail this test.
    expect(screen.getByRole('button', { name: 'New campaign' })).not.toHaveAttribute(
      'aria-disabled',
    );
  });

  it('works where the browser blocks storage, keeping the token for this page only', async () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(blocked);
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(blocked);
    initConnection(null);
    server.use(http.get(`${API}/campaign/concurrency-settings`, () => HttpResponse.json(settings)));
    serveCampaigns();
    renderRoute('/campaigns');
    expect(
      await screen.findByText(/This browser blocks storage for this page/),
    ).toBeInTheDocument();
    await userEvent.type(await screen.findByLabelText('API base URL'), API);
    await userEvent.type(screen.getByLabelText('API token'), 'ak_demo_manage');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('link', { name: 'Spring outreach' })).toBeInTheDocument();
  });

  it('says so when the token is not recognised, and keeps what was typed', async () => {
    initConnection(null);
    server.use(
      http.get(`${API}/campaign/session`, () =>
        HttpResponse.json({ detail: 'Unknown credential' }, { status: 401 }),
      ),
    );
    renderRoute('/campaigns');
    await userEvent.type(await screen.findByLabelText('API base URL'), API);
    await userEvent.type(screen.getByLabelText('API token'), 'ak_wrong');
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server does not recognise this token.',
    );
    expect(screen.getByLabelText('API token')).toHaveValue('ak_wrong');
    expect(screen.getByLabelText('API base URL')).toHaveValue(API);
  });

  it('shows the connection page when the server answers 401 to a saved credential', async () => {
    server.use(
      http.get(`${API}/campaign/campaigns`, () =>
        HttpResponse.json({ detail: 'Revoked' }, { status: 401 }),
      ),
      http.get(`${API}/campaign/configurations`, () =>
        HttpResponse.json({ detail: 'Revoked' }, { status: 401 }),
      ),
      http.get(`${API}/campaign/concurrency-settings`, () =>
        HttpResponse.json({ detail: 'Revoked' }, { status: 401 }),
      ),
      http.get(`${API}/campaign/session`, () =>
        HttpResponse.json({ detail: 'Revoked' }, { status: 401 }),
      ),
    );
    renderRoute('/campaigns');
    expect(
      await screen.findByRole('heading', { name: 'Connect to the campaign API' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/did not accept the saved credential \(401\)/)).toBeInTheDocument();
  });

  it('navigates between the main pages and shows a not-found page for unknown routes', async () => {
    server.use(http.get(`${API}/campaign/concurrency-settings`, () => HttpResponse.json(settings)));
    serveCampaigns();
    renderRoute('/nowhere/at/all');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(nav).toHaveTextContent('CampaignsConfigurationsSettings');
    await userEvent.click(screen.getByRole('link', { name: 'Go to campaigns' }));
    expect(await screen.findByRole('heading', { name: 'Campaigns' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Campaigns' })).toHaveAttribute('aria-current', 'page');
  });
});

describe('Header headroom', () => {
  withFakeClock();

  it('polls every 5 seconds while the tab is visible, never while hidden, and at once on return', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/campaign/concurrency-settings`, () => {
        calls++;
        return HttpResponse.json({ concurrency_limit: 10, active_calls: calls });
      }),
    );
    serveCampaigns();
    renderRoute('/campaigns');
    expect(await screen.findByText('1 / 10 calls in flight')).toBeInTheDocument();
    await advance(5000);
    expect(screen.getByText('2 / 10 calls in flight')).toBeInTheDocument();
    setVisibility('hidden');
    await advance(60_000);
    expect(calls).toBe(2);
    setVisibility('visible');
    await advance(10);
    expect(screen.getByText('3 / 10 calls in flight')).toBeInTheDocument();
  });
});
