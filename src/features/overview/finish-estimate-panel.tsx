import { estimateFinish, type HistoryPoint } from './headroom-history';
import { formatDuration } from '../../lib/format';

export function FinishEstimatePanel({
  points,
  active,
}: {
  points: HistoryPoint[];
  active: boolean;
}) {
  const estimate = estimateFinish(points);
  let text: string;
  if (estimate.kind === 'done') text = 'Every contact is finished.';
  else if (!active) text = 'No estimate while the campaign is not active.';
  else if (estimate.kind === 'measuring')
    text = 'Still measuring: an estimate needs a few minutes of progress during this visit.';
  else if (estimate.kind === 'stalled')
    text = 'No contact finished in the last 15 minutes, so no finish time can be estimated.';
  else {
    const at = new Date(estimate.finishesAt);
    const last = points[points.length - 1]!;
    text = `About ${formatDuration((estimate.finishesAt - last.at) / 1000)} more at the current pace (${estimate.perHour} contacts finished per hour), around ${at.toLocaleString('en-US', { weekday: 'short', hour: '2-digit', minute: '2-digit' })}.`;
  }
  return (
    <section
      aria-labelledby="finish-heading"
      className="rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="finish-heading" className="text-base font-semibold">
        Estimated finish
      </h2>
      <p className="mt-2 text-sm text-slate-700">{text}</p>
    </section>
  );
}
