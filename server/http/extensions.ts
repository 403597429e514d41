import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Extension } from '../../contract/schemas.ts';
import type { AppEnv } from './auth.ts';

/** The (ext) features this server implements, listed by GET /campaign/session. */
export const SERVER_EXTENSIONS: readonly Extension[] = [
  'session',
  'conversations',
  'report',
  'contact-filters',
  'timeline',
  'stats-batch',
  'requeue',
  'activity',
  'campaign-concurrency',
  'calls',
  'recordings',
];

/** What the app offers: every implemented extension, or none (EXTENSIONS=off). */
export const offeredExtensions = (on: boolean): readonly Extension[] =>
  on ? SERVER_EXTENSIONS : [];

/** Puts what is offered into c.var.extensions, once per request, before any route looks. */
export const resolveExtensions = (offered: readonly Extension[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('extensions', offered);
    await next();
  });

/**
 * Whether this request may use `extension`: its routes answer and its fields are read and
 * sent. Where it is not offered, they are what they are to a contract-only server (404,
 * unknown keys).
 */
export const offers = (c: Context<AppEnv>, extension: Extension) =>
  c.var.extensions.includes(extension);

/**
 * `value` as it is where `extension` is offered; elsewhere only the fields of the contract's
 * base schema, as a contract-only server sends it.
 */
export function presentFor<T extends object>(
  c: Context<AppEnv>,
  extension: Extension,
  base: { shape: Record<string, unknown> },
  value: T,
): T {
  if (offers(c, extension)) return value;
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => Object.hasOwn(base.shape, key)),
  ) as T;
}
