import type { AlertChannel, AlertCondition } from '../../../contract/alerts';

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** "Slack", "the webhook at hooks.example.com", joined with "and". */
export function channelWords(channels: readonly Pick<AlertChannel, 'type' | 'url'>[]): string {
  const words = channels.map((c) =>
    c.type === 'slack' ? 'Slack' : `the webhook at ${hostOf(c.url) || '…'}`,
  );
  if (words.length <= 1) return words[0] ?? 'nobody';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** What the condition watches, in words, about `campaign` (a name, or "any campaign"). */
export function conditionWords(condition: AlertCondition, campaign: string): string {
  const its = `${campaign}’s`;
  switch (condition.kind) {
    case 'finished':
      return `${campaign} finishes`;
    case 'stalled':
      return `${campaign} starts no call for ${condition.for_minutes} minutes while contacts wait`;
    case 'at_cap':
      return `the org is at its concurrency limit for ${condition.for_minutes} minutes`;
    case 'rate_below':
      return `${its} ${condition.metric === 'answer_rate' ? 'answer' : 'conversion'} rate is below ${condition.threshold}% over the last ${condition.window_calls} calls`;
    case 'failed_share_above':
      return `more than ${condition.threshold}% of ${its} last ${condition.window_calls} calls fail or are busy`;
    case 'answer_rate_drop':
      return `${its} answer rate in the last hour falls below ${condition.threshold}% of its usual rate at that hour`;
  }
}

/** "Tell Slack when Spring outreach’s answer rate is below 30% over the last 200 calls". */
export function ruleSentence(
  rule: { condition: AlertCondition; channels: readonly Pick<AlertChannel, 'type' | 'url'>[] },
  campaign: string | null,
): string {
  return `Tell ${channelWords(rule.channels)} when ${conditionWords(rule.condition, campaign ?? 'any campaign')}`;
}
