import {
  CALL_STATUS_FILTERS,
  type CallStatusFilter,
  type ContactFilters,
} from '../../contract/extensions';
import { CONTACT_BUCKETS, type ContactBucket } from '../../contract/schemas';

// The Contacts tab keeps its filters in the URL with the contract's own parameter names, so
// a link from the Results section, a shared URL and the request say the same thing.

const isCallStatus = (s: string): s is CallStatusFilter =>
  (CALL_STATUS_FILTERS as readonly string[]).includes(s);

/** The (ext) contact filters a URL holds; invalid values are dropped, never sent. */
export function readContactFilters(params: URLSearchParams): ContactFilters {
  const filters: ContactFilters = {};
  const search = params.get('search')?.trim();
  if (search) filters.search = search.slice(0, 200);
  const last = params.getAll('last_status').filter(isCallStatus);
  if (last.length) filters.last_status = last;
  const first = params.getAll('first_status').filter(isCallStatus);
  if (first.length) filters.first_status = first;
  const attempts = params
    .getAll('attempts')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0);
  if (attempts.length) filters.attempts = attempts;
  const result = params.getAll('result').filter((r) => /^[^:\s]+:.+$/s.test(r));
  if (result.length) filters.result = result;
  // (ext) contact-timezones and suppression.
  const zones = params.getAll('timezone').filter((z) => /^[\w+-]+(\/[\w+-]+){0,2}$/.test(z));
  if (zones.length) filters.timezone = zones.slice(0, 20);
  if (params.get('callable') === 'now') filters.callable = 'now';
  const suppressed = params.get('suppressed');
  if (suppressed === 'true' || suppressed === 'false') filters.suppressed = suppressed;
  return filters;
}

export const FILTER_KEYS = [
  'search',
  'last_status',
  'first_status',
  'attempts',
  'result',
  'timezone',
  'callable',
  'suppressed',
] as const;

export function hasContactFilters(filters: ContactFilters): boolean {
  return FILTER_KEYS.some((k) => filters[k] !== undefined);
}

/** Writes `filters` into `params`, replacing every filter parameter. */
export function writeContactFilters(params: URLSearchParams, filters: ContactFilters): void {
  for (const key of FILTER_KEYS) params.delete(key);
  if (filters.search) params.set('search', filters.search);
  for (const key of ['last_status', 'first_status', 'attempts', 'result', 'timezone'] as const) {
    for (const value of filters[key] ?? []) params.append(key, String(value));
  }
  if (filters.callable) params.set('callable', filters.callable);
  if (filters.suppressed) params.set('suppressed', filters.suppressed);
}

/** The Contacts tab of a campaign showing exactly these contacts. */
export function contactsHref(
  campaignId: string,
  filters: ContactFilters,
  status: ContactBucket | null = null,
): string {
  const params = new URLSearchParams();
  if (status && (CONTACT_BUCKETS as readonly string[]).includes(status))
    params.set('status', status);
  writeContactFilters(params, filters);
  const qs = params.toString();
  return `/campaigns/${encodeURIComponent(campaignId)}/contacts${qs ? `?${qs}` : ''}`;
}
