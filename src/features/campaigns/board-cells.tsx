import type { Campaign, Configuration } from '../../../contract/schemas';
import type { BatchStats } from '../../../contract/extensions';
import { dialingReason } from '../../lib/dialing-reason';
import { formatUpcoming } from '../../lib/format';
import { progressPercent } from './sort-campaigns';

const cell = 'px-3 py-2 tabular-nums text-slate-800';
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
    <span className="mt-1 block w-max rounded border border-amber-300 bg-amber-50 px-1.5 py-0.5 text-xs text-amber-950">
      {reason.chip}
    </span>
  );
}

/** The live columns of one row; empty cells while its numbers have not arrived. */
export function BoardCells({
  campaign,
  stats,
  now,
}: {
  campaign: Campaign;
  stats: BatchStats | undefined;
  now: number;
}) {
  if (!stats) {
    const why = campaign.status === 'closed' ? 'Closed: no live numbers' : 'Loading';
    return (
      <>
        {[0, 1, 2, 3].map((i) => (
          <td key={i} className={cell}>
            <None why={why} />
          </td>
        ))}
      </>
    );
  }
  const progress = progressPercent(stats);
  const cap = campaign.max_concurrent_calls ?? null;
  const left = stats.contacts.pending + stats.contacts.in_progress;
  return (
    <>
      <td className={cell}>
        {progress === null ? (
          <None why="No contacts" />
        ) : (
          <>
            {progress}%
            <span aria-hidden="true" className="mt-1 block h-1 w-16 rounded-full bg-slate-200">
              <span
                className="block h-full rounded-full bg-indigo-600"
                style={{ width: `${progress}%` }}
              />
            </span>
          </>
        )}
      </td>
      <td className={cell}>
        {stats.contacts.in_progress}
        {cap !== null && <span className="text-slate-600"> / {cap} cap</span>}
      </td>
      <td className={cell}>
        {stats.answer_rate === null ? (
          <None why="No ended calls yet" />
        ) : (
          `${stats.answer_rate.toFixed(1)}%`
        )}
      </td>
      <td className={cell}>
        {stats.contacts.total > 0 && left === 0 ? (
          'Finished'
        ) : stats.finishes_at ? (
          <time dateTime={stats.finishes_at}>{formatUpcoming(stats.finishes_at, now)}</time>
        ) : (
          <None why="No estimate" />
        )}
      </td>
    </>
  );
}
