import type { Extension } from '../../contract/schemas.ts';

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
];

export const offers = (extension: Extension) => SERVER_EXTENSIONS.includes(extension);
