import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { CONTACT_BUCKETS, type ContactBucket } from '../../../contract/schemas';

export const PAGE_SIZES = [50, 100, 200] as const;

const isBucket = (s: string | null): s is ContactBucket =>
  (CONTACT_BUCKETS as readonly (string | null)[]).includes(s);

/** Filter, page and page size live in the URL (`?status=completed&page=3&size=100`). */
export function useContactsParams() {
  const [params, setParams] = useSearchParams();
  const value = useMemo(() => {
    const status = params.get('status');
    const size = Number(params.get('size'));
    const page = Number(params.get('page'));
    return {
      status: isBucket(status) ? status : null,
      size: (PAGE_SIZES as readonly number[]).includes(size) ? size : PAGE_SIZES[0],
      page: Number.isInteger(page) && page >= 1 ? page : 1,
    };
  }, [params]);

  const update = useCallback(
    (next: Partial<{ status: ContactBucket | null; size: number; page: number }>) => {
      setParams((prev) => {
        const out = new URLSearchParams(prev);
        const set = (key: string, v: string | number | null, fallback: string | number | null) => {
          if (v === null || v === fallback) out.delete(key);
          else out.set(key, String(v));
        };
        if (next.status !== undefined) set('status', next.status, null);
        if (next.size !== undefined) set('size', next.size, PAGE_SIZES[0]);
        // A new filter or page size starts again at the first page.
        const page =
          next.page ?? (next.status !== undefined || next.size !== undefined ? 1 : undefined);
        if (page !== undefined) set('page', page, 1);
        return out;
      });
    },
    [setParams],
  );
  return [value, update] as const;
}
