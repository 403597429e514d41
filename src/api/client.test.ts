import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { server } from '../test/server';
import { API, makeCampaign, TEST_CONNECTION } from '../test/fixtures';
import { ApiError, apiListRequest, apiRequest, parseRetryAfter } from './client';
import { initConnection, useConnectionState } from './connection';
import { campaignSchema, campaignsPageSchema } from '../../contract/schemas';
import { renderHook } from '@testing-library/react';
import { retryDelay, shouldRetry } from './retry';

/** The ApiError a request rejects with. */
function failure(promise: Promise<unknown>): Promise<ApiError> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e as ApiError,
  );
}

function captureHeaders() {
  const seen: Headers[] = [];
  server.use(
    http.get(`${API}/campaign/timezones`, ({ request }) => {
      seen.push(request.headers);
      return HttpResponse.json({ timezones: ['UTC'] });
    }),
  );
  return seen;
}

describe('apiRequest', () => {
  it('sends an org key as a bearer token without an org header', async () => {
    const seen = captureHeaders();
    await apiRequest('/campaign/timezones');
    expect(seen[0]!.get('authorization')).toBe('Bearer ak_test_manage');
    expect(seen[0]!.has('x-anyreach-org')).toBe(false);
  });

  it('adds X-Anyreach-Org for personal tokens', async () => {
    initConnection({ ...TEST_CONNECTION, token: 'pat_someone', orgId: 'org_demo' });
    const seen = captureHeaders();
    await apiRequest('/campaign/timezones');
    expect(seen[0]!.get('authorization')).toBe('Bearer pat_someone');
    expect(seen[0]!.get('x-anyreach-org')).toBe('org_demo');
  });

  it('never puts the token in the URL', async () => {
    const urls: string[] = [];
    server.use(
      http.get(`${API}/campaign/campaigns`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json({ campaigns: [], next_cursor: null });
      }),
    );
    await apiRequest('/campaign/campaigns', { query: { name: 'x', status: ['active', 'paused'] } });
    expect(urls[0]).toBe(`${API}/campaign/campaigns?name=x&status=active&status=paused`);
    expect(urls[0]).not.toContain('ak_test');
  });

  it('carries a string detail', async () => {
    server.use(
      http.post(`${API}/campaign/campaigns/c1/start`, () =>
        HttpResponse.json({ detail: 'Campaign is closed' }, { status: 400 }),
      ),
    );
    const error = await failure(apiRequest('/campaign/campaigns/c1/start', { method: 'POST' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.detail).toBe('Campaign is closed');
    expect(error.message).toBe('Campaign is closed');
  });

  it('carries a validation list and maps it to fields', async () => {
    server.use(
      http.post(`${API}/campaign/configurations`, () =>
        HttpResponse.json(
          {
            detail: [
              { loc: ['body', 'max_attempts'], msg: 'Must be at most 20', type: 'too_big' },
              {
                loc: ['body', 'schedule', 'end_time'],
                msg: 'End time must be after start time',
                type: 'custom',
              },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    const error = await failure(
      apiRequest('/campaign/configurations', { method: 'POST', body: {} }),
    );
    expect(error.status).toBe(422);
    expect(error.fieldErrors()).toEqual({
      max_attempts: 'Must be at most 20',
      'schedule.end_time': 'End time must be after start time',
    });
    expect(error.message).toBe(
      'max_attempts: Must be at most 20; schedule.end_time: End time must be after start time',
    );
  });

  it('names the field when a response breaks the contract', async () => {
    server.use(
      http.get(`${API}/campaign/campaigns/c1`, () =>
        HttpResponse.json({ id: 'c1', name: 'A', status: 'running', external_id: null }),
      ),
    );
    const error = await failure(apiRequest('/campaign/campaigns/c1', { schema: campaignSchema }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toMatch(/does not match the API contract: field "status"/);
  });

  it('tolerates unknown extra fields', async () => {
    server.use(
      http.get(`${API}/campaign/campaigns/c1`, () =>
        HttpResponse.json({
          id: 'c1',
          name: 'A',
          status: 'active',
          external_id: null,
          configuration_id: null,
          created_at: '2026-11-22T09:30:00Z',
          updated_at: '2026-11-22T09:30:00Z',
          brand_new_field: { nested: true },
        }),
      ),
    );
    const campaign = await apiRequest('/campaign/campaigns/c1', { schema: campaignSchema });
    expect(campaign.status).toBe('active');
  });

  it('reports Retry-After on 429 and waits exactly that long before retrying', async () => {
    server.use(
      http.get(`${API}/campaign/timezones`, () =>
        HttpResponse.json(
          { detail: 'Rate limited' },
          { status: 429, headers: { 'Retry-After': '7' } },
        ),
      ),
    );
    const error = await failure(apiRequest('/campaign/timezones'));
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(7);
    expect(shouldRetry(0, error)).toBe(true);
    expect(retryDelay(1, error)).toBe(7000);
  });

  it('reads Retry-After as seconds or as an HTTP-date, and waits that long on a 503 too', () => {
    const now = Date.parse('2026-11-22T09:30:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:30:45 GMT', now)).toBe(45);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:29:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    const unavailable = new ApiError(503, null, 'down', 6);
    expect(shouldRetry(0, unavailable)).toBe(true);
    expect(retryDelay(0, unavailable)).toBe(6000);
    // Longer than anyone waits on a spinner: the page shows the error and its Retry button.
    expect(shouldRetry(0, new ApiError(503, null, 'down', 3600))).toBe(false);
  });

  it.each([
    [{ detail: '' }, 403],
    [{ detail: '   ' }, 409],
    [{ detail: [] }, 422],
    [{}, 400],
  ])('an empty or missing detail (%j, %i) says what the status means', async (body, status) => {
    // A public route: no scope the 403 could be about.
    server.use(http.get(`${API}/campaign/timezones`, () => HttpResponse.json(body, { status })));
    const error = await failure(apiRequest('/campaign/timezones'));
    expect(error.message).toBe(`The server refused this request (${status}) without saying why.`);
  });

  it('retries network errors and 5xx with backoff, never 4xx or contract errors', () => {
    expect(shouldRetry(0, new ApiError(0, null, 'offline'))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, null, 'down'))).toBe(true);
    expect(shouldRetry(3, new ApiError(503, null, 'down'))).toBe(false);
    for (const status of [400, 401, 403, 404, 409, 422]) {
      expect(shouldRetry(0, new ApiError(status, null, 'no'))).toBe(false);
    }
    expect(shouldRetry(0, new ApiError(200, null, 'contract'))).toBe(false);
    expect(retryDelay(1, new ApiError(503, null, 'down'))).toBeLessThan(
      retryDelay(3, new ApiError(503, null, 'down')),
    );
  });

  it('turns a network failure into a clear error', async () => {
    server.use(http.get(`${API}/campaign/timezones`, () => HttpResponse.error()));
    const error = await failure(apiRequest('/campaign/timezones'));
    expect(error.status).toBe(0);
    expect(error.message).toMatch(/Cannot reach the server/);
  });

  it('a 401 marks the saved connection rejected', async () => {
    server.use(
      http.get(`${API}/campaign/timezones`, () =>
        HttpResponse.json({ detail: 'Unknown key' }, { status: 401 }),
      ),
    );
    const { result } = renderHook(() => useConnectionState());
    await apiRequest('/campaign/timezones').catch(() => undefined);
    expect(result.current.rejected).toBe(true);
  });

  it("a 403 keeps the server's detail as written and names the refused request", async () => {
    server.use(
      http.delete(`${API}/campaign/campaigns/c1/contacts/k1`, () =>
        HttpResponse.json({ detail: 'Missing scope campaigns:manage' }, { status: 403 }),
      ),
    );
    const error = await failure(
      apiRequest('/campaign/campaigns/c1/contacts/k1', { method: 'DELETE' }),
    );
    expect(error.message).toBe('Missing scope campaigns:manage');
    expect(error.request).toEqual({ method: 'DELETE', path: '/campaign/campaigns/c1/contacts/k1' });
  });
});

describe('apiListRequest', () => {
  const list = () =>
    apiListRequest('/campaign/campaigns', {
      schema: campaignsPageSchema,
      key: 'campaigns',
      item: campaignSchema,
    });

  it('keeps the items that match the contract and counts the others, with the first reason', async () => {
    const good = makeCampaign({ name: 'Good' });
    server.use(
      http.get(`${API}/campaign/campaigns`, () =>
        HttpResponse.json({
          campaigns: [
            { ...good, status: 'running' },
            good,
            { ...good, id: 42 },
            makeCampaign({ name: 'Also good' }),
          ],
          next_cursor: 'c2',
        }),
      ),
    );
    const page = await list();
    expect(page.campaigns.map((c) => c.name)).toEqual(['Good', 'Also good']);
    expect(page.next_cursor).toBe('c2');
    expect(page.unshown?.count).toBe(2);
    expect(page.unshown?.reason).toMatch(/^field "campaigns\.0\.status" /);
  });

  it('says nothing is missing when every item matches, and still refuses a broken envelope', async () => {
    server.use(
      http.get(`${API}/campaign/campaigns`, () =>
        HttpResponse.json({ campaigns: [makeCampaign()], next_cursor: null }),
      ),
    );
    expect((await list()).unshown).toBeNull();
    server.use(
      http.get(`${API}/campaign/campaigns`, () =>
        HttpResponse.json({ campaigns: [makeCampaign()], next_cursor: 7 }),
      ),
    );
    expect((await failure(list())).message).toMatch(/field "next_cursor"/);
  });
});
