import { lazy, memo, Suspense, useDeferredValue } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { POLL_INTERVAL_MS } from '../../api/concurrency';
import { configurationQueries } from '../../api/configurations';
import { reportQueries } from '../../api/reports';
import { useExtension } from '../../api/session';
import type { CampaignTimeline, Report } from '../../../contract/extensions';
import type { Campaign, Configuration, Stats } from '../../../contract/schemas';
import { ErrorState } from '../../components/error-state';
import { Panel } from '../../components/panel';
import { FiringAlertList } from '../../entities/alert/firing-alerts';
import { NoContactsYet } from '../../entities/contact/no-contacts-yet';
import { BucketsPanel } from './buckets-panel';
import { FinishEstimatePanel, ForecastPanel } from './finish-estimate-panel';
import { useCampaignTimeline, useTimelineRange } from './use-campaign-timeline';
import type { TimelineRange } from '../../api/timelines';
import { HeadroomPanel } from './headroom-panel';
import { KeyNumbers } from './key-numbers';
import { useHeadroomHistory } from './use-headroom-history';
import type { HistoryPoint } from './headroom-history';
import { LivenessBar } from './liveness-bar';
import { useCampaignStats } from './use-campaign-stats';
import { whyNotDialing } from '../../lib/dialing-reason';
import { useDeferredPending } from '../../lib/first-paint';
import { viewerZone } from '../../lib/format';

// Below the fold on a phone, with its charts: it loads after the numbers above it.
const HistoryPanel = lazy(() => import('./history-panel'));

// Only servers with the report extension need it: its code loads with the first report.
const ResultsSection = lazy(() => import('./results-section'));

// (ext) contact-timezones: who can be called now; its own small panel, loaded on its own.
const CallablePanel = lazy(() => import('./callable-panel'));

// (ext) plan: below the key numbers and the results, loaded after them.
const PlanPanel = lazy(() => import('./plan-panel'));

function HistorySkeleton() {
  return (
    <Panel title="History" className="lg:col-span-2">
      <div className="mt-2 h-[470px] animate-pulse rounded bg-slate-100" aria-hidden="true" />
    </Panel>
  );
}

export function OverviewTab({ campaign }: { campaign: Campaign }) {
  const hasReport = useExtension('report');
  const hasTimeline = useExtension('timeline');
  const hasPlan = useExtension('plan');
  const hasZones = useExtension('contact-timezones');
  const { query, live, visible } = useCampaignStats(campaign);
  const points = useHeadroomHistory(campaign.id);
  const [range, setRange] = useTimelineRange();
  const timeline = useCampaignTimeline(campaign.id, range, { enabled: hasTimeline, live });
  const configuration = useQuery({
    ...configurationQueries.detail(campaign.configuration_id ?? ''),
    enabled: campaign.configuration_id !== null,
  });
  // The Results section's query: one request serves both.
  const report = useQuery({
    ...reportQueries.campaign(campaign.id),
    enabled: hasReport,
    refetchInterval: live ? POLL_INTERVAL_MS : false,
  });

  // Every answer re-renders this component synchronously (TanStack Query reads its cache
  // through useSyncExternalStore); the sections render from deferred copies instead, in a
  // background pass React splits into short tasks, so no answer is one long task on a phone.
  const sections: SectionsProps = {
    campaign: useDeferredValue(campaign),
    stats: useDeferredValue(query.data),
    statsUpdatedAt: useDeferredValue(query.dataUpdatedAt),
    statsFetching: useDeferredValue(query.isFetching),
    statsError: useDeferredValue(query.isError ? query.error : null),
    refresh: query.refetch,
    live: useDeferredValue(live),
    visible: useDeferredValue(visible),
    points: useDeferredValue(points),
    timeline: useDeferredValue(timeline),
    range,
    setRange,
    configuration: useDeferredValue(configuration.data),
    report: useDeferredValue(report.data),
    hasReport,
    hasTimeline,
    hasPlan,
    hasZones,
  };

  // "Why is nothing dialing?" reads the configuration: waiting for it keeps that note from
  // pushing the panels down when it arrives.
  const pending = useDeferredPending(query.isPending || configuration.isLoading);
  if (pending) {
    return <p className="text-slate-500">Loading statistics…</p>;
  }
  if (!sections.stats) {
    return (
      <ErrorState
        title="Could not load the statistics"
        error={query.error}
        onRetry={() => query.refetch()}
      />
    );
  }
  return <OverviewSections {...sections} stats={sections.stats} />;
}

