import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  CAMPAIGN_STATUSES,
  LIST_LIMIT_DEFAULT,
  LIST_LIMIT_MAX,
  type CampaignStatus,
} from '../../../contract/schemas';
import type { CampaignListFilters } from '../../api/campaigns';

const isStatus = (s: string): s is CampaignStatus =>
  (CAMPAIGN_STATUSES as readonly string[]).includes(s);

/** Filters live in the URL (`?q=spring&status=active&status=paused&limit=50`). */
export function readCampaignFilters(params: URLSearchParams): CampaignListFilters {
  const limit = Number(params.get('limit'));
  return {
    name: params.get('q') ?? '',
    status: params.getAll('status').filter(isStatus).sort(),
    limit:
      Number.isInteger(limit) && limit >= 1 && limit <= LIST_LIMIT_MAX ? limit : LIST_LIMIT_DEFAULT,
  };
}

/**
 * (ext) finished, from `?finished=true|false`: apart from the other filters, as only a server
 * that offers it may be asked (the page's prefetch does not know the session yet).
 */
function readFinished(params: URLSearchParams): { finished?: boolean } {
  const finished = params.get('finished');
  return finished === 'true' || finished === 'false' ? { finished: finished === 'true' } : {};
}

export function useCampaignFilters({ finishedOffered }: { finishedOffered: boolean }) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () => ({ ...readCampaignFilters(params), ...(finishedOffered ? readFinished(params) : {}) }),
    [params, finishedOffered],
  );

  const update = useCallback(
    (next: Partial<CampaignListFilters>) => {
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          if (next.name !== undefined) {
            if (next.name) out.set('q', next.name);
            else out.delete('q');
          }
          if (next.status !== undefined) {
            out.delete('status');
            next.status.forEach((s) => out.append('status', s));
          }
          if (next.limit !== undefined) out.set('limit', String(next.limit));
          if ('finished' in next) {
            if (next.finished === undefined) out.delete('finished');
            else out.set('finished', String(next.finished));
          }
          return out;
        },
        { replace: next.name !== undefined },
      );
    },
    [setParams],
  );
  return [filters, update] as const;
}
