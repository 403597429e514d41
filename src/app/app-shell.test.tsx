import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { server } from '../test/server';
import { API, makeCampaign } from '../test/fixtures';
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
  it('asks for a credential when none is set, verifies it, and keeps it for this tab only', async () => {
    initConnection(null);
    const checked: Headers[] = [];
    server.use(
      http.get(`${API}/campaign/concurrency-settings`, ({ request }) => {
        checked.push(request.headers);
        return HttpResponse.json(settings);
      }),
    );
    serveCampaigns();
    renderRoute('/campaigns');
    expect(
      await screen.findByRole('heading', { name: 'Connect to the campaign API' }),
    ).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('API base URL'), API);
    await userEvent.type(screen.getByLabelText('API token'), 'ak_demo_manage');
    expect(screen.getByLabelText('Organization ID')).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByRole('link', { name: 'Spring outreach' })).toBeInTheDocument();
    expect(checked[0]!.get('authorization')).toBe('Bearer ak_demo_manage');
    expect(sessionStorage.getItem('headroom.connection')).toContain('ak_demo_manage');
    expect(localStorage.getItem('headroom.connection')).toBeNull();
    expect(await screen.findByText('4 / 10 calls in flight')).toBeInTheDocument();
    expect(screen.getByText('6 free slots')).toBeInTheDocument();
  });

  it('remembers on this device only when asked, and asks pat_ tokens for the org', async () => {
    initConnection(null);
    const checked: Headers[] = [];
    server.use(
      http.get(`${API}/campaign/concurrency-settings`, ({ request }) => {
        checked.push(request.headers);
        return request.headers.get('x-anyreach-org')
          ? HttpResponse.json(settings)
          : HttpResponse.json({ detail: 'X-Anyreach-Org header is required' }, { status: 400 });
      }),
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
  });

  it('says so when the token is not recognised, and keeps what was typed', async () => {
    initConnection(null);
    server.use(
      http.get(`${API}/campaign/concurrency-settings`, () =>
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

  it('polls the header headroom every 5 seconds only while the tab is visible', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/campaign/concurrency-settings`, () => {
        calls++;
        return HttpResponse.json({ concurrency_limit: 10, active_calls: calls });
      }),
    );
    serveCampaigns();
    const { queryClient } = renderRoute('/campaigns');
    expect(await screen.findByText('1 / 10 calls in flight')).toBeInTheDocument();
    expect(
      queryClient.getQueryCache().find({ queryKey: ['concurrency-settings'] })?.options,
    ).toMatchObject({
      refetchInterval: 5000,
    });
    expect(queryClient.getDefaultOptions().queries?.refetchIntervalInBackground).toBe(false);
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5200));
    });
    await waitFor(() => expect(screen.getByText('2 / 10 calls in flight')).toBeInTheDocument());
  }, 15_000);
});