type SectionsProps = {
  campaign: Campaign;
  stats: Stats | undefined;
  statsUpdatedAt: number;
  statsFetching: boolean;
  statsError: Error | null;
  refresh: () => unknown;
  live: boolean;
  visible: boolean;
  points: HistoryPoint[];
  timeline: UseQueryResult<CampaignTimeline>;
  range: TimelineRange;
  setRange: (range: TimelineRange) => void;
  configuration: Configuration | undefined;
  report: Report | undefined;
  hasReport: boolean;
  hasTimeline: boolean;
  hasPlan: boolean;
  hasZones: boolean;
};

const OverviewSections = memo(function OverviewSections({
  campaign,
  stats,
  statsUpdatedAt,
  statsFetching,
  statsError,
  refresh,
  live,
  visible,
  points,
  timeline,
  range,
  setRange,
  configuration,
  report,
  hasReport,
  hasTimeline,
  hasPlan,
  hasZones,
}: SectionsProps & { stats: Stats }) {
  const reason = whyNotDialing(campaign, stats, configuration ?? null, new Date(statsUpdatedAt));
  const stale = statsError !== null;
  // Campaigns without a configuration have no timezone of their own: the viewer's.
  const timeZone = configuration?.timezone ?? viewerZone();

  return (
    // Printed (Print / Save as PDF), a report: the key numbers and results, no live-only parts.
    <section aria-label="Overview" className="space-y-4 print:flex print:flex-col print:gap-4">
      {stats.contacts.total === 0 && (
        <div className="print:hidden">
          <NoContactsYet campaign={campaign} />
        </div>
      )}
      <KeyNumbers
        campaign={campaign}
        stats={stats}
        report={report}
        timeline={timeline.data}
        timelineUpdatedAt={timeline.dataUpdatedAt}
        timeZone={timeZone}
      />
      <div className="space-y-4 print:hidden">
        <LivenessBar
          live={live}
          visible={visible}
          campaignStatus={campaign.status}
          updatedAt={statsUpdatedAt}
          fetching={statsFetching}
          error={statsError}
          onRefresh={refresh}
        />
        <FiringAlertList campaignId={campaign.id} />
      </div>
      {/* Announced when a reason appears or changes; the polls that keep it the same stay quiet. */}
      <div role="status" className="print:hidden">
        {reason && (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-950">
            <strong>Why is nothing dialing?</strong> {reason}
          </p>
        )}
      </div>
      {stale && (
        <p
          id="stale-note"
          className="inline-flex items-center gap-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-1 text-sm font-medium text-amber-950"
        >
          Stale: these numbers are from the last successful update.
        </p>
      )}
      {hasZones && (
        <Suspense fallback={null}>
          <CallablePanel campaign={campaign} live={live} />
        </Suspense>
      )}
      {/* Staleness is a border and the note above, never faded text (contrast). */}
      <div
        className={`grid gap-4 lg:grid-cols-2 ${stale ? 'rounded-lg outline-2 outline-offset-4 outline-amber-400 outline-dashed' : ''}`}
        aria-describedby={stale ? 'stale-note' : undefined}
      >
        <BucketsPanel stats={stats} />
        <HeadroomPanel stats={stats} points={hasTimeline ? null : points} live={live} />
        {hasTimeline ? (
          <>
            <ForecastPanel
              timeline={timeline}
              status={stats.status}
              total={stats.contacts.total}
              timeZone={timeZone}
            />
            <Suspense fallback={<HistorySkeleton />}>
              <HistoryPanel
                timeline={timeline}
                range={range}
                onRangeChange={setRange}
                limit={campaign.max_concurrent_calls ?? stats.concurrency_limit}
                limitLabel={campaign.max_concurrent_calls ? 'The campaign cap' : 'The org limit'}
              />
            </Suspense>
          </>
        ) : (
          <FinishEstimatePanel
            points={points}
            active={campaign.status === 'active'}
            timeZone={timeZone}
          />
        )}
      </div>
      {hasReport && (
        <Suspense fallback={null}>
          <ResultsSection campaign={campaign} live={live} />
        </Suspense>
      )}
      {hasPlan && (
        <Suspense fallback={null}>
          <PlanPanel
            campaign={campaign}
            timeZone={timeZone}
            orgLimit={stats.concurrency_limit}
            currency={configuration?.rate_card?.currency ?? null}
          />
        </Suspense>
      )}
    </section>
  );
});
