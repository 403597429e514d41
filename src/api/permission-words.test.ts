import { describe, expect, it } from 'vitest';
import { sayRefused } from './permission-words';

describe('sayRefused', () => {
  it('says what the key may do and whom to ask, never a scope name', () => {
    const read = { kind: 'ak', scopes: ['campaigns:read'] };
    expect(sayRefused('campaigns:manage', read, 'start or pause')).toBe(
      'Read-only key: ask an admin for a manage key to start or pause.',
    );
    expect(sayRefused('concurrency:manage', read)).toBe(
      'Read-only key: ask an admin for a manage key to change the concurrency limit.',
    );
    expect(sayRefused('campaigns:read', { kind: 'ak', scopes: ['concurrency:manage'] })).toBe(
      'This key may only change the concurrency limit: ask an admin for a key with campaign access to see campaigns.',
    );
    expect(sayRefused('campaigns:manage', { kind: 'pat', scopes: ['campaigns:read'] })).toBe(
      'Read-only token: ask an admin for a manage key to change campaigns, contacts and configurations.',
    );
    expect(
      sayRefused('campaigns:manage', {
        kind: 'ak',
        scopes: ['campaigns:read', 'concurrency:manage'],
      }),
    ).toMatch(/^This key may see campaigns and change the concurrency limit: /);
    expect(sayRefused('campaigns:read', { kind: 'ak', scopes: [] })).toMatch(
      /^This key may not see or change anything here: /,
    );
  });

  it('without a session, says what was refused', () => {
    expect(sayRefused('campaigns:manage')).toBe(
      'This key may not change campaigns, contacts and configurations: ask an admin for a manage key.',
    );
    for (const access of ['campaigns:read', 'campaigns:manage', 'concurrency:manage'] as const)
      expect(sayRefused(access, { kind: 'ak', scopes: ['campaigns:read'] })).not.toMatch(
        /:(read|manage)\b/,
      );
  });
});
