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
  'goal',
  'cost',
  'finished',
  'alerts',
  'plan',
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
 * `value` as this request may see it: the fields of the contract's base schema, and each (ext)
 * field (named in `extensions`, with the extension it belongs to) only where that extension is
 * offered, as a contract-only server sends it.
 */
export function presentFor<T extends object>(
  c: Context<AppEnv>,
  base: { shape: Record<string, unknown> },
  extensions: Partial<Record<keyof T & string, Extension>>,
  value: T,
): T {
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => {
      if (Object.hasOwn(base.shape, key)) return true;
      const extension = extensions[key as keyof T & string];
      return extension !== undefined && offers(c, extension);
    }),
  ) as T;
}
