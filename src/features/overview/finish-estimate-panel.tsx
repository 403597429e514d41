import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CampaignStatus } from '../../../contract/schemas';
import type { CampaignTimeline } from '../../../contract/extensions';
import { Panel } from '../../components/panel';
import { ZonedTime } from '../../components/zoned-time';
import { formatDuration } from '../../lib/format';
import { forecastText } from './forecast-text';
import { estimateFinish, type HistoryPoint } from './headroom-history';

export function FinishEstimatePanel({
  points,
  active,
  timeZone,
}: {
  points: HistoryPoint[];
  active: boolean;
  timeZone: string;
}) {
  const estimate = estimateFinish(points);
  let text: ReactNode;
  if (estimate.kind === 'done') text = 'Every contact is finished.';
  else if (!active) text = 'No estimate while the campaign is not active.';
  else if (estimate.kind === 'measuring')
    text = 'Still measuring: an estimate needs a few minutes of progress during this visit.';
  else if (estimate.kind === 'stalled')
    text = 'No contact finished in the last 15 minutes, so no finish time can be estimated.';
  else {
    const last = points[points.length - 1]!;
    text = (
      <>
        About {formatDuration((estimate.finishesAt - last.at) / 1000)} more at the current pace (
        {estimate.perHour} contacts finished per hour), around{' '}
        <ZonedTime at={estimate.finishesAt} zone={timeZone} style="weekday-clock" />.
      </>
    );
  }
  return (
    <Panel title="Estimated finish">
      <p className="mt-2 text-sm text-slate-700">{text}</p>
    </Panel>
  );
}

/** The server's forecast: honest about nights and weekends, right on the first load. */
export function ForecastPanel({
  timeline,
  status,
  total,
  timeZone,
}: {
  timeline: UseQueryResult<CampaignTimeline>;
  status: CampaignStatus;
  total: number;
  timeZone: string;
}) {
  const forecast = timeline.data?.forecast;
  return (
    <Panel title="Estimated finish">
      <p className="mt-2 min-h-10 text-sm text-slate-700">
        {forecast
          ? forecastText(forecast, { status, total, timeZone, now: timeline.dataUpdatedAt })
          : timeline.isError
            ? `Could not load the estimate: ${timeline.error.message}`
            : 'Loading the estimate…'}
      </p>
    </Panel>
  );
}
