import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CONTACT_BUCKETS, type ContactBucket } from '../../../contract/schemas';
import type { ContactFilters } from '../../../contract/extensions';
import type { ContactListParams } from '../../api/contacts';
import {
  hasContactFilters,
  readContactFilters,
  writeContactFilters,
} from '../../lib/contact-filters';

export const PAGE_SIZES = [50, 100, 200] as const;

const isBucket = (s: string | null): s is ContactBucket =>
  (CONTACT_BUCKETS as readonly (string | null)[]).includes(s);

type Params = { status: ContactBucket | null; size: number; page: number; filters: ContactFilters };

/**
 * Bucket, (ext) contact filters, page and page size live in the URL
 * (`?status=completed&last_status=busy&page=3&size=100`), so every view is a link.
 */
export function readContactsParams(params: URLSearchParams): Params {
  const status = params.get('status');
  const size = Number(params.get('size'));
  const page = Number(params.get('page'));
  return {
    status: isBucket(status) ? status : null,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZES[0],
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    filters: readContactFilters(params),
  };
}

/** The page of contacts those params show, as the list request sends it. */
export function contactListParams(params: Params, filters: ContactFilters): ContactListParams {
  return {
    limit: params.size,
    offset: (params.page - 1) * params.size,
    status: params.status,
    ...(hasContactFilters(filters) ? { filters } : {}),
  };
}

export function useContactsParams() {
  const [params, setParams] = useSearchParams();
  const value = useMemo(() => readContactsParams(params), [params]);

  const update = useCallback(
    (next: Partial<Params>) => {
      setParams((prev) => {
        const out = new URLSearchParams(prev);
        const set = (key: string, v: string | number | null, fallback: string | number | null) => {
          if (v === null || v === fallback) out.delete(key);
          else out.set(key, String(v));
        };
        if (next.status !== undefined) set('status', next.status, null);
        if (next.size !== undefined) set('size', next.size, PAGE_SIZES[0]);
        if (next.filters !== undefined) writeContactFilters(out, next.filters);
        // A new filter or page size starts again at the first page.
        const refiltered =
          next.status !== undefined || next.size !== undefined || next.filters !== undefined;
        const page = next.page ?? (refiltered ? 1 : undefined);
        if (page !== undefined) set('page', page, 1);
        return out;
      });
    },
    [setParams],
  );
  return [value, update] as const;
}
