import type { Campaign } from '../../../contract/schemas';
import type { BatchStats } from '../../../contract/extensions';
import { formatMoney, formatNumber } from '../../lib/format';

/** The board's totals over the campaigns on screen: calls in flight, pending and spend. */
export function BoardTotals({
  campaigns,
  byId,
}: {
  campaigns: Campaign[];
  byId: Map<string, BatchStats>;
}) {
  const rows = campaigns.flatMap((c) => byId.get(c.id) ?? []);
  if (rows.length === 0) return null;
  const inFlight = rows.reduce((n, s) => n + s.contacts.in_progress, 0);
  const pending = rows.reduce((n, s) => n + s.contacts.pending, 0);
  // Amounts in different currencies are not added together.
  const spend = new Map<string, number>();
  for (const s of rows)
    if (s.cost) spend.set(s.cost.currency, (spend.get(s.cost.currency) ?? 0) + s.cost.total);
  return (
    <p className="text-sm text-slate-800" data-testid="board-totals">
      <strong>Totals on screen:</strong> {formatNumber(inFlight)} in flight ·{' '}
      {formatNumber(pending)} pending
      {[...spend].map(([currency, total]) => ` · ${formatMoney(total, currency)} spent`).join('')}
    </p>
  );
}
