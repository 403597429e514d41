import type { IncomingMessage } from 'node:http';
import { createMiddleware } from 'hono/factory';
import { BODY_MAX_BYTES } from '../../contract/schemas.ts';

/**
 * A body the answer did not need (a 401, a 404, a refused requeue) is read and dropped before
 * answering, so the client's keep-alive connection stays in step for its next request. One
 * over the body limit is not read: that answer closes the connection instead.
 */
export const drainUnreadBody = createMiddleware(async (c, next) => {
  await next();
  // Only a real socket has anything to drain (app.request in tests has none).
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const stream = incoming && !incoming.readableEnded ? c.req.raw.body : null;
  if (!stream) return;
  let size = 0;
  if (!stream.locked && !(Number(c.req.header('Content-Length')) > BODY_MAX_BYTES)) {
    const reader = stream.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > BODY_MAX_BYTES) break;
    }
    reader.releaseLock();
    if (size <= BODY_MAX_BYTES) return;
  }
  c.header('Connection', 'close');
});
