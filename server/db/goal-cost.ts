// (ext) goal and cost: a campaign's conversions and spend from the counters migration 009's
// triggers keep, and what a rate card stores. Functions here are what other parts of the
// server (the report, the board, alerts, the planner) call for these figures.
import { splitResultPair, type Goal, type RateCard } from '../../contract/extensions.ts';
import { pct } from './percent.ts';
import type { Db } from './schema.ts';
import { sql } from './statements.ts';

/** Rate card amounts are stored in 1/10,000 of the currency (the contract's four decimals). */
export const RATE_SCALE = 10_000;
/** Prices are stored in 1/600,000 of the currency: 1/10,000 per minute is that per second. */
export const COST_SCALE = RATE_SCALE * 60;

/** A rate card as its configuration row stores it. */
export type RateCardColumns = {
  rate_currency: string | null;
  rate_per_call: number | null;
  rate_per_minute: number | null;
};

export function rateCardFromColumns(row: RateCardColumns): RateCard | null {
  if (row.rate_currency === null) return null;
  return {
    currency: row.rate_currency,
    per_minute: (row.rate_per_minute ?? 0) / RATE_SCALE,
    per_call: (row.rate_per_call ?? 0) / RATE_SCALE,
  };
}

export function rateCardToColumns(card: RateCard | null): RateCardColumns {
  if (!card) return { rate_currency: null, rate_per_call: null, rate_per_minute: null };
  return {
    rate_currency: card.currency,
    rate_per_call: Math.round(card.per_call * RATE_SCALE),
    rate_per_minute: Math.round(card.per_minute * RATE_SCALE),
  };
}

/** An amount in the stored price unit, in the currency with two decimals. */
export const money = (units: number) => Math.round(units / (COST_SCALE / 100)) / 100;
/** units / n in the currency with two decimals; null when n is 0. */
export const moneyPer = (units: number, n: number) =>
  n === 0 ? null : Math.round(units / n / (COST_SCALE / 100)) / 100;

/**
 * What one attempt costs under `card`, in the currency (unrounded): per_call for every ended
 * attempt plus per_minute × talk seconds / 60 for a completed one. For estimates (the planner).
 */
export const attemptCost = (card: RateCard, completed: boolean, talkSeconds: number) =>
  card.per_call + (completed ? (card.per_minute * talkSeconds) / 60 : 0);

export const parseGoal = (text: string | null): Goal | null =>
  text === null ? null : (JSON.parse(text) as Goal);

/** Whether latest results (key → value as text, as contact_results and latest_results hold them) convert. */
export function converts(goal: Goal, latest: (key: string) => string | undefined): boolean {
  return goal.results.some((pair) => {
    const { key, value } = splitResultPair(pair);
    return latest(key) === value;
  });
}

/** A campaign's goal and cost figures, from its counters: O(1). */
export type CampaignOutcome = {
  goal: Goal | null;
  /** Contacts with at least one completed attempt. */
  answered: number;
  /** Contacts whose latest result meets the goal (0 without one). */
  conversions: number;
  /** conversions / answered × 100, two decimals; null without a goal or on 0. */
  conversion_rate: number | null;
  /** The rate card of the campaign's configuration now; null for none. */
  rate_card: RateCard | null;
  /** What its attempts cost, each at the card in force when it ended, in the currency. */
  spend: number;
  /** The same in the stored price unit (1/600,000), exact. */
  cost_units: number;
};

type OutcomeRow = RateCardColumns & {
  goal: string | null;
  n_answered: number;
  n_converted: number;
  cost_units: number;
};

export function campaignOutcome(db: Db, campaignId: string): CampaignOutcome | null {
  const row = sql<[string], OutcomeRow>(
    db,
    `SELECT c.goal, c.n_answered, c.n_converted, c.cost_units, cfg.rate_currency, cfg.rate_per_call, cfg.rate_per_minute
     FROM campaigns c LEFT JOIN configurations cfg ON cfg.id = c.configuration_id WHERE c.id = ?`,
  ).get(campaignId);
  if (!row) return null;
  const goal = parseGoal(row.goal);
  return {
    goal,
    answered: row.n_answered,
    conversions: goal ? row.n_converted : 0,
    conversion_rate: goal ? pct(row.n_converted, row.n_answered) : null,
    rate_card: rateCardFromColumns(row),
    spend: money(row.cost_units),
    cost_units: row.cost_units,
  };
}

/** Sets a campaign's goal and counts its conversions under it afresh (indexed per result). */
export function setGoal(db: Db, campaignId: string, goal: Goal | null): void {
  sql(db, 'UPDATE campaigns SET goal = ? WHERE id = ?').run(
    goal ? JSON.stringify({ results: goal.results }) : null,
    campaignId,
  );
  sql(
    db,
    `UPDATE campaigns SET n_converted = COALESCE((
       SELECT COUNT(DISTINCT r.contact_id) FROM json_each(campaigns.goal, '$.results') g, contact_results r
       WHERE r.campaign_id = campaigns.id
         AND r.key = substr(g.value, 1, instr(g.value, ':') - 1)
         AND r.value = substr(g.value, instr(g.value, ':') + 1)), 0)
     WHERE id = ?`,
  ).run(campaignId);
}
