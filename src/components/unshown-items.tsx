import type { Unshown } from '../api/client';
import { formatCount } from '../lib/format';

/** The items a list's pages left out, together: the first reason stands for them. */
export function sumUnshown(
  pages: readonly { unshown: Unshown | null }[] | undefined,
): Unshown | null {
  return (pages ?? []).reduce<Unshown | null>(
    (sum, { unshown }) =>
      unshown
        ? { count: (sum?.count ?? 0) + unshown.count, reason: sum?.reason ?? unshown.reason }
        : sum,
    null,
  );
}

/**
 * Says how many items of a list answer were left out because they break the API contract,
 * and why (the first one's field), so a list never silently misses rows.
 */
export function UnshownItems({
  unshown,
  noun,
}: {
  unshown: Unshown | null | undefined;
  noun: string;
}) {
  if (!unshown) return null;
  const they = unshown.count === 1 ? "it doesn't" : "they don't";
  return (
    <p
      role="note"
      className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 wrap-anywhere"
    >
      {formatCount(unshown.count, noun)} could not be shown: {they} match the API contract (
      {unshown.reason}).
    </p>
  );
}
