import { Button } from '../../components/button';
import { useNow } from '../../lib/use-now';

/** How old the page of contacts is, and a way to refresh it now. Quiet: never announced. */
export function ContactsFreshness({
  updatedAt,
  live,
  fetching,
  onRefresh,
}: {
  updatedAt: number;
  live: boolean;
  fetching: boolean;
  onRefresh: () => void;
}) {
  const now = useNow(1000);
  const seconds = Math.max(0, Math.round((now - updatedAt) / 1000));
  return (
    <div className="flex items-center gap-3 text-sm text-slate-600">
      <span>
        {updatedAt ? `Updated ${seconds}s ago` : 'Loading…'}
        {/* A phone keeps the age: the rest would take a line of its own. */}
        {live && (
          <span className="max-sm:hidden">
            {' '}
            · refreshes every 15 s while the campaign is active
          </span>
        )}
      </span>
      <Button onClick={onRefresh} disabled={fetching} aria-label="Refresh contacts">
        {fetching ? 'Refreshing…' : 'Refresh'}
      </Button>
    </div>
  );
}
