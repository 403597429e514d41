import type { Context } from 'hono';
import { contactInputSchema, type ContactInput, type Schema } from '../contract/schemas.ts';
import { HttpError, validationDetail } from './errors.ts';

type Parseable<T> = Schema<T> & {
  safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[] } };
};

export function parseWith<T>(schema: Schema<T>, value: unknown, where: 'body' | 'query'): T {
  const result = (schema as Parseable<T>).safeParse(value);
  if (!result.success) throw new HttpError(422, validationDetail(where, result.error.issues));
  return result.data;
}

/** The JSON body checked against a contract schema; malformed JSON is a 422, not a 500. */
export async function body<T>(c: Context, schema: Schema<T>): Promise<T> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new HttpError(422, [{ loc: ['body'], msg: 'Body must be valid JSON', type: 'json_invalid' }]);
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
    else issues.push(...validationDetail('body', result.error.issues.map((issue) => ({ ...issue, path: ['contacts', i, ...issue.path] }))));
  }
  if (issues.length > 0) throw new HttpError(422, issues);
  return { ...value, contacts };
}
