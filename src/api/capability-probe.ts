import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client';
import { usePermission, type Capability } from './permissions';

type Probed = Exclude<Capability, 'campaigns:read'>;

// The contract has no "what may this key do" route, but scope is checked before the body:
// a write with an empty body is refused with 403 without the scope and 422 with it, and
// writes nothing either way. Only a 403 is taken as an answer; anything else leaves the form
// enabled, to learn from its first save as before.
const PROBES: Record<Probed, { method: 'POST' | 'PUT'; path: string }> = {
  'campaigns:manage': { method: 'POST', path: '/campaign/campaigns' },
  'concurrency:manage': { method: 'PUT', path: '/campaign/concurrency-settings' },
};

export const capabilityQueries = {
  probe: (capability: Probed) =>
    queryOptions({
      queryKey: ['capabilities', capability] as const,
      // The answer lands in the permission store (the client records a 403); the query only
      // remembers that the question was asked. Any other failure leaves the controls enabled.
      queryFn: () =>
        apiRequest(PROBES[capability].path, { method: PROBES[capability].method, body: {} }).then(
          () => true,
          () => true,
        ),
      // Asked once per credential: connecting clears the cache.
      staleTime: Infinity,
      gcTime: Infinity,
      retry: false,
    }),
};

/**
 * `usePermission` for a page whose form would otherwise fail on its first save: asks the
 * server up front, so a key without the scope sees the values read-only from the start.
 */
export function useProbedPermission(capability: Probed) {
  const probe = useQuery(capabilityQueries.probe(capability));
  return { ...usePermission(capability), checking: probe.isPending };
}
