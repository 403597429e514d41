import { server } from './server';

/**
 * Every request the app sends from now until the test ends, as "METHOD /path?query" with the
 * (fake) clock's time it left at; `count(url)` says how often one was sent. Call it in a test:
 * setup.ts removes the listener after it.
 */
export function recordRequests() {
  const sent: { url: string; at: number }[] = [];
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    sent.push({ url: `${request.method} ${url.pathname}${url.search}`, at: Date.now() });
  };
  server.events.on('request:start', listener);
  return {
    sent,
    count: (url: string) => sent.filter((r) => r.url === url).length,
    times: (url: string) => sent.filter((r) => r.url === url).map((r) => r.at),
    paths: () => [...new Set(sent.map((r) => r.url.replace(/\?.*/, '')))].sort(),
  };
}
