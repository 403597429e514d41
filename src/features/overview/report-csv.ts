import type { Report } from '../../../contract/extensions';
import type { Campaign } from '../../../contract/schemas';
import { downloadCsv, fileSlug } from '../../lib/csv-download';

type Row = [section: string, metric: string, value: string | number];
const value = (v: number | string | null) => (v === null ? '' : v);

/**
 * The Overview's Results as one long CSV (section, metric, value), from the very answer the
 * screen shows: what it covers and when the server made it first, then every figure (goal
 * and cost where the server reports them).
 */
export function reportRows(campaign: Campaign, report: Report, filters: string): Row[] {
  const rows: Row[] = [
    ['report', 'campaign', campaign.name],
    ['report', 'campaign_id', report.campaign_id],
    ['report', 'filters', filters],
    ['report', 'generated_at', report.generated_at],
    ['report', 'started_at', value(report.started_at)],
    ['report', 'completed_at', value(report.completed_at)],
  ];
  for (const [k, v] of Object.entries(report.contacts)) rows.push(['contacts', k, v]);
  rows.push(['attempts', 'total', report.attempts.total]);
  rows.push(['attempts', 'in_progress', report.attempts.in_progress]);
  for (const [k, v] of Object.entries(report.attempts.by_status)) rows.push(['outcomes', k, v]);
  for (const [k, v] of Object.entries(report.rates)) rows.push(['rates', k, value(v)]);
  rows.push(['talk_time', 'total_seconds', report.talk_time.total_seconds]);
  rows.push(['talk_time', 'average_seconds', value(report.talk_time.average_seconds)]);
  for (const a of report.by_attempt_number) {
    rows.push(['by_attempt_number', `${a.attempt}.ended`, a.ended]);
    rows.push(['by_attempt_number', `${a.attempt}.completed`, a.completed]);
  }
  if (report.goal) {
    rows.push(['goal', 'results', report.goal.results.join(' | ')]);
    rows.push(['goal', 'conversions', report.goal.conversions]);
    rows.push(['goal', 'conversion_rate', value(report.goal.conversion_rate)]);
  }
  if (report.cost) {
    rows.push(['cost', 'currency', report.cost.currency]);
    rows.push(['cost', 'total', report.cost.total]);
    rows.push(['cost', 'per_completed_contact', value(report.cost.per_completed_contact)]);
    rows.push(['cost', 'per_conversion', value(report.cost.per_conversion)]);
  }
  for (const r of report.results) {
    rows.push(['results', `${r.key}.count`, r.count]);
    if (r.type === 'boolean') {
      rows.push(['results', `${r.key}.true`, r.true], ['results', `${r.key}.false`, r.false]);
    } else if (r.type === 'number') {
      rows.push(
        ['results', `${r.key}.mean`, value(r.mean)],
        ['results', `${r.key}.min`, value(r.min)],
        ['results', `${r.key}.max`, value(r.max)],
      );
    } else {
      for (const v of r.values) rows.push(['results', `${r.key}=${v.value}`, v.count]);
    }
  }
  return rows;
}

export function downloadReport(campaign: Campaign, report: Report, filters = 'none'): string {
  const file = `${fileSlug(campaign.name)}-report-${report.generated_at.slice(0, 10)}.csv`;
  downloadCsv(file, ['section', 'metric', 'value'], reportRows(campaign, report, filters));
  return file;
}
