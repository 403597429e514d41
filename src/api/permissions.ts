import { useSyncExternalStore } from 'react';

// What the current credential turned out not to be allowed to do. Learned from the first 403
// so that controls needing that capability are disabled with the reason, not left to fail.
export type Capability = 'campaigns:read' | 'campaigns:manage' | 'concurrency:manage';

const EXPLANATIONS: Record<Capability, string> = {
  'campaigns:read': 'This key cannot read campaigns (it needs the campaigns:read scope).',
  'campaigns:manage':
    'This key can read campaigns but not manage them (it needs the campaigns:manage scope).',
  'concurrency:manage':
    'This key cannot change the concurrency limit (it needs concurrency:manage or campaigns:manage).',
};

export function explainMissing(capability: Capability): string {
  return EXPLANATIONS[capability];
}

/** Which capability a request needs, from the contract's scope table. */
export function capabilityFor(method: string, path: string): Capability {
  const write = method !== 'GET' && method !== 'HEAD';
  if (path.startsWith('/campaign/concurrency-settings')) {
    return write ? 'concurrency:manage' : 'campaigns:read';
  }
  return write ? 'campaigns:manage' : 'campaigns:read';
}

let denied = new Set<Capability>();
const listeners = new Set<() => void>();

export function recordDenied(capability: Capability): void {
  if (denied.has(capability)) return;
  denied = new Set(denied).add(capability);
  listeners.forEach((l) => l());
}

export function resetDenied(): void {
  denied = new Set();
  listeners.forEach((l) => l());
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** `{ allowed: false, reason }` once the server has refused this capability. */
export function usePermission(capability: Capability): { allowed: boolean; reason: string | null } {
  const current = useSyncExternalStore(subscribe, () => denied);
  const allowed = !current.has(capability);
  return { allowed, reason: allowed ? null : explainMissing(capability) };
}
