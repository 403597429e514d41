import type { Context } from 'hono';
import { FILTER_BODY_MAX_BYTES } from '../../contract/extensions.ts';
import {
  contactInputSchema,
  REPEATABLE_MAX,
  type ContactInput,
  type Schema,
} from '../../contract/schemas.ts';
import { HttpError, validationDetail } from '../domain/errors.ts';

type Parseable<T> = Schema<T> & {
  safeParse(v: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: {
          issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[];
        };
      };
};

export function parseWith<T>(schema: Schema<T>, value: unknown, where: 'body' | 'query'): T {
  const result = (schema as Parseable<T>).safeParse(value);
  if (!result.success) throw new HttpError(422, validationDetail(where, result.error.issues));
  return result.data;
}

const invalidJson = () =>
  new HttpError(422, [{ loc: ['body'], msg: 'Body must be valid JSON', type: 'json_invalid' }]);

/** The JSON body checked against a contract schema; malformed JSON is a 422, not a 500. */
export async function body<T>(c: Context, schema: Schema<T>): Promise<T> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw invalidJson();
  }
  return parseWith(schema, value, 'body');
}

const tooBig = (msg: string) => new HttpError(422, [{ loc: ['body'], msg, type: 'too_big' }]);

/**
 * A body of filters (requeue), small by nature, read within bounds: over FILTER_BODY_MAX_BYTES
 * it is refused unread (by its Content-Length) or as soon as the bytes pass it, and a top-level
 * array over REPEATABLE_MAX values is refused before the schema walks its items.
 */
export async function filterBody<T>(c: Context, schema: Schema<T>): Promise<T> {
  const over = `A body of filters is at most ${FILTER_BODY_MAX_BYTES / 1024} KB: at most ${REPEATABLE_MAX} values per filter`;
  if (Number(c.req.header('Content-Length')) > FILTER_BODY_MAX_BYTES) throw tooBig(over);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = c.req.raw.body?.getReader();
  try {
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
      size += chunk.value.byteLength;
      if (size > FILTER_BODY_MAX_BYTES) throw tooBig(over);
      chunks.push(chunk.value);
    }
  } finally {
    // The rest, if any, is left for the app to drain, so the connection stays usable.
    reader?.releaseLock();
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw invalidJson();
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (Array.isArray(item) && item.length > REPEATABLE_MAX) {
        throw new HttpError(422, [
          { loc: ['body', key], msg: `At most ${REPEATABLE_MAX} ${key} values`, type: 'too_big' },
        ]);
      }
    }
  }
  return parseWith(schema, value, 'body');
}

/** Query parameters, with the keys listed in `repeatable` read as arrays. */
export function query<T>(c: Context, schema: Schema<T>, repeatable: string[] = []): T {
  const raw: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    raw[key] = repeatable.includes(key) ? values : values[values.length - 1];
  }
  return parseWith(schema, raw, 'query');
}

const SLICE_MS = 10;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A body whose `contacts` may be thousands long: the envelope is checked at once (contacts as
 * unknown items), then the contacts 10 ms at a time between yields to the event loop, so one big
 * request never holds the server. Issues are located as a whole-body parse would.
 */
export async function bodyWithContacts<T extends { contacts?: unknown[] }>(
  c: Context,
  envelope: Schema<T>,
): Promise<Omit<T, 'contacts'> & { contacts?: ContactInput[] }> {
  const value = await body(c, envelope);
  if (value.contacts === undefined) return value as Omit<T, 'contacts'>;
  const contacts: ContactInput[] = [];
  const issues = [];
  let slice = performance.now();
  for (let i = 0; i < value.contacts.length; i++) {
    if (performance.now() - slice >= SLICE_MS) {
      await yieldToOthers();
      slice = performance.now();
    }
    const result = contactInputSchema.safeParse(value.contacts[i]);
    if (result.success) contacts.push(result.data);
    else
      issues.push(
        ...validationDetail(
          'body',
          result.error.issues.map((issue) => ({ ...issue, path: ['contacts', i, ...issue.path] })),
        ),
      );
  }
  if (issues.length > 0) throw new HttpError(422, issues);
  return { ...value, contacts };
}
