import { statsBatchQuerySchema } from '../../../contract/extensions.ts';
import { campaignRows, forecastRow, snapshot } from '../../db/campaigns.ts';
import { activeCalls, concurrencyLimit } from '../../db/orgs.ts';
import { money } from '../../db/goal-cost.ts';
import { pct } from '../../db/percent.ts';
import { offers } from '../extensions.ts';
import { campaignForecast } from '../../domain/timeline.ts';
import type { Handlers } from '../operations.ts';
import { query } from '../validate.ts';

/**
 * (ext) The stats snapshots of many campaigns in one request (the live board): UUIDs only, as
 * the single stats route; unknown and other orgs' ids are left out, a repeated one is answered once.
 */
export const statsHandlers = {
  getStatsBatch: (c) => {
    const { db, auth } = c.var;
    const now = c.var.now();
    const ids = [...new Set(query(c, statsBatchQuerySchema, ['campaign_id']).campaign_id)];
    const rows = new Map(campaignRows(db, auth.orgId, ids).map((row) => [row.id, row]));
    const active = activeCalls(db, auth.orgId);
    const limit = concurrencyLimit(db, auth.orgId);
    const stats = ids.flatMap((id) => {
      const row = rows.get(id);
      if (!row) return [];
      const f = forecastRow(row);
      // Only an active campaign with work left has a finish ahead: the others skip the rate's reads.
      const forecast =
        f.status === 'active' && f.remaining > 0 ? campaignForecast(db, f, now) : null;
      return [
        {
          ...snapshot(id, row, active, limit),
          answer_rate: pct(row.n_att_completed, row.n_att_ended),
          finishes_at: forecast?.finishes_at ?? null,
          ended_calls: f.ended,
          finishes_range: forecast?.finishes_range ?? null,
          ...(offers(c, 'goal')
            ? { conversion_rate: row.goal === null ? null : pct(row.n_converted, row.n_answered) }
            : {}),
          // Beyond the contract's row: the board's Spend column, without a report per campaign.
          ...(offers(c, 'cost')
            ? {
                cost:
                  row.rate_currency === null
                    ? null
                    : { currency: row.rate_currency, total: money(row.cost_units) },
              }
            : {}),
        },
      ];
    });
    return c.json({ stats });
  },
} satisfies Partial<Handlers>;
