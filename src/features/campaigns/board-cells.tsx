import type { Campaign, Configuration } from '../../../contract/schemas';
import type { BatchStats } from '../../../contract/extensions';
import { dialingReason } from '../../lib/dialing-reason';
import { ZonedTime } from '../../components/zoned-time';
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

export function FinishesCell({ stats, now, timeZone }: Live) {
  const left = stats.contacts.pending + stats.contacts.in_progress;
  if (stats.contacts.total > 0 && left === 0) return 'Finished';
  return stats.finishes_at ? (
    <ZonedTime at={stats.finishes_at} zone={timeZone} style="upcoming" now={now} />
  ) : (
    <None why="No estimate" />
  );
}
