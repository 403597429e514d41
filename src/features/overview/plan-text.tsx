import type { ReactNode } from 'react';
import type { Plan } from '../../../contract/extensions';
import { ZonedTime } from '../../components/zoned-time';
import { formatInZone, formatNumber } from '../../lib/format';

const WEEK_MS = 6 * 86_400_000;

/** The weekday within the week ahead, the date beyond. */
const planStyle = (at: number, now: number) =>
  at - now > WEEK_MS ? 'date-clock' : 'weekday-clock';

/** A time in the campaign's zone, as the plan's chart labels it. */
export function planTime(at: number, zone: string, now: number): string {
  return formatInZone(at, zone, planStyle(at, now));
}

const finishAt = (plan: Plan, lines: number) => {
  const iso = plan.at_lines.find((a) => a.lines === lines)?.finishes_at;
  return iso ? Date.parse(iso) : null;
};
const linesWord = (n: number) => (n === 1 ? '1 line' : `${formatNumber(n)} lines`);

/**
 * The plan's answer in one sentence, times in the campaign's zone, each with the zone's short
 * name (its full name on hover): "14 lines finish by Fri 16:40 EST; today's 10 finish Mon
 * 11:20 EST."
 */
export function planSentence(plan: Plan, zone: string, now: number): ReactNode {
  const at = (ms: number) => <ZonedTime at={ms} zone={zone} style={planStyle(ms, now)} />;
  if (plan.attempts_per_line_hour === null) return `No plan yet: ${plan.basis}.`;
  if (plan.remaining.contacts === 0) return 'Nothing is left to call.';
  const today = finishAt(plan, plan.lines_now);
  const todayText =
    today === null ? (
      <>today's {formatNumber(plan.lines_now)} never finish: the calling window never opens</>
    ) : (
      <>
        today's {formatNumber(plan.lines_now)} finish {at(today)}
      </>
    );
  const deadline = plan.deadline;
  if (!deadline) {
    return today === null ? (
      'The calling window never opens, so no line count finishes.'
    ) : (
      <>
        Today's {linesWord(plan.lines_now)} finish by {at(today)}.
      </>
    );
  }
  const by = Date.parse(deadline.at);
  if (deadline.lines_needed === null) {
    return (
      <>
        Even 1,000 lines cannot finish by {at(by)}; {todayText}.
      </>
    );
  }
  const needed = finishAt(plan, deadline.lines_needed);
  const over = deadline.within_org_limit ? '' : ', more than the org limit allows';
  return (
    <>
      {linesWord(deadline.lines_needed)} finish by {at(needed ?? by)}
      {over}; {todayText}.
    </>
  );
}
