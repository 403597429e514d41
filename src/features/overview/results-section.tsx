import { memo, useDeferredValue, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { POLL_INTERVAL_MS } from '../../api/concurrency';
import { reportQueries } from '../../api/reports';
import type { Report } from '../../../contract/extensions';
import type { Campaign } from '../../../contract/schemas';
import { Button } from '../../components/button';
import { ErrorState } from '../../components/error-state';
import { CallExhaustedAgainButton } from '../../entities/contact/requeue-dialog';
import { AttemptNumbersPanel } from './attempt-numbers-panel';
import { EvaluationRollupPanel } from './evaluation-rollup-panel';
import { OutcomesPanel } from './outcomes-panel';
import { RatesPanel } from './rates-panel';
import { ZonedTime } from '../../components/zoned-time';

/** The report to take away: the figures as CSV, the page as the browser prints it. */
function ReportActions({ campaign, report }: { campaign: Campaign; report: Report }) {
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <Button
        onClick={() =>
          // The CSV code loads only when someone downloads; the figures are the ones shown.
          void import('./report-csv').then(({ downloadReport }) =>
            setSaved(`Saved the report as ${downloadReport(campaign, report)}.`),
          )
        }
      >
        Download report (CSV)
      </Button>
      <Button onClick={() => window.print()}>Print / Save as PDF</Button>
      {saved && (
        <p role="status" className="text-sm text-slate-700">
          {saved}
        </p>
      )}
    </div>
  );
}

/** The four panels, for one answer of the report. */
const ResultsPanels = memo(function ResultsPanels({
  campaignId,
  report,
}: {
  campaignId: string;
  report: Report;
}) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <OutcomesPanel campaignId={campaignId} report={report} />
      <RatesPanel campaignId={campaignId} report={report} />
      <AttemptNumbersPanel campaignId={campaignId} report={report} />
      <EvaluationRollupPanel campaignId={campaignId} results={report.results} />
    </div>
  );
});

/**
 * (ext) report: is the campaign working. Polled on the stats' rhythm (live: every 5 s),
 * so one poll costs one more request at most. An answer's panels render in a background
 * pass: the query's update itself is synchronous, and charts are a long task on a phone.
 */
export default function ResultsSection({ campaign, live }: { campaign: Campaign; live: boolean }) {
  const report = useQuery({
    ...reportQueries.campaign(campaign.id),
    refetchInterval: live ? POLL_INTERVAL_MS : false,
  });
  const data = useDeferredValue(report.data);
  const heading = (
    <h2 id="results-heading" className="text-lg font-semibold">
      Results
    </h2>
  );
  if (!data && report.isError) {
    return (
      <section aria-labelledby="results-heading" className="space-y-3">
        {heading}
        <ErrorState
          title="Could not load the results"
          error={report.error}
          onRetry={() => report.refetch()}
        />
      </section>
    );
  }
  if (!data) {
    return (
      <section aria-labelledby="results-heading" aria-busy="true" className="space-y-3">
        {heading}
        {/* Keyed, so the results replace it instead of restyling it: Chrome counts a pulsing
            element turned into content as a layout shift. */}
        <div key="loading" className="h-64 animate-pulse rounded-lg bg-slate-100" />
      </section>
    );
  }
  return (
    // Printed, the results come first: the key numbers on page one.
    <section aria-labelledby="results-heading" className="space-y-3 print:order-first">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {heading}
        <div className="flex flex-wrap items-center gap-2 print:hidden">
          <ReportActions campaign={campaign} report={data} />
          <CallExhaustedAgainButton campaign={campaign} exhausted={data.contacts.exhausted} />
        </div>
      </div>
      <p className="hidden text-sm text-slate-700 print:block">
        {campaign.name} ({campaign.finished ? 'finished' : campaign.status}): all contacts, report
        generated <ZonedTime at={data.generated_at} style="date-time" />.
      </p>
      {data.contacts.total === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
          No contacts yet: results appear once contacts are imported and called.
        </p>
      ) : (
        <ResultsPanels campaignId={campaign.id} report={data} />
      )}
    </section>
  );
}
