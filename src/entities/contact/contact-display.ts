import type { Contact } from '../../../contract/schemas';

/** Any data value as plain text (objects as JSON); never markup. */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function truncate(text: string, max = 60): { text: string; truncated: boolean } {
  return text.length > max
    ? { text: `${text.slice(0, max - 1)}…`, truncated: true }
    : { text, truncated: false };
}

/** The most recent evaluation: the results of the latest attempt that has any. */
export function lastResult(contact: Contact) {
  return contact.attempts.findLast((a) => a.result)?.result ?? null;
}
