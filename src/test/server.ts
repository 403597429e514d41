import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { API } from './fixtures';

const validationError = (field: string) =>
  HttpResponse.json(
    { detail: [{ loc: ['body', field], msg: 'Field required', type: 'missing' }] },
    { status: 422 },
  );

// Baseline answers to the capability probes (an empty write body), as the contract's
// server gives them to a key that has the scope. Tests that override a route answer
// them themselves.
export const server = setupServer(
  http.post(`${API}/campaign/campaigns`, () => validationError('name')),
  http.put(`${API}/campaign/concurrency-settings`, () => validationError('concurrency_limit')),
);
