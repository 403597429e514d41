import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { API, makeSession } from './fixtures';

/** Serves `GET /campaign/session` as given, or 404 (a server without the extension). */
export const sessionHandler = (session: ReturnType<typeof makeSession> | null = makeSession()) =>
  http.get(`${API}/campaign/session`, () =>
    session
      ? HttpResponse.json(session)
      : HttpResponse.json({ detail: 'No route for GET /campaign/session' }, { status: 404 }),
  );

// Every page asks for the session once; tests of other keys or servers override it.
export const server = setupServer(sessionHandler());
