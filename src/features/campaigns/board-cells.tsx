import type { Campaign, Configuration } from '../../../contract/schemas';
import { ENOUGH_ENDED_CALLS, type BatchStats } from '../../../contract/extensions';
import { dialingReason } from '../../lib/dialing-reason';
import { formatMoney, formatPercent, zonedParts } from '../../lib/format';
import { roundFinish } from '../../lib/round-finish';
import { useViewerZone } from '../../lib/viewer-zone';
import { progressPercent } from './sort-campaigns';

function None({ why }: { why: string }) {
  return (
    <>
      <span aria-hidden="true" className="text-slate-500">
        —
      </span>
      <span className="sr-only">{why}</span>
    </>
  );
}

/** Why a campaign on the board is not dialing (or held at a cap), in a word or three. */
export function ReasonChip({
  campaign,
  stats,
  configuration,
  now,
}: {
  campaign: Campaign;
  stats: BatchStats;
  configuration: Configuration | null;
  now: number;
}) {
  const reason = dialingReason(campaign, stats, configuration, new Date(now));
  if (!reason) return null;
  return (
    <span
      // The window's zone in full, on hover, beside the short name the chip says.
      title={reason.zone}
      className="mt-1 block w-max rounded border border-amber-300 bg-amber-50 px-1.5 py-0.5 text-xs text-amber-950"
    >
      {reason.chip}
    </span>
  );
}

type Live = { campaign: Campaign; stats: BatchStats; now: number; timeZone?: string };

/** What a live cell says while its row's numbers have not arrived. */
export function NoStats({ campaign }: { campaign: Campaign }) {
  return <None why={campaign.status === 'closed' ? 'Closed: no live numbers' : 'Loading'} />;
}

export function ProgressCell({ stats }: Live) {
  const progress = progressPercent(stats);
  if (progress === null) return <None why="No contacts" />;
  return (
    <>
      {progress}%
      <span aria-hidden="true" className="mt-1 block h-1 w-16 rounded-full bg-slate-200">
        <span
          className="block h-full rounded-full bg-indigo-600"
          style={{ width: `${progress}%` }}
        />
      </span>
    </>
  );
}

export function InFlightCell({ campaign, stats }: Live) {
  const cap = campaign.max_concurrent_calls ?? null;
  return (
    <>
      {stats.contacts.in_progress}
      {cap !== null && <span className="text-slate-600"> / {cap} cap</span>}
    </>
  );
}

export function AnswerRateCell({ stats }: Live) {
  return stats.answer_rate === null ? (
    <None why="No ended calls yet" />
  ) : (
    `${stats.answer_rate.toFixed(1)}%`
  );
}

export function ConversionCell({ campaign, stats }: Live) {
  if (!campaign.goal) return <None why="No goal set" />;
  return stats.conversion_rate == null ? (
    <None why="No answered contacts yet" />
  ) : (
    formatPercent(stats.conversion_rate)
  );
}

export function SpendCell({ stats }: Live) {
  if (stats.cost) return formatMoney(stats.cost.total, stats.cost.currency);
  // Null: no rate card. Absent: a server that gives no spend in a row (it is beyond the contract).
  return <None why={stats.cost === null ? 'No rate card' : 'Spend not given by this server'} />;
}

/** A finish time rounded as the Overview rounds it; a timestamp this browser cannot read as it came. */
function rounded(iso: string, now: number): string | number {
  const at = Date.parse(iso);
  return Number.isFinite(at) ? roundFinish(at, now) : iso;
}

/**
 * The Overview's finish range, in the campaign's zone (it is forecast against its calling
 * window): "Tue 14:20–16:00 EST".
 */
export function FinishesCell({ stats, now, timeZone }: Live) {
  const viewer = useViewerZone();
  const zone = timeZone ?? viewer;
  const left = stats.contacts.pending + stats.contacts.in_progress;
  if (stats.contacts.total > 0 && left === 0) return 'Finished';
  if (stats.ended_calls !== undefined && stats.ended_calls < ENOUGH_ENDED_CALLS && left > 0)
    return <span className="text-slate-600">Not enough calls yet</span>;
  const range = stats.finishes_range;
  const from = range && zonedParts(rounded(range.earliest, now), zone, 'upcoming', now);
  const to = range && zonedParts(rounded(range.latest, now), zone, 'upcoming', now);
  if (range && from && to) {
    // "Tue 14:20–16:00" within one day, "Tue 14:20–Wed 09:00" across days.
    const sameDay =
      /^\w{3} \d\d:\d\d$/.test(to.text) && to.text.slice(0, 3) === from.text.slice(0, 3);
    return (
      <time dateTime={range.earliest} title={to.zone} className="relative whitespace-nowrap">
        {from.text === to.text ? from.text : `${from.text}–${sameDay ? to.text.slice(4) : to.text}`}{' '}
        <span aria-hidden="true">{to.abbreviation}</span>
        <span className="sr-only">{to.zone}</span>
      </time>
    );
  }
  return stats.finishes_at ? (
    <FinishTime at={stats.finishes_at} zone={zone} now={now} />
  ) : (
    <None why="No estimate" />
  );
}

/** One finish time, rounded, with its zone named; its datetime the estimate as it came. */
function FinishTime({ at, zone, now }: { at: string; zone: string; now: number }) {
  const parts = zonedParts(rounded(at, now), zone, 'upcoming', now);
  if (!parts) return at;
  return (
    <time dateTime={at} title={parts.zone} className="relative whitespace-nowrap">
      {parts.text} <span aria-hidden="true">{parts.abbreviation}</span>
      <span className="sr-only">{parts.zone}</span>
    </time>
  );
}
