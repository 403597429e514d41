import { ACCEPTS, grants, type Access } from '../../contract/scopes';

type Refusable = keyof typeof ACCEPTS;

/** What each access lets a person do, in their words. */
const DOES: Record<Refusable, string> = {
  'campaigns:read': 'see campaigns',
  'campaigns:manage': 'change campaigns, contacts and configurations',
  'concurrency:read': 'see the concurrency limit',
  'concurrency:manage': 'change the concurrency limit',
};

/** "Read-only key": what a credential may do, said from its scopes. */
function whatItMay(scopes: readonly string[], kind: string): string {
  const noun = kind === 'pat' ? 'token' : 'key';
  const reads = grants(scopes, 'campaigns:read');
  const sets = grants(scopes, 'concurrency:manage');
  if (reads && sets) return `This ${noun} may see campaigns and change the concurrency limit`;
  if (reads) return `Read-only ${noun}`;
  if (sets) return `This ${noun} may only change the concurrency limit`;
  if (grants(scopes, 'concurrency:read')) return `This ${noun} may only see the concurrency limit`;
  return `This ${noun} may not see or change anything here`;
}

/**
 * Why a person may not do something, as what they may do and whom to ask:
 * "Read-only key: ask an admin for a manage key to start or pause." `action` names what was
 * refused where the control knows it better than the scope does.
 */
export function sayRefused(
  access: Access,
  credential?: { scopes: readonly string[]; kind: string } | null,
  action?: string,
): string {
  if (access === 'public' || access === 'authenticated') return 'The server refused this key.';
  const to = action ?? DOES[access];
  const wanted = access.endsWith(':read') ? 'a key with campaign access' : 'a manage key';
  if (!credential) return `This key may not ${to}: ask an admin for ${wanted}.`;
  return `${whatItMay(credential.scopes, credential.kind)}: ask an admin for ${wanted} to ${to}.`;
}
